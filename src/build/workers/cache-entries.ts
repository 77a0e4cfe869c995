import { deserialize, serialize } from 'node:v8';
import type { Root } from 'mdast';
import type { RenderedBody } from '../../render/render-body.ts';
import { type BodyFacts, factsOf, withFacts } from '../cache/body-facts.ts';
import type { PlainRecord } from './worker-jobs.ts';

/** A cached first pass over a file that had no message: its record, and whether its body is empty. */
export interface ParseEntry {
  readonly record: PlainRecord;
  /** True when the body has no content, so rendering can be skipped. */
  readonly empty: boolean;
}

// A parse is cached as two entries, the record and the body, so that a build that only needs
// records (every build after an edit) never reads a syntax tree: those are most of the bytes.

/** The cache key of a parse's body, beside the key of its record. */
export function parseBodyKey(key: string): string {
  return `${key}-body`;
}

/** Encodes the record part of a clean parse for the cache. */
export function encodeParseEntry(entry: ParseEntry): Uint8Array {
  return serialize(entry);
}

/** Encodes the body of a clean parse for the cache. */
export function encodeParseBody(body: Root): Uint8Array {
  return serialize(body);
}

/** The record part of a cached parse; `undefined` when the bytes are damaged. */
export function decodeParseEntry(bytes: Uint8Array): ParseEntry | undefined {
  return attempt(() => deserialize(bytes) as ParseEntry);
}

/** The body of a cached parse; `undefined` when the bytes are damaged. */
export function decodeParseBody(bytes: Uint8Array): Root | undefined {
  return attempt(() => deserialize(bytes) as Root);
}

/**
 * Encodes a rendered body for the cache: the length of a head, the head (whom the body mentions,
 * and its facts: see body-facts.ts), then the HTML as UTF-8. Most builds read every body's mentions
 * but few bodies' HTML (an edit's own, the full-text feed's): apart, the HTML is never decoded
 * unless read (52 million characters at 10,000 articles).
 */
export function encodeRendered(body: RenderedBody): Uint8Array {
  const head = serialize({ mentions: body.mentions, ...factsOf(body) });
  const html = Buffer.from(body.html, 'utf8');
  const bytes = Buffer.allocUnsafe(4 + head.length + html.length);
  bytes.writeUInt32LE(head.length, 0);
  head.copy(bytes, 4);
  html.copy(bytes, 4 + head.length);
  return bytes;
}

/**
 * A cached rendered body; `undefined` when the bytes are damaged. Its HTML is decoded the first
 * time it is read: a build that makes every view reads every text, one after an edit a few.
 */
export function decodeRendered(bytes: Uint8Array): RenderedBody | undefined {
  return attempt(() => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headEnd = 4 + buffer.readUInt32LE(0);
    if (headEnd > buffer.length) throw new RangeError('a head longer than its entry');
    const head = deserialize(buffer.subarray(4, headEnd)) as Partial<BodyFacts & Pick<RenderedBody, 'mentions'>>;
    const { mentions, digest, length } = head;
    if (!Array.isArray(mentions) || typeof digest !== 'string' || !Number.isInteger(length)) {
      throw new TypeError('not a rendered body');
    }
    // A copy, so that the pack the entry was read from can go once the build has read it; the
    // bytes go once decoded, and the text is kept for the views, feeds and data that read it.
    let utf8: Buffer | undefined = Buffer.from(buffer.subarray(headEnd));
    let html: string | undefined;
    // In the order of a body just rendered, so that both read the same as JSON.
    const body = {
      get html() {
        html ??= utf8?.toString('utf8') ?? '';
        utf8 = undefined;
        return html;
      },
      mentions,
    };
    return withFacts(body, { digest, length: length as number });
  });
}

// A damaged entry (a full disk, a foreign file) is a miss, never an error: the next build replaces it.
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
