import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { checkEventSources } from '../link/check-event-sources.ts';
import { checkImportReview } from '../link/check-import-review.ts';
import { checkLabels } from '../link/check-labels.ts';
import { checkOfficialRoles } from '../link/check-official-roles.ts';
import { checkReferences } from '../link/check-references.ts';
import { buildGraph, type LinkGraph } from '../link/graph.ts';
import { indexRecords, type MentionTarget, type RecordIndex } from '../link/registry.ts';
import type { LinkMentionsOptions } from '../link/remark-link-mentions.ts';
import { suggestKnownSlugs } from '../link/suggest-known-slugs.ts';
import { recordUrl } from '../link/urls.ts';
import { NO_POSITIONS } from '../parse/front-matter.ts';
import { hasErrors } from '../parse/messages.ts';
import type { AnyParsedRecord, ParsedRecord } from '../parse/parse-record.ts';
import type { ContentFile, SourceFile } from '../parse/source-file.ts';
import type { RenderedBody } from '../render/render-body.ts';
import { RECORD_KINDS, type RecordKind } from '../schema/index.ts';
import { recordKey } from '../schema/record-key.ts';
import { parseSource } from './parse-source.ts';
import { articleWords, createRecordRenderer } from './render-records.ts';

/** The validated, cross-linked archive: every record, and every body rendered with its mentions. */
export interface Archive {
  readonly records: RecordIndex;
  /** Rendered bodies keyed by `kind:slug`. */
  readonly bodies: ReadonlyMap<string, RenderedBody>;
  /** Every reference and mention, from both ends. */
  readonly graph: LinkGraph;
}

/** The outcome of building: the archive when there were no errors, and every file with its messages. */
export interface ArchiveResult {
  readonly archive: Archive | undefined;
  readonly files: readonly VFile[];
}

/** The records after the link pass's checks, and what rendering their bodies needs. */
export interface LinkedRecords {
  readonly index: RecordIndex;
  readonly renderOptions: LinkMentionsOptions;
  /** The file that declares each linkable name. */
  readonly declaredIn: ReadonlyMap<string, string>;
}

/**
 * Turns content files into the archive in passes: parse and validate each file on its own, then
 * index all records and resolve every reference against the index, then render every body with
 * its mentions linked. Pure: no file system, no clock. Every problem is collected; none is thrown.
 * The cached build (build/build-archive-cached.ts) runs the same passes, through a disk cache and
 * worker threads.
 */
export function buildArchive(sources: readonly SourceFile[]): ArchiveResult {
  const parsed = sources.map(parseSource);
  const linked = linkParsed(sources, parsed);
  const bodies = new Map<AnyParsedRecord, Root>();
  for (const { record, body } of parsed) if (record && body) bodies.set(record, body);
  const render = createRecordRenderer(linked.renderOptions, linked.declaredIn);
  const rendered = new Map<string, RenderedBody>();
  for (const record of recordsOf(linked.index)) {
    rendered.set(recordKey(record), render(bodies.get(record) ?? EMPTY, record.file, articleWords(record)));
  }
  return assembleArchive(
    parsed.map(({ file }) => file),
    linked.index,
    rendered,
  );
}

const EMPTY: Root = { type: 'root', children: [] };

/**
 * The link pass over parsed files, `parsed[at]` being the outcome of `sources[at]`: index the
 * records, check every reference, and add known slugs to the messages about unknown ones. `link`
 * is the pass itself over the records that parsed: {@link linkRecords}, or the same pass with its
 * findings recalled (build/cache/link-pass-memo.ts).
 */
export function linkParsed(
  sources: readonly ContentFile[],
  parsed: readonly { readonly file: VFile; readonly record?: AnyParsedRecord | undefined }[],
  link: (records: readonly AnyParsedRecord[], invalid: ReadonlySet<string>) => LinkedRecords = linkRecords,
): LinkedRecords {
  const records = parsed.flatMap(({ record }) => (record ? [record] : []));
  const outcomes = parsed.map(({ file, record }) => ({ file, parsed: record !== undefined }));
  const linked = link(records, invalidRecords(sources, outcomes));
  suggestKnownSlugs(
    parsed.map(({ file }) => file),
    linked.index,
  );
  return linked;
}

