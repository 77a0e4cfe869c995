import type { PositionIndex } from '../../parse/front-matter.ts';
import { DATE_FIELDS, LABEL_FIELD, type RecordKind } from '../../schema/index.ts';
import { textDigest } from './hash.ts';

/**
 * What the archive's shape (plan/archive-shape.ts) takes of one record's front matter, as digests:
 * the front matter without its name, the fields shown beside it and its dates (the skeleton); the
 * name; the fields shown beside it; the dates. And what the link pass reads of it (`front`). Taken
 * as the record is parsed and cached with it, so that a build with a previous site need not turn
 * 25,000 records' front matter into JSON again.
 */
export interface RecordFacts {
  /**
   * The whole front matter and where each of its values stands: all the link pass reads of a
   * record besides its kind, slug and path (see build/link-pass-memo.ts).
   */
  readonly front: string;
  readonly skeleton: string;
  readonly name: string;
  /** For kinds with fields shown beside the name (see {@link SHOWN_WITH_NAME}). */
  readonly beside?: string;
  /** For kinds with dates (see `DATE_FIELDS`). */
  readonly dates?: string;
}

/**
 * Front-matter fields the site shows only beside a record's name, wherever it names the record, and
 * which decide no page, no list and no order: an edit of one reaches the pages that show the
 * record, as a rename does, but not those of the records it sorts beside.
 */
export const SHOWN_WITH_NAME: Readonly<Partial<Record<RecordKind, readonly string[]>>> = { article: ['summary'] };

/** A parsed record as its facts are taken from it. */
interface FrontMatter {
  readonly kind: RecordKind;
  readonly data: object;
  readonly positions: PositionIndex;
}

// A record read from the cache comes with the facts taken when it was parsed; one parsed in this
// build has none here. Keyed by the front matter, which every copy of a record shares.
const recorded = new WeakMap<object, RecordFacts>();

/** The facts of `record`: those recorded with it, or taken from its front matter now. */
export function recordFactsOf(record: FrontMatter): RecordFacts {
  return recorded.get(record.data) ?? takeRecordFacts(record);
}

/** `record`, with the facts its front matter was found to have when it was parsed. */
export function withRecordFacts<R extends FrontMatter>(record: R, facts: RecordFacts): R {
  recorded.set(record.data, facts);
  return record;
}

/** Whether `value` is a record's facts as a cache entry holds them. */
export function isRecordFacts(value: unknown): value is RecordFacts {
  if (typeof value !== 'object' || value === null) return false;
  const { front, skeleton, name, beside, dates } = value as Partial<Record<keyof RecordFacts, unknown>>;
  return (
    typeof front === 'string' &&
    typeof skeleton === 'string' &&
    typeof name === 'string' &&
    (beside === undefined || typeof beside === 'string') &&
    (dates === undefined || typeof dates === 'string')
  );
}

/** The facts of `record`'s front matter, taken now. */
export function takeRecordFacts({ kind, data, positions }: FrontMatter): RecordFacts {
  const fields = data as Record<string, unknown>;
  const label = LABEL_FIELD[kind];
  const besideFields = SHOWN_WITH_NAME[kind];
  const dateFields = DATE_FIELDS[kind];
  // A new object rather than a copy with fields deleted, which is slow to turn into JSON. A date
  // orders lists but decides no list's members; the article it counts from stays in the skeleton:
  // the link graph takes it.
  const skeleton: Record<string, unknown> = {};
  for (const field of Object.keys(fields)) {
    if (field === label || besideFields?.includes(field)) continue;
    skeleton[field] = dateFields.includes(field) ? sourceOf(fields[field]) : fields[field];
  }
  const { points } = positions;
  const places = Buffer.from(points.buffer, points.byteOffset, points.byteLength).toString('base64');
  return {
    front: textDigest(`${JSON.stringify(data)}\n${positions.paths}\n${places}`),
    skeleton: textDigest(JSON.stringify(skeleton)),
    name: textDigest(String(fields[label])),
    ...(besideFields && { beside: textDigest(JSON.stringify(besideFields.map((field) => fields[field]))) }),
    ...(dateFields.length > 0 && { dates: textDigest(JSON.stringify(dateFields.map((field) => fields[field]))) }),
  };
}

/** The article a date counts from, if any. */
function sourceOf(date: unknown): unknown {
  return typeof date === 'object' && date !== null ? (date as { source?: unknown }).source : undefined;
}
