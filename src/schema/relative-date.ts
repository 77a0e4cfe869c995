import { type DateClaim, daysInMonth, hasYear } from './date.ts';
import { spellDate } from './date-words.ts';

/**
 * A date after resolving relative words: a {@link DateClaim}, or a bound the event happened on or
 * before ("recently" in an article published on 22 June 2018), which names no single day.
 */
export type ResolvedDate =
  | DateClaim
  | {
      readonly precision: 'on-or-before';
      /** The publication date, at its own precision: the latest the event can have happened. */
      readonly value: string;
      readonly basis: 'inferred';
      readonly inferredFrom: string;
      readonly asWritten: string;
      readonly note?: string;
      readonly source?: string;
    };

/** The article a relative date counts from: its publication date and its title, for the reason. */
export interface Publication {
  readonly date: DateClaim;
  readonly title: string;
}

/**
 * The relative words the archive resolves: a number of days before publication, or `before`
 * (some time up to publication) when the words give no distance.
 */
export const RELATIVE_PHRASES: Readonly<Record<string, number | 'before'>> = {
  today: 0,
  yesterday: 1,
  'the day before yesterday': 2,
  recently: 'before',
  'in recent days': 'before',
  lately: 'before',
  'last week': 'before',
};

/** The key of {@link RELATIVE_PHRASES} that `asWritten` says, if any: case and final punctuation aside. */
export function readRelativePhrase(asWritten: string): number | 'before' | undefined {
  const words = asWritten
    .trim()
    .toLowerCase()
    .replace(/[\s,.;:]+$/, '')
    .replace(/\s+/g, ' ');
  return Object.hasOwn(RELATIVE_PHRASES, words) ? RELATIVE_PHRASES[words] : undefined;
}

/**
 * Resolves a date the source words relatively ("yesterday") against the stated publication date
 * of the article that says it. Pure: the publication is passed in. Anything else is returned as
 * it is: a date with a value, words the archive does not know, or a publication that is not stated
 * or only inferred (an inference is not built on an inference).
 */
export function resolveRelativeDate(date: DateClaim, publication: Publication | undefined): ResolvedDate {
  if (date.precision !== 'unknown' || date.asWritten === undefined) return date;
  const published = publication?.date;
  if (publication === undefined || published === undefined || published.precision === 'unknown') return date;
  if (published.basis !== 'stated') return date;
  const distance = readRelativePhrase(date.asWritten);
  if (distance === undefined) return date;
  const when = published.precision === 'day' || published.precision === 'month-day' ? 'on' : 'in';
  const yearless = published.precision === 'month-day' ? ', year not stated' : '';
  const reason = `The source says “${date.asWritten}”, and “${publication.title}” was published ${when} ${spellDate(published.value)}${yearless}.`;
  const kept = {
    ...(date.note === undefined ? {} : { note: date.note }),
    ...(date.source === undefined ? {} : { source: date.source }),
    asWritten: date.asWritten,
  };
  const day = distance === 'before' ? undefined : daysBefore(published.value, published.precision, distance);
  if (day === undefined) {
    // No distance, or none that a month or a year can be counted back by: only the bound is known.
    return { precision: 'on-or-before', value: published.value, basis: 'inferred', inferredFrom: reason, ...kept };
  }
  return {
    precision: hasYear(published) ? 'day' : 'month-day',
    value: day,
    basis: 'inferred',
    inferredFrom: reason,
    ...kept,
  };
}

/**
 * The day `days` before a day (`2018-06-22`) or a month-day (`--06-22`); `undefined` at coarser
 * precision, or when the answer depends on the unstated year (1 March, one day back).
 */
function daysBefore(value: string, precision: DateClaim['precision'], days: number): string | undefined {
  if (precision === 'day') return shift(Number(value.slice(0, 4)), value.slice(5), days);
  if (precision !== 'month-day') return undefined;
  const leap = shift(2000, value.slice(2), days).slice(4);
  const common = shift(2001, value.slice(2), days).slice(4);
  return leap === common ? `-${leap}` : undefined;
}

/** `YYYY-MM-DD`, `days` before the given year and `MM-DD`. */
function shift(year: number, monthDay: string, days: number): string {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  const time = new Date(0);
  // setUTCFullYear keeps years below 100 as they are, unlike Date.UTC.
  time.setUTCFullYear(year, month - 1, Math.min(day, daysInMonth(month, year)) - days);
  const yyyy = String(time.getUTCFullYear()).padStart(4, '0');
  return `${yyyy}-${String(time.getUTCMonth() + 1).padStart(2, '0')}-${String(time.getUTCDate()).padStart(2, '0')}`;
}