/**
 * Records whose file exists but could not be read as a record, as `kind:slug` keys: references to
 * them are not reported again, since that file's own messages say what is wrong.
 */
export function invalidRecords(
  sources: readonly ContentFile[],
  outcomes: readonly { readonly file: VFile; readonly parsed: boolean }[],
): ReadonlySet<string> {
  const invalid = new Set<string>();
  sources.forEach((source, at) => {
    const outcome = outcomes[at];
    if (source.kind === undefined || !outcome || outcome.parsed || !outcome.file.stem) return;
    invalid.add(recordKey({ kind: source.kind, slug: outcome.file.stem }));
  });
  return invalid;
}

/**
 * First and second pass of linking: index every record, then check every reference against the
 * index. Every message of the pass is reported on the files of `records`.
 */
export function linkRecords(
  records: readonly AnyParsedRecord[],
  invalid: ReadonlySet<string> = new Set(),
): LinkedRecords {
  const { index, names, declaredIn } = indexRecords(records);
  checkReferences(records, index, (target) => invalid.has(recordKey(target)));
  checkEventSources(index, ![...invalid].some((key) => key.startsWith('article:')));
  checkOfficialRoles(index);
  checkImportReview(index);
  checkLabels(records);
  return linkedRecords(index, names, declaredIn, invalid);
}

/** What rendering needs of the link pass: the index, the names that link and the files that declare them. */
export function linkedRecords(
  index: RecordIndex,
  names: ReadonlyMap<string, MentionTarget>,
  declaredIn: ReadonlyMap<string, string>,
  invalid: ReadonlySet<string>,
): LinkedRecords {
  // Hand links (`[the city](place:dalian)`) to a record whose file has errors are not reported again either.
  const broken = (kind: RecordKind) =>
    [...invalid].filter((key) => key.startsWith(`${kind}:`)).map((key) => key.slice(kind.length + 1));
  const slugs = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, [...index[kind].keys(), ...broken(kind)]])) as {
    [K in RecordKind]: string[];
  };
  return { index, declaredIn, renderOptions: { names, slugs, hrefFor: (target) => recordUrl(index, target) } };
}

/** Every record in the index, kind by kind, in index order. */
export function recordsOf(index: RecordIndex): AnyParsedRecord[] {
  return RECORD_KINDS.flatMap((kind) => [...(index[kind] as ReadonlyMap<string, AnyParsedRecord>).values()]);
}

/** The archive from linked records and their rendered bodies; `undefined` when any file has an error. */
export function assembleArchive(
  files: readonly VFile[],
  index: RecordIndex,
  bodies: ReadonlyMap<string, RenderedBody>,
): ArchiveResult {
  const graph = buildGraph(index, new Map([...bodies].map(([key, body]) => [key, body.mentioned])));
  return { archive: hasErrors(files) ? undefined : { records: index, bodies, graph }, files };
}

/**
 * The archive as the site needs it: without each record's index of front-matter positions, which
 * only validation messages use and which is about 40% of the archive's memory (174 of 416 MB at
 * 10,000 articles). Call it once the messages have been reported.
 */
export function withoutPositions(archive: Archive): Archive {
  const strip = <K extends RecordKind>(records: ReadonlyMap<string, ParsedRecord<K>>) =>
    new Map([...records].map(([slug, record]) => [slug, { ...record, positions: NO_POSITIONS }]));
  const { records } = archive;
  return {
    ...archive,
    records: {
      article: strip(records.article),
      event: strip(records.event),
      official: strip(records.official),
      place: strip(records.place),
      organisation: strip(records.organisation),
      document: strip(records.document),
    },
  };
}
