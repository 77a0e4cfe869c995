import { deserialize, serialize } from 'node:v8';
import type { Root } from 'mdast';
import type { RenderedBody } from '../render/render-body.ts';
import type { PlainRecord } from './worker-jobs.ts';

/** A cached first pass over a file that had no message: its record, and whether its body is empty. */
export interface ParseEntry {
  readonly record: PlainRecord;
  /** True when the body has no content, so rendering can be skipped. */
  readonly empty: boolean;
}

// A parse entry is the record, then the body: a build that only needs records never decodes a body.
// Layout: 4-byte length of the record part, the record part, the body part (both v8-serialized).

/** Encodes a clean parse for the cache. */
export function encodeParseEntry(entry: ParseEntry, body: Root): Uint8Array {
  const head = serialize(entry);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.byteLength);
  return Buffer.concat([length, head, serialize(body)]);
}

/** The record part of a cached parse; `undefined` when the bytes are damaged. */
export function decodeParseEntry(bytes: Uint8Array): ParseEntry | undefined {
  return attempt(() => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return deserialize(buffer.subarray(4, 4 + buffer.readUInt32LE(0))) as ParseEntry;
  });
}

/** The body part of a cached parse. */
export function decodeParseBody(bytes: Uint8Array): Root | undefined {
  return attempt(() => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return deserialize(buffer.subarray(4 + buffer.readUInt32LE(0))) as Root;
  });
}

/** Encodes a rendered body for the cache. */
export function encodeRendered(body: RenderedBody): Uint8Array {
  return serialize(body);
}

/** A cached rendered body; `undefined` when the bytes are damaged. */
export function decodeRendered(bytes: Uint8Array): RenderedBody | undefined {
  return attempt(() => deserialize(bytes) as RenderedBody);
}

// A damaged entry (a full disk, a foreign file) is a miss, never an error: the next build replaces it.
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
