import { VFile } from 'vfile';
import { checkEventSources } from '../link/check-event-sources.ts';
import { checkReferences } from '../link/check-references.ts';
import { createUnregisteredNameCheck } from '../link/check-unregistered-names.ts';
import { buildGraph, type LinkGraph } from '../link/graph.ts';
import { indexRecords, type RecordIndex } from '../link/registry.ts';
import type { Refusal, SourceFile } from '../load/read-content.ts';
import { decodeContentFile } from '../parse/decode.ts';
import { hasErrors, reportError } from '../parse/messages.ts';
import { type AnyParsedRecord, parseRecord } from '../parse/parse-record.ts';
import { createBodyRenderer, type RenderedBody } from '../render/render-body.ts';
import { KIND_FOLDERS, RECORD_KINDS, type RecordKind } from '../schema/index.ts';
import { recordUrl } from '../site/urls.ts';
import { recordKey } from './record-key.ts';

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

/**
 * Turns content files into the archive in two passes: parse and validate each file on its own,
 * then index all records and resolve every reference and mention against the index.
 * Pure: no file system, no clock. Every problem is collected; none is thrown.
 */
export function buildArchive(sources: readonly SourceFile[]): ArchiveResult {
  const files: VFile[] = [];
  const records: AnyParsedRecord[] = [];
  const invalid = new Set<string>();
  for (const source of sources) {
    const file = readSource(source);
    files.push(file);
    if (source.kind === undefined || file.messages.length > 0) continue;
    const record = parseRecord(file, source.kind);
    if (record) records.push(record as AnyParsedRecord);
    // A file that exists but has errors is reported once, not again by every reference to it.
    else if (file.stem) invalid.add(recordKey({ kind: source.kind, slug: file.stem }));
  }

  const { index, names } = indexRecords(records);
  checkReferences(records, index, (target) => invalid.has(recordKey(target)));
  checkEventSources(index);
  const checkNames = createUnregisteredNameCheck(names);
  for (const article of index.article.values()) checkNames(article.body, article.file, article.data.plain);

  const slugs = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, [...index[kind].keys()]])) as {
    [K in RecordKind]: string[];
  };
  const render = createBodyRenderer({ names, slugs, hrefFor: (target) => recordUrl(index, target) });
  const bodies = new Map<string, RenderedBody>();
  for (const kind of RECORD_KINDS) {
    for (const record of index[kind].values()) {
      const plain = record.kind === 'article' ? record.data.plain : [];
      bodies.set(recordKey(record), render(record.body, record.file, plain));
    }
  }
  const mentions = new Map([...bodies].map(([key, body]) => [key, body.mentions]));
  const graph = buildGraph(index, mentions);
  return { archive: hasErrors(files) ? undefined : { records: index, bodies, graph }, files };
}

// Problems with a whole file are reported at its start, so every message has a line and column.
const START = { line: 1, column: 1 };

const REFUSALS: Readonly<Record<Refusal, string>> = {
  'symlink-outside-content':
    'Symbolic link points outside content/: copy the file into content/ instead of linking to it',
  'not-a-file':
    'Not a regular file that can be read (a pipe, socket, device or a file without read permission): replace it with a plain text file',
};

function readSource(source: SourceFile): VFile {
  if (source.refused !== undefined) {
    const file = new VFile({ path: source.path });
    reportError(file, REFUSALS[source.refused], source.refused, START);
    return file;
  }
  const file = decodeContentFile(source.path, source.bytes, source.size);
  if (source.kind === undefined && file.messages.length === 0) {
    const folders = RECORD_KINDS.map((kind) => `content/${KIND_FOLDERS[kind]}/`).join(', ');
    reportError(file, `File is not in a content folder: move it into one of ${folders}`, 'unknown-folder', START);
  }
  return file;
}
