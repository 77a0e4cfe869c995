import type { Archive } from '../pipeline/build-archive.ts';
import { recordKey } from '../pipeline/record-key.ts';
import { KIND_FOLDERS, RECORD_KINDS, type RecordKind } from '../schema/index.ts';
import { frontMatterJsonSchema } from '../schema/json-schema.ts';
import { absoluteUrl, absolutizeHtml, type PublishTarget } from './publish.ts';
import { recordUrl } from './urls.ts';

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
    const records = [...(archive.records[kind] as ReadonlyMap<string, { slug: string; data: unknown }>).values()];
    const items = records.map((record) => ({
      id: record.slug,
      kind,
      url: absoluteUrl(target, recordUrl(archive.records, { kind, slug: record.slug })),
      data: absoluteUrl(target, recordDataPath({ kind, slug: record.slug })),
      ...(record.data as object),
    }));
    // The list of a kind leaves out the texts, so it stays small enough to fetch whole; each
    // record's own file carries its text.
    yield { path: `/data/${KIND_FOLDERS[kind]}.json`, json: JSON.stringify(items, null, 2) };
    for (const item of items) {
      const body = archive.bodies.get(recordKey({ kind, slug: item.id }));
      const html = body && body.html !== '' ? { html: absolutizeHtml(target, body.html) } : {};
      yield { path: recordDataPath({ kind, slug: item.id }), json: JSON.stringify({ ...item, ...html }, null, 2) };
    }
    yield { path: `/schemas/${kind}.schema.json`, json: frontMatterJsonSchema(kind) };
  }
}
