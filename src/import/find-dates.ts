import { type DateClaim, readDateText } from '../schema/date.ts';
import { RELATIVE_PHRASES, resolveRelativeDate } from '../schema/relative-date.ts';

/** A date the text states, with the value the archive records and, for a range, its end. */
export interface FoundDate {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The date as stated (or resolved): the archive's claim for the start. */
  readonly claim: ReturnType<typeof resolveRelativeDate>;
  /** The last day, for "from October 16 to 17". */
  readonly until?: ReturnType<typeof resolveRelativeDate>;
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const MONTH = `(${MONTHS.join('|')})`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s+(\\d{4}))?';
const RELATIVE = Object.keys(RELATIVE_PHRASES)
  .sort((a, b) => b.length - a.length)
  .join('|');
// Longest forms first, so "from June 19 to June 21" is one range, not two days.
const DATE = new RegExp(
  [
    `(?:[Ff]rom\\s+)?${MONTH}\\s+${DAY}\\s*(?:to|-|–|and)\\s*(?:${MONTH}\\s+)?${DAY}${YEAR}`,
    `(?:[Oo]n\\s+)?${MONTH}\\s+${DAY}${YEAR}`,
    `(?:[Ii]n\\s+)?${MONTH}\\s+(\\d{4})`,
    `(\\d{4})-(\\d{2})-(\\d{2})`,
    `(${RELATIVE})`,
  ]
    .map((form) => `(?<![\\p{L}\\d])(?:${form})(?![\\p{L}\\d])`)
    .join('|'),
  // Relative words start sentences too ("Yesterday, …").
  'giu',
);

const pad = (number: string | number) => String(number).padStart(2, '0');
const monthNumber = (name: string) => MONTHS.indexOf(name) + 1;

/**
 * Every date the text states: "On June 9" (`--06-09`), "June 20, 2018", "from October 16 to 17"
 * (a range), "June 2018", "2018-06-22", and relative words such as "yesterday". A date without a
 * year stays without one unless `published` gives the year; relative words are resolved against
 * `published` (see resolveRelativeDate), and either is then marked inferred, with the reason.
 */
export function findDates(text: string, published: DateClaim | undefined, title: string): FoundDate[] {
  const publication = published === undefined ? undefined : { date: published, title };
  const found: FoundDate[] = [];
  for (const match of text.matchAll(DATE)) {
    const [all, m1, d1, m2, d2, y1, m3, d3, y3, m4, y4, iy, im, id, relative] = match;
    const at = { text: all, start: match.index, end: match.index + all.length };
    if (relative !== undefined) {
      const claim: DateClaim = { precision: 'unknown', basis: 'stated', asWritten: relative.toLowerCase() };
      found.push({ ...at, claim: resolveRelativeDate(claim, publication) });
    } else if (m1 !== undefined && d1 !== undefined && d2 !== undefined) {
      const start = claimFor(y1, monthNumber(m1), Number(d1), published, all, title);
      const until = claimFor(y1, monthNumber(m2 ?? m1), Number(d2), published, all, title);
      if (start && until) found.push({ ...at, claim: start, until });
    } else if (m3 !== undefined && d3 !== undefined) {
      const claim = claimFor(y3, monthNumber(m3), Number(d3), published, all, title);
      if (claim) found.push({ ...at, claim });
    } else if (m4 !== undefined && y4 !== undefined) {
      found.push({ ...at, claim: { precision: 'month', value: `${y4}-${pad(monthNumber(m4))}`, basis: 'stated' } });
    } else if (iy !== undefined) {
      const claim = claimFor(iy, Number(im), Number(id), undefined, all, title);
      if (claim) found.push({ ...at, claim });
    }
  }
  return found;
}

// A day as stated; a day without a year takes the publication's year, marked inferred.
function claimFor(
  year: string | undefined,
  month: number,
  day: number,
  published: DateClaim | undefined,
  words: string,
  title: string,
): DateClaim | undefined {
  const stated = readDateText(`${year ?? '-'}-${pad(month)}-${pad(day)}`);
  if (typeof stated === 'string' || stated.value === undefined || stated.precision === 'unknown') return undefined;
  if (
    year !== undefined ||
    published === undefined ||
    published.precision === 'unknown' ||
    published.precision === 'month-day'
  ) {
    return { precision: stated.precision, value: stated.value, basis: 'stated' };
  }
  // A day after publication would be in an earlier year, or announced ahead: the year is not told.
  if (published.precision === 'day' && `${pad(month)}-${pad(day)}` > published.value.slice(5)) {
    return { precision: stated.precision, value: stated.value, basis: 'stated' };
  }
  const publishedYear = published.value.slice(0, 4);
  const inferred = readDateText(`${publishedYear}-${pad(month)}-${pad(day)}`);
  if (typeof inferred === 'string' || inferred.value === undefined || inferred.precision === 'unknown')
    return undefined;
  return {
    precision: 'day',
    value: inferred.value,
    basis: 'inferred',
    inferredFrom: `The source says “${words.trim()}” without a year, and “${title}” was published in ${publishedYear}, after that day.`,
  };
}
