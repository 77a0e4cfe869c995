import { z } from 'zod';
import { textSchema } from './common.ts';

/** How much of a date the source gives. */
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

/** A date as the archive records it: how precise it is and whether the source states it. */
export type DateClaim =
  | {
      readonly precision: 'day' | 'month' | 'year';
      /** ISO 8601, cut to the precision: `2018-06-20`, `2018-06` or `2018`. */
      readonly value: string;
      readonly basis: 'stated' | 'inferred';
      /** Why the value was inferred; present exactly when `basis` is `inferred`. */
      readonly inferredFrom?: string;
      readonly note?: string;
    }
  | {
      readonly precision: 'unknown';
      readonly basis: 'stated';
      readonly note?: string;
    };

/** The words an editor writes for a date the source does not give. */
export const NOT_STATED = 'not stated';

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Reads `2018-06-20`, `2018-06`, `2018` or `not stated`; returns a reason string when the text is no date. */
export function readDateText(text: string): { precision: DatePrecision; value?: string } | string {
  if (text === NOT_STATED) return { precision: 'unknown' };
  const match = DATE_PATTERN.exec(text);
  if (!match) return `"${text}" is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or "${NOT_STATED}"`;
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) {
    return `"${text}" is impossible: there is no month ${month}`;
  }
  if (day !== undefined) {
    const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (Number(day) < 1 || Number(day) > daysInMonth) {
      return `"${text}" is impossible: ${year}-${month} has ${daysInMonth} days`;
    }
    return { precision: 'day', value: text };
  }
  return { precision: month === undefined ? 'year' : 'month', value: text };
}

// YAML reads an unquoted `2018` as a number; accept it as the year it is.
const dateTextSchema = z.union([z.string(), z.number().int()]).transform(String);

const dateObjectSchema = z.strictObject({
  value: dateTextSchema,
  inferredFrom: textSchema.optional(),
  note: textSchema.optional(),
});

/**
 * A date field. Either the short form (`2018-06-20`, `2018-06`, `2018`, `not stated`) for what the
 * source states, or `{ value, inferredFrom, note }` when the value is inferred or needs a note.
 */
export const dateSchema = z.union([dateTextSchema, dateObjectSchema]).transform((input, context): DateClaim => {
  const { value, inferredFrom, note } = typeof input === 'string' ? { value: input } : input;
  const read = readDateText(value);
  const notes = note === undefined ? {} : { note };
  if (typeof read === 'string') {
    context.addIssue({ code: 'custom', message: read, params: { ruleId: 'impossible-date' } });
    return z.NEVER;
  }
  if (read.precision === 'unknown' || read.value === undefined) {
    if (inferredFrom !== undefined) {
      context.addIssue({
        code: 'custom',
        message: `a date that is "${NOT_STATED}" cannot be inferred: give the inferred value, or drop \`inferredFrom\``,
        params: { ruleId: 'inferred-without-value' },
      });
    }
    return { precision: 'unknown', basis: 'stated', ...notes };
  }
  const basis =
    inferredFrom === undefined ? { basis: 'stated' as const } : { basis: 'inferred' as const, inferredFrom };
  return { precision: read.precision, value: read.value, ...basis, ...notes };
});

/** Orders two known dates by their common precision; `undefined` when either is unknown. */
export function compareDates(left: DateClaim, right: DateClaim): number | undefined {
  if (left.precision === 'unknown' || right.precision === 'unknown') return undefined;
  const length = Math.min(left.value.length, right.value.length);
  const a = left.value.slice(0, length);
  const b = right.value.slice(0, length);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A full calendar date the archive itself knows, such as the day a record was added: `2026-11-22`. */
export const isoDaySchema = z.string().transform((text, context) => {
  const read = readDateText(text);
  if (typeof read === 'string' || read.precision !== 'day') {
    const reason = typeof read === 'string' ? read : `"${text}" is not a full date: write YYYY-MM-DD`;
    context.addIssue({ code: 'custom', message: reason, params: { ruleId: 'impossible-date' } });
    return z.NEVER;
  }
  return text;
});
