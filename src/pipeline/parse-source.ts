import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { decodeContentFile } from '../parse/decode.ts';
import { reportError } from '../parse/messages.ts';
import { type AnyParsedRecord, parseRecord } from '../parse/parse-record.ts';
import type { Refusal, SourceFile } from '../parse/source-file.ts';
import { KIND_FOLDERS, RECORD_KINDS } from '../schema/index.ts';

/** One source file after the first pass: its messages, and its record and body when it has one. */
export interface ParsedSource {
  readonly file: VFile;
  readonly record?: AnyParsedRecord;
  readonly body?: Root;
}

// Problems with a whole file are reported at its start, so every message has a line and column.
const START = { line: 1, column: 1 };

/** Decodes, parses and validates one source file on its own. Pure: it needs no other file. */
export function parseSource(source: SourceFile): ParsedSource {
  const file = readSource(source);
  if (source.kind === undefined || file.messages.length > 0) return { file };
  const parsed = parseRecord(file, source.kind);
  if (!parsed) return { file };
  const { body, ...record } = parsed;
  return { file, record: record as AnyParsedRecord, body };
}

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
