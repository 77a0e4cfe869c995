import type { DateView } from '../dates.ts';

/**
 * What a search result shows besides its title and excerpt (Pagefind metadata), and where it goes
 * when results are sorted newest first (Pagefind's `date` sort).
 */
export interface SearchResultView {
  /** The kind of page: "Article", "Official", "City", "Conference"… */
  readonly type: string;
  /** The date as precisely as the source states it: "20 June 2018", "June 2018", "9 June (year not stated)". */
  readonly date?: string;
  /** Where it happened or where the record is: a city, a province, a country. */
  readonly place?: string;
  /** The `date` sort key: see {@link searchSortKey}. */
  readonly sort: string;
}

/**
 * Pagefind's `date` sort key: `YYYYMMDD` as far as the source states it (`2018-06` gives
 * `20180600`), and `0` for a date without a year (a day and month, a bound without a year… which
 * carry no `iso`), none, or a record that has no date.
 * Numbers, because Pagefind sorts numerically only when every value is a number; every page gets
 * one, because Pagefind leaves a page without the key out of sorted results. Newest first, the
 * zeros come last.
 */
export function searchSortKey(date: DateView | undefined): string {
  const iso = date?.iso;
  if (iso === undefined) return '0';
  const [year = '', month = '00', day = '00'] = iso.split('-');
  return `${year}${month}${day}`;
}

/** The result card data of a page: its type, its date if it has one, and its place if known. */
export function toSearchResult(type: string, date?: DateView, places: readonly string[] = []): SearchResultView {
  const place = [...new Set(places)].join(', ');
  return {
    type,
    ...(date ? { date: date.label } : {}),
    ...(place === '' ? {} : { place }),
    sort: searchSortKey(date),
  };
}
