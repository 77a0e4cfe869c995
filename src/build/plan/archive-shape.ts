import { createHash } from 'node:crypto';
import type { Archive } from '../../pipeline/build-archive.ts';
import { recordsOf } from '../../pipeline/build-archive.ts';
import { recordKey } from '../../schema/record-key.ts';
import { factsOf } from '../cache/body-facts.ts';
import { textDigest } from '../cache/hash.ts';
import { recordFactsOf } from '../cache/record-facts.ts';

/**
 * An archive split into what its pages are made from besides the texts, the names records are
 * shown by and their dates (the skeleton), the texts, those names, and those dates. Only three
 * kinds of output read a record's rendered text: its article page, its open-data file and the
 * archive's full-text feed (tests/text-edit.test.ts checks this on a built site). A record's name
 * (its `labelField`) shows wherever the site names it, and orders the lists it is in, but decides
 * no page's existence nor what a page lists; so does a date, which also places an article among its
 * neighbours and in a year. So when two builds' skeletons are equal, the pages that may differ are
 * those that show a renamed or redated record or one it sorts beside (see page-reach.ts), and those
 * reading a text. An article's summary goes with its title: every list that shows one shows the other.
 */
export interface ArchiveShape {
  /**
   * Hash of every record's kind, slug and front matter but its name, summary and dates (keeping the
   * articles they count from), of the records each text mentions (which make the link graph), of
   * which texts are empty, and of `shared` (code, origin, path prefix).
   */
  readonly skeleton: string;
  /** `kind:slug` → hash of the record's rendered text. */
  readonly texts: ReadonlyMap<string, string>;
  /** `kind:slug` → hash of the name the record is shown by (see `LABEL_FIELD`). */
  readonly names: ReadonlyMap<string, string>;
  /** `kind:slug` → hash of the fields shown beside the name (see `SHOWN_WITH_NAME` (cache/record-facts.ts)), for kinds that have them. */
  readonly beside: ReadonlyMap<string, string>;
  /** `kind:slug` → hash of the record's dates, not the articles they count from (see `DATE_FIELDS`). */
  readonly dates: ReadonlyMap<string, string>;
}

/** The shape of `archive` as the site at `shared` (a hash of the code and where it is published) shows it. */
export function archiveShape(archive: Archive, shared: string): ArchiveShape {
  const skeleton = createHash('sha256').update(shared);
  const texts = new Map<string, string>();
  const names = new Map<string, string>();
  const beside = new Map<string, string>();
  const dates = new Map<string, string>();
  for (const record of recordsOf(archive.records)) {
    const key = recordKey(record);
    const body = archive.bodies.get(key);
    // From the cache, a body's digest and length come with it, and a record's facts with its
    // parse: neither its HTML nor its front matter is read again here.
    const facts = body && factsOf(body);
    const front = recordFactsOf(record);
    // The graph, and so the site, takes only whom a text mentions, in order (graph.ts): not where
    // or in which words, which an edit above a mention changes.
    const mentioned = facts?.mentioned ?? '';
    // One JSON value per record, so no two different archives join into the same text.
    skeleton.update(JSON.stringify([key, front.skeleton, mentioned, facts?.length === 0]));
    skeleton.update('\n');
    texts.set(key, facts?.digest ?? textDigest(''));
    names.set(key, front.name);
    if (front.beside !== undefined) beside.set(key, front.beside);
    if (front.dates !== undefined) dates.set(key, front.dates);
  }
  return { skeleton: skeleton.digest('hex'), texts, names, beside, dates };
}

/**
 * The records whose text is all that changed between two shapes, as `kind:slug` keys; `undefined`
 * when anything else changed (a front-matter value, a mention, a record added or removed, the code
 * or where the site is published) and so any page may have.
 */
export function textOnlyChanges(previous: ArchiveShape, current: ArchiveShape): string[] | undefined {
  const changes = shownChanges(previous, current);
  const shownOnly = changes && changes.names.length + changes.beside.length + changes.dates.length === 0;
  return shownOnly ? changes.texts : undefined;
}

/** The records whose name, fields shown beside it, dates, or text changed between two shapes, as `kind:slug` keys. */
export interface ShownChanges {
  readonly names: string[];
  readonly beside: string[];
  readonly dates: string[];
  readonly texts: string[];
}

/**
 * The records whose name (see `LABEL_FIELD`), fields shown beside it, dates (see `DATE_FIELDS`) or
 * text is all that changed between two shapes; `undefined` when anything else changed, and so any
 * page may have.
 */
export function shownChanges(previous: ArchiveShape, current: ArchiveShape): ShownChanges | undefined {
  if (previous.skeleton !== current.skeleton) return undefined;
  const names = changedKeys(previous.names, current.names);
  const beside = changedKeys(previous.beside, current.beside);
  const dates = changedKeys(previous.dates, current.dates);
  const texts = changedKeys(previous.texts, current.texts);
  return names && beside && dates && texts && { names, beside, dates, texts };
}

/** Keys whose value differs; `undefined` when the two maps do not have the same keys. */
function changedKeys(
  previous: ReadonlyMap<string, string>,
  current: ReadonlyMap<string, string>,
): string[] | undefined {
  if (previous.size !== current.size) return undefined;
  const changed: string[] = [];
  for (const [key, value] of current) {
    const before = previous.get(key);
    if (before === undefined) return undefined;
    if (before !== value) changed.push(key);
  }
  return changed;
}
