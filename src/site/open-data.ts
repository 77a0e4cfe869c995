import type { RecordRef } from '../link/graph.ts';
import { recordUrl } from '../link/urls.ts';
import type { Archive } from '../pipeline/build-archive.ts';
import { KIND_FOLDERS, RECORD_KINDS, type RecordKind } from '../schema/index.ts';
import { frontMatterJsonSchema } from '../schema/json-schema.ts';
import { recordKey } from '../schema/record-key.ts';
import { absoluteUrl, absolutizeHtml, type PublishTarget } from './publish.ts';

/** A JSON file of the published site: its path under the output folder and its text. */
export interface DataFile {
  readonly path: string;
  readonly json: string;
}

/** Where a record's own JSON is published: `/data/officials/tan-chengxu.json`. */
export function recordDataPath(record: { readonly kind: RecordKind; readonly slug: string }): string {
  return `/data/${KIND_FOLDERS[record.kind]}/${record.slug}.json`;
}

/**
 * The archive as open data: one JSON file of records per kind (`/data/officials.json`, without
 * article texts), one per record with its text (`/data/officials/tan-chengxu.json`), and the JSON Schema of each kind's front matter
 * (`/schemas/official.schema.json`), generated from the same zod schemas that validate the content.
 * URLs inside are absolute, so the files stay useful when downloaded. Made one at a time, so that
 * a large archive's JSON is never all in memory at once.
 */
export function* openDataFiles(archive: Archive, target: PublishTarget): Generator<DataFile> {
  for (const kind of RECORD_KINDS) {
    const { records, items, list } = kindList(archive, target, kind);
    yield list;
    for (const [position, record] of records.entries()) {
      yield recordDataFile(archive, target, { kind, slug: record.slug }, items[position]);
    }
    yield { path: `/schemas/${kind}.schema.json`, json: frontMatterJsonSchema(kind) };
  }
}

/**
 * The list of each kind's records alone, as {@link openDataFiles} writes it: for a build in which
 * only some records' names and texts changed, each list shows every record's front matter.
 */
export function* recordListFiles(archive: Archive, target: PublishTarget): Generator<DataFile> {
  for (const kind of RECORD_KINDS) yield kindList(archive, target, kind).list;
}

/** A kind's records, each as open data, and the file that lists them. */
function kindList(archive: Archive, target: PublishTarget, kind: RecordKind) {
  const records = [...(archive.records[kind] as ReadonlyMap<string, RecordData>).values()];
  const items = records.map((record) => dataItem(archive, target, kind, record));
  // The list of a kind leaves out the texts, so it stays small enough to fetch whole; each
  // record's own file carries its text.
  const list: DataFile = { path: `/data/${KIND_FOLDERS[kind]}.json`, json: JSON.stringify(items, null, 2) };
  return { records, items, list };
}

/**
 * The files of the records `refs` alone, as {@link openDataFiles} writes them: for a build in which
 * only their texts changed (see archive-shape.ts).
 */
export function* recordDataFiles(
  archive: Archive,
  target: PublishTarget,
  refs: Iterable<{ readonly kind: RecordKind; readonly slug: string }>,
): Generator<DataFile> {
  for (const { kind, slug } of refs) {
    const record = (archive.records[kind] as ReadonlyMap<string, RecordData>).get(slug);
    if (record === undefined) throw new TypeError(`no ${kind} ${slug} in the archive`);
    yield recordDataFile(archive, target, { kind, slug }, dataItem(archive, target, kind, record));
  }
}

interface RecordData {
  readonly slug: string;
  readonly data: unknown;
}

/** A record as open data: its id, kind and URLs, then its front matter (whose own `kind` may differ). */
function dataItem(archive: Archive, target: PublishTarget, kind: RecordKind, record: RecordData): object {
  return {
    id: record.slug,
    kind,
    url: absoluteUrl(target, recordUrl(archive.records, { kind, slug: record.slug })),
    data: absoluteUrl(target, recordDataPath({ kind, slug: record.slug })),
    ...(record.data as object),
  };
}

function recordDataFile(archive: Archive, target: PublishTarget, ref: RecordRef, item: object | undefined): DataFile {
  const body = archive.bodies.get(recordKey(ref));
  const html = body && body.html !== '' ? { html: absolutizeHtml(target, body.html) } : {};
  return { path: recordDataPath(ref), json: JSON.stringify({ ...item, ...html }, null, 2) };
}
