import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { firstInvalidUtf8Offset } from './decode.ts';
import { reportError } from './messages.ts';

/** A percent-encoded part of a URL that no decoder can read. */
export interface MalformedEncoding {
  /** The offending text, e.g. `%E0%A4` (a cut-off character) or `%zz` (not hex). */
  readonly sequence: string;
  readonly problem: 'not-utf8' | 'not-hex';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const HEX = /^[0-9a-fA-F]{2}$/;
const ALPHANUMERIC = /^[0-9a-zA-Z]{2}$/;

/**
 * The first percent-encoding in `url` that does not decode to UTF-8 text, or `undefined`. A `%`
 * followed by anything but two letters or digits is not looked at: the renderer writes it as `%25`.
 * Two letters or digits that are not hex are kept as they are, and break decoding like bad bytes.
 */
export function findMalformedEncoding(url: string): MalformedEncoding | undefined {
  for (let index = url.indexOf('%'); index !== -1; index = url.indexOf('%', index + 1)) {
    const digits = url.slice(index + 1, index + 3);
    if (!ALPHANUMERIC.test(digits)) continue;
    if (!HEX.test(digits)) return { sequence: `%${digits}`, problem: 'not-hex' };
    // The bytes of a character are consecutive `%XX` triples: decode the whole run at once.
    const bytes: number[] = [];
    let end = index;
    while (url[end] === '%' && HEX.test(url.slice(end + 1, end + 3))) {
      bytes.push(Number.parseInt(url.slice(end + 1, end + 3), 16));
      end += 3;
    }
    const run = Uint8Array.from(bytes);
    try {
      strictUtf8.decode(run);
    } catch {
      const start = firstInvalidUtf8Offset(run);
      // Show the bad lead byte with the continuation bytes that follow it, as one would-be character.
      let stop = start + 1;
      while (stop < run.length && stop - start < 4 && ((run[stop] ?? 0) & 0xc0) === 0x80) stop++;
      return { sequence: url.slice(index + start * 3, index + stop * 3), problem: 'not-utf8' };
    }
    index = end - 1;
  }
  return undefined;
}

/**
 * Refuses link, image, definition and autolink targets whose percent-encoding is broken: such an
 * address leads nowhere, and decoding it (as the check of the built site's links does) fails.
 */
export function rejectMalformedLinks(tree: Root, file: VFile): void {
  visit(tree, ['link', 'definition', 'image'], (node) => {
    if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
    const malformed = findMalformedEncoding(node.url);
    if (!malformed) return;
    const what = node.type === 'image' ? 'Image' : 'Link';
    const shown = node.url.length > 40 ? `${node.url.slice(0, 40)}…` : node.url;
    const { sequence } = malformed;
    reportError(
      file,
      malformed.problem === 'not-utf8'
        ? `${what} \`${shown}\` has percent-encoding that is not valid UTF-8 (\`${sequence}\` is not a UTF-8 character): copy the address again in full, or write the characters themselves instead of \`%\` codes`
        : `${what} \`${shown}\` has \`${sequence}\`, which is not percent-encoding (\`%\` takes two hex digits): write a percent sign as \`%25\``,
      'malformed-link',
      node.position,
    );
  });
}
