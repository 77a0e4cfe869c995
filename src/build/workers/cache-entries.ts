import { deserialize, serialize } from 'node:v8';
import type { Root } from 'mdast';
import type { RenderedBody } from '../../render/render-body.ts';
import { type BodyFacts, factsOf, withFacts } from '../cache/body-facts.ts';
import { isRecordFacts, recordFactsOf, withRecordFacts } from '../cache/record-facts.ts';
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

/**
 * Encodes the record part of a clean parse for the cache, with its record's facts (see
 * record-facts.ts): every build after an edit reads the archive's shape, which then need not turn
 * every record's front matter into JSON again.
 */
export function encodeParseEntry(entry: ParseEntry): Uint8Array {
  return serialize({ ...entry, facts: recordFactsOf(entry.record) });
}

/** Encodes the body of a clean parse for the cache. */
export function encodeParseBody(body: Root): Uint8Array {
  return serialize(body);
}

/** The record part of a cached parse; `undefined` when the bytes are damaged. */
export function decodeParseEntry(bytes: Uint8Array): ParseEntry | undefined {
  return attempt(() => {
    const { facts, ...entry } = deserialize(bytes) as ParseEntry & { facts?: unknown };
    if (!isRecordFacts(facts)) throw new TypeError('not a parse entry');
    return { ...entry, record: withRecordFacts(entry.record, facts) };
  });
}

/** The body of a cached parse; `undefined` when the bytes are damaged. */
export function decodeParseBody(bytes: Uint8Array): Root | undefined {
  return attempt(() => deserialize(bytes) as Root);
}

/**
 * Encodes a rendered body for the cache, with its facts (see body-facts.ts): every build after an
 * edit reads the archive's shape, which then need not hash every body's HTML again (52 million
 * characters at 10,000 articles).
 */
export function encodeRendered(body: RenderedBody): Uint8Array {
  return serialize({ html: body.html, mentions: body.mentions, ...factsOf(body) });
}

/** A cached rendered body, with its facts; `undefined` when the bytes are damaged. */
export function decodeRendered(bytes: Uint8Array): RenderedBody | undefined {
  return attempt(() => {
    const { html, mentions, digest, length } = deserialize(bytes) as Partial<RenderedBody & BodyFacts>;
    if (typeof html !== 'string' || !Array.isArray(mentions) || typeof digest !== 'string' || length !== html.length) {
      throw new TypeError('not a rendered body');
    }
    return withFacts({ html, mentions }, { digest, length });
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
