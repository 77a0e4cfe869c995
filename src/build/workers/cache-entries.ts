import { deserialize, serialize } from 'node:v8';
import type { Root } from 'mdast';
import type { MentionTarget } from '../../link/registry.ts';
import type { Mention } from '../../link/remark-link-mentions.ts';
import type { RenderedBody } from '../../render/render-body.ts';
import { recordRefOf } from '../../schema/record-key.ts';
import { factsOf, withFacts } from '../cache/body-facts.ts';
import { isRecordFacts, type RecordFacts, recordFactsOf, withRecordFacts } from '../cache/record-facts.ts';
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
export function encodeParseEntry(entry: ParseEntry, facts: RecordFacts = recordFactsOf(entry.record)): Uint8Array {
  return serialize({ ...entry, facts });
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
 * characters at 10,000 articles). Whom it mentions is one line per record, and its mentions' words
 * and places one JSON text: a few strings an entry, not four objects a mention.
 */
export function encodeRendered(body: RenderedBody): Uint8Array {
  const details: MentionDetails[] = body.mentions.map(({ text, start, by }) => [
    text,
    start.line,
    start.column,
    start.offset ?? null,
    by,
  ]);
  const { digest, length, mentioned } = factsOf(body);
  return serialize({ html: body.html, mentioned, mentions: JSON.stringify(details), digest, length });
}

/** A mention but for its target, as cached: its words, line, column, offset and how it was found. */
type MentionDetails = [string, number, number, number | null, Mention['by']];

/**
 * A cached rendered body, with its facts; `undefined` when the bytes are damaged. `targets` holds
 * the records mentioned so far, by key, so that every body of a build mentions the same object
 * for the same record. The mentions themselves are made when first read: the graph and the plan
 * read only whom a body mentions (`mentioned`).
 */
export function decodeRendered(
  bytes: Uint8Array,
  targets: Map<string, MentionTarget> = new Map(),
): RenderedBody | undefined {
  return attempt(() => {
    const { html, mentioned, mentions, digest, length } = deserialize(bytes) as Record<string, unknown>;
    if (
      typeof html !== 'string' ||
      typeof mentioned !== 'string' ||
      typeof mentions !== 'string' ||
      typeof digest !== 'string' ||
      length !== html.length
    ) {
      throw new TypeError('not a rendered body');
    }
    const whom = mentioned === '' ? [] : mentioned.split('\n').map((key) => targetOf(key, targets));
    return withFacts(bodyOf(html, whom, mentions), { digest, length, mentioned });
  });
}

/**
 * A body whose mentions are made from `details` when first read. In a function of its own, so that
 * the getter holds only these: one made beside the entry's bytes held them, and with them the
 * buffer they are part of (a whole pack, or a batch of bodies from a worker).
 */
function bodyOf(html: string, whom: readonly MentionTarget[], details: string): RenderedBody {
  // In the order of a body just rendered, so that both read the same as JSON.
  const body = { html } as { html: string; mentions: Mention[]; mentioned: readonly MentionTarget[] };
  Object.defineProperty(body, 'mentions', {
    enumerable: true,
    configurable: true,
    get: () => {
      const read = JSON.parse(details) as MentionDetails[];
      if (read.length !== whom.length)
        throw new TypeError('a cached body whose mentions do not match whom it mentions');
      const value = read.map(
        ([text, line, column, offset, by], at): Mention => ({
          target: whom[at] as MentionTarget,
          text,
          start: offset === null ? { line, column } : { line, column, offset },
          by,
        }),
      );
      Object.defineProperty(body, 'mentions', { value, enumerable: true, writable: false });
      return value;
    },
  });
  body.mentioned = whom;
  return body;
}

/** The record `key` names, one object per record in `targets`; a key of an article or of no kind is damage. */
function targetOf(key: string, targets: Map<string, MentionTarget>): MentionTarget {
  const known = targets.get(key);
  if (known) return known;
  const ref = recordRefOf(key);
  if (ref === undefined || ref.kind === 'article') throw new TypeError('not a record mentioned');
  const target = { kind: ref.kind, slug: ref.slug };
  targets.set(key, target);
  return target;
}

// A damaged entry (a full disk, a foreign file) is a miss, never an error: the next build replaces it.
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
