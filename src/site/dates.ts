import { type ResolvedDate, spellDate as spell } from '../schema/index.ts';

/** What the site says after a day and month whose year the source does not give. */
export const YEAR_NOT_STATED = '(year not stated)';

/** A date as a reader sees it: only as precise as the source, and honest about inference. */
export interface DateView {
  /** "20 June 2018", "June 2018", "2018", "9 June (year not stated)", "On or before 22 June 2018" or "Date not stated". */
  readonly label: string;
  /** Machine-readable value with a year, for `<time datetime>`, feeds and structured data. */
  readonly iso?: string;
  /** A day and month without a year (`--06-09`), which HTML's `<time>` also accepts. */
  readonly monthDay?: string;
  readonly inferred: boolean;
  /** Why the date was inferred, or an editor's note; absent when there is nothing to explain. */
  readonly explanation?: string;
}

function labelOf(date: ResolvedDate): string {
  switch (date.precision) {
    case 'unknown':
      return date.asWritten === undefined ? 'Date not stated' : `Date not stated (“${date.asWritten}”)`;
    case 'month-day':
      return `${spell(date.value)} ${YEAR_NOT_STATED}`;
    case 'on-or-before':
      return `On or before ${spell(date.value)}${date.value.startsWith('--') ? ` ${YEAR_NOT_STATED}` : ''}`;
    default:
      return spell(date.value);
  }
}

/** Formats a date at its own precision, e.g. `2018-06` as "June 2018" and `--06-09` as "9 June (year not stated)". */
export function formatDate(date: ResolvedDate): DateView {
  const explanation = [date.basis === 'inferred' ? `Inferred: ${date.inferredFrom}` : undefined, date.note]
    .filter((part) => part !== undefined)
    .join(' ');
  const extra = explanation === '' ? {} : { explanation };
  const label = labelOf(date);
  const inferred = date.basis === 'inferred';
  if (date.precision === 'day' || date.precision === 'month' || date.precision === 'year') {
    return { label, iso: date.value, inferred, ...extra };
  }
  if (date.precision === 'month-day') return { label, monthDay: date.value, inferred, ...extra };
  return { label, inferred, ...extra };
}

/** Formats a range; one label when both ends fall on the same value, "16–17 October (year not stated)" without a year. */
export function formatDateRange(start: ResolvedDate, end: ResolvedDate | undefined): DateView {
  const from = formatDate(start);
  if (end === undefined) return from;
  const to = formatDate(end);
  if (to.label === from.label) return from;
  const explanation = [...new Set([from.explanation, to.explanation].filter((part) => part !== undefined))].join(' ');
  return {
    label: rangeLabel(start, end) ?? `${from.label} – ${to.label}`,
    ...(from.iso === undefined ? {} : { iso: from.iso }),
    ...(from.monthDay === undefined ? {} : { monthDay: from.monthDay }),
    inferred: from.inferred || to.inferred,
    ...(explanation === '' ? {} : { explanation }),
  };
}

/** A range of days without a year, said once: "16–17 October", "30 September – 2 October". */
function rangeLabel(start: ResolvedDate, end: ResolvedDate): string | undefined {
  if (start.precision !== 'month-day' || end.precision !== 'month-day') return undefined;
  const [first, last] = [spell(start.value), spell(end.value)];
  const sameMonth = start.value.slice(0, 4) === end.value.slice(0, 4);
  const days = sameMonth ? `${first.split(' ')[0]}–${last}` : `${first} – ${last}`;
  return `${days} ${YEAR_NOT_STATED}`;
}

/**
 * A sort key. Dates with a year sort by their value. Without a year a record cannot be placed in a
 * year, so it goes with the undated ones, where a day and month (`--06-09`) come first in calendar
 * order, then bounds ("on or before"), then dates not stated at all.
 */
export function dateSortKey(date: ResolvedDate | undefined): string {
  if (date === undefined || date.precision === 'unknown') return '~2';
  if (date.precision === 'on-or-before') return `~1${date.value}`;
  return date.value;
}

/** True when a sort key places its record in a year. */
export function isDatedKey(key: string): boolean {
  return key >= '0' && key < ':';
}

/** Compares sort keys: dated first, in `order`; then the undated group, always in calendar order. */
export function compareDateKeys(a: string, b: string, order: 'newest' | 'oldest'): number {
  const datedA = isDatedKey(a);
  if (datedA !== isDatedKey(b)) return datedA ? -1 : 1;
  if (a === b) return 0;
  return (a < b ? -1 : 1) * (datedA && order === 'newest' ? -1 : 1);
}
