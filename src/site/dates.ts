import type { DateClaim } from '../schema/index.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A date as a reader sees it: only as precise as the source, and honest about inference. */
export interface DateView {
  /** "20 June 2018", "June 2018", "2018" or "Date not stated". */
  readonly label: string;
  /** Machine-readable value for `<time datetime>`, absent when the date is not stated. */
  readonly iso?: string;
  readonly inferred: boolean;
  /** Why the date was inferred, or an editor's note; absent when there is nothing to explain. */
  readonly explanation?: string;
}

/** Formats a date claim at its own precision, e.g. `2018-06` as "June 2018". */
export function formatDate(date: DateClaim): DateView {
  const explanation = [date.basis === 'inferred' ? `Inferred: ${date.inferredFrom}` : undefined, date.note]
    .filter((part) => part !== undefined)
    .join(' ');
  const extra = explanation === '' ? {} : { explanation };
  if (date.precision === 'unknown') return { label: 'Date not stated', inferred: false, ...extra };
  const [year, month, day] = date.value.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  const label = [day === undefined ? undefined : String(Number(day)), monthName, year].filter(Boolean).join(' ');
  return { label, iso: date.value, inferred: date.basis === 'inferred', ...extra };
}

/** Formats a range; one label when both ends fall on the same value. */
export function formatDateRange(start: DateClaim, end: DateClaim | undefined): DateView {
  const from = formatDate(start);
  if (end === undefined) return from;
  const to = formatDate(end);
  if (to.label === from.label) return from;
  const explanation = [...new Set([from.explanation, to.explanation].filter((part) => part !== undefined))].join(' ');
  return {
    label: `${from.label} – ${to.label}`,
    ...(from.iso === undefined ? {} : { iso: from.iso }),
    inferred: from.inferred || to.inferred,
    ...(explanation === '' ? {} : { explanation }),
  };
}

/** A sort key: known dates in order, undated last. */
export function dateSortKey(date: DateClaim): string {
  return date.precision === 'unknown' ? '9999' : date.value;
}
