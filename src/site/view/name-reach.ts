import type { RecordRef } from '../../link/graph.ts';
import { recordsOf } from '../../pipeline/build-archive.ts';
import { DATE_FIELDS } from '../../schema/index.ts';
import { recordKey } from '../../schema/record-key.ts';
import type { ViewContext } from './context.ts';

/**
 * The records whose look or place on a page may change when the records `renamed` take other
 * names (their `LABEL_FIELD`), everything else staying the same:
 * - the renamed records themselves, shown by their names;
 * - the records of a dated kind that share a renamed one's date: lists sorted by date break ties by
 *   name (`sortByDate`), so a page that lists the one may now show another in its place, or keep
 *   another out of a list cut short (a feed's newest entries, a timeline's);
 * - the records whose dates count from a renamed article ("yesterday"): the date's reason quotes
 *   the article's title (`resolveRelativeDate`).
 * Every other list the site sorts by name shows every record it sorts.
 */
export function recordsShownWithNames(context: ViewContext, renamed: readonly RecordRef[]): RecordRef[] {
  const reached = new Map(renamed.map((record) => [recordKey(record), record]));
  const sharedDates = new Set(renamed.filter(isDated).map((record) => context.dateKey(record)));
  if (sharedDates.size > 0) {
    for (const record of recordsOf(context.index)) {
      const ref = { kind: record.kind, slug: record.slug };
      if (isDated(ref) && sharedDates.has(context.dateKey(ref))) reached.set(recordKey(ref), ref);
    }
  }
  for (const ref of recordsCountingFrom(context, renamed)) reached.set(recordKey(ref), ref);
  return [...reached.values()];
}

/**
 * The records whose dates may change when the records `redated` take other dates (their
 * `DATE_FIELDS`), everything else staying the same: those records, and the records with a date
 * that counts from a redated article ("yesterday", `resolveRelativeDate`). Each list shows every
 * record it sorts (a timeline or a feed is cut from a page's whole list), so a record moved in a
 * list by date is shown there: only an article's neighbours are reached otherwise (see
 * `SiteMaker.shownWithDates`).
 */
export function recordsRedatedWith(context: ViewContext, redated: readonly RecordRef[]): RecordRef[] {
  const reached = new Map(redated.map((record) => [recordKey(record), record]));
  for (const ref of recordsCountingFrom(context, redated)) reached.set(recordKey(ref), ref);
  return [...reached.values()];
}

/** Whether lists sort records of this kind by date: the undated among them share one date key, and tie by name too. */
const isDated = (record: RecordRef): boolean => DATE_FIELDS[record.kind].length > 0;

/** The records with a date that counts from one of the articles among `records`. */
function recordsCountingFrom(context: ViewContext, records: readonly RecordRef[]): RecordRef[] {
  const articles = new Set(records.filter((record) => record.kind === 'article').map((record) => record.slug));
  if (articles.size === 0) return [];
  return recordsOf(context.index).flatMap((record) =>
    countsFrom(record.data, articles) ? [{ kind: record.kind, slug: record.slug }] : [],
  );
}

/**
 * Whether any date in `data` (a `DateClaim`) counts from one of `articles`: its `source:` names it.
 * Other fields named `source` (the article a role or a part is known from) show no title.
 */
function countsFrom(data: unknown, articles: ReadonlySet<string>): boolean {
  if (Array.isArray(data)) return data.some((item) => countsFrom(item, articles));
  if (typeof data !== 'object' || data === null) return false;
  const { source, precision, basis } = data as { source?: unknown; precision?: unknown; basis?: unknown };
  const isDate = precision !== undefined && basis !== undefined;
  if (isDate && typeof source === 'string' && articles.has(source)) return true;
  return Object.values(data).some((item) => countsFrom(item, articles));
}
