import { VFile } from 'vfile';
import { reportError } from './messages.ts';

/** Largest content file we accept. Longer press releases exist; 5 MB of text is not one of them. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

// Problems with a whole file are reported at its start, so every message has a line and column.
const START = { line: 1, column: 1 };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns a content file's bytes into a VFile of text. Binary, non-UTF-8, oversized and empty files
 * become a file with one error message and no text, so callers can skip them without losing the report.
 * `size` is the size on disk, for a file too large to have been read.
 */
export function decodeContentFile(path: string, bytes: Uint8Array, size = bytes.byteLength): VFile {
  const file = new VFile({ path, value: '' });
  const length = Math.max(size, bytes.byteLength);
  if (length > MAX_FILE_BYTES) {
    reportError(
      file,
      `File is ${length} bytes, over the ${MAX_FILE_BYTES}-byte limit: split it, or move attachments out of content/`,
      'file-too-large',
      START,
    );
    return file;
  }
  if (bytes.includes(0)) {
    reportError(file, 'File is binary (it contains NUL bytes): content files must be UTF-8 text', 'not-utf8', START);
    return file;
  }
  let text: string;
  try {
    // The decoder drops a leading BOM, which editors on Windows add.
    text = strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    // Point at the bad byte: the text before it is valid, so its lines can be counted.
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    // Lines end as vfile-location and micromark count them: CRLF, LF or a lone CR.
    const lines = before.split(/\r?\n|\r/);
    const place = { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
    reportError(
      file,
      `File is not valid UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at offset ${offset}): re-save it as UTF-8`,
      'not-utf8',
      place,
    );
    return file;
  }
  if (text.trim() === '') {
    reportError(
      file,
      'File is empty: add front matter between `---` lines (see docs/content-model.md), or delete the file',
      'empty-file',
      START,
    );
    return file;
  }
  file.value = text;
  return file;
}

/** Offset where the first invalid UTF-8 sequence of `bytes` starts; only meaningful when they are not valid UTF-8. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix is found by bisection; decode() is strict about truncated sequences too.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  // A streaming decode accepts a trailing, unfinished sequence: the bad one starts at its lead byte.
  let start = low - 1;
  while (start >= 0 && low - start < 4 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  return start >= 0 && (bytes[start] ?? 0) >= 0xc0 ? start : low;
}
