import { z } from 'zod';
import { referenceSchema, textSchema } from './common.ts';

/**
 * How much of a date the source gives. `month-day` is a day and month with no year ("On June 9"),
 * written `--06-09` as in ISO 8601's omitted-year form (XML Schema's `gMonthDay`).
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'month-day' | 'unknown';

/** The precisions that carry a value. */
export type KnownPrecision = Exclude<DatePrecision, 'unknown'>;

/** A date as the archive records it: how precise it is and whether the source states it. */
export type DateClaim =
  | {
      readonly precision: KnownPrecision;
      /** ISO 8601, cut to the precision: `2018-06-20`, `2018-06`, `2018` or `--06-20`. */
      readonly value: string;
      readonly basis: 'stated' | 'inferred';
      /** Why the value was inferred; present exactly when `basis` is `inferred`. */
      readonly inferredFrom?: string;
      readonly note?: string;
      /** The source's own words for the date, such as "yesterday". */
      readonly asWritten?: string;
      /** The article the date comes from: a relative `asWritten` counts from its publication. */
      readonly source?: string;
    }
  | {
      readonly precision: 'unknown';
      readonly basis: 'stated';
      readonly note?: string;
      readonly asWritten?: string;
      readonly source?: string;
    };

/** The words an editor writes for a date the source does not give. */
export const NOT_STATED = 'not stated';

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTH_DAY_PATTERN = /^--(\d{2})-(\d{2})$/;

/** Days in a month; February has 29 when no year is given, since some year's has. */
export function daysInMonth(month: number, year?: number): number {
  return new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

/** Reads `2018-06-20`, `2018-06`, `2018`, `--06-20` or `not stated`; returns a reason string when the text is no date. */
export function readDateText(text: string): { precision: DatePrecision; value?: string } | string {
  if (text === NOT_STATED) return { precision: 'unknown' };
  const monthDay = MONTH_DAY_PATTERN.exec(text);
  const match = monthDay ? [text, undefined, monthDay[1], monthDay[2]] : DATE_PATTERN.exec(text);
  if (!match) return `"${text}" is not a date: write YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or "${NOT_STATED}"`;
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) {
    return `"${text}" is impossible: there is no month ${month}`;
  }
  if (day !== undefined) {
    const length = daysInMonth(Number(month), year === undefined ? undefined : Number(year));
    if (Number(day) < 1 || Number(day) > length) {
      return `"${text}" is impossible: ${year === undefined ? `month ${month}` : `${year}-${month}`} has ${length} days`;
    }
    return { precision: year === undefined ? 'month-day' : 'day', value: text };
  }
  return { precision: month === undefined ? 'year' : 'month', value: text };
}

// YAML reads an unquoted `2018` as a number; accept it as the year it is.
// The pattern is for editors' tooling only: the build reads the text itself, to say what is wrong.
const dateTextSchema = z
  .union([
    z.string().meta({ pattern: `^(?:\\d{4}(?:-\\d{2}(?:-\\d{2})?)?|--\\d{2}-\\d{2}|${NOT_STATED})$` }),
    z.number().int(),
  ])
  .transform(String)
  .describe('2018-06-20, 2018-06, 2018, --06-20 (day and month, year not stated) or "not stated"');

const baseObject = {
  value: dateTextSchema,
  inferredFrom: textSchema.optional(),
  note: textSchema.optional(),
};

const claimObjectSchema = z.strictObject({
  ...baseObject,
  asWritten: textSchema.optional().describe('The source’s own words, such as "yesterday" or "recently".'),
  source: referenceSchema.optional().describe('The article the date comes from; relative words count from it.'),
});

const publishedObjectSchema = z.strictObject(baseObject);

type DateInput = {
  value: string;
  inferredFrom?: string | undefined;
  note?: string | undefined;
  asWritten?: string | undefined;
  source?: string | undefined;
};

/** Turns what an editor wrote into a claim, or reports why it is none. */
function toClaim(input: string | DateInput, context: z.RefinementCtx<unknown>): DateClaim {
  const { value, inferredFrom, note, asWritten, source } = typeof input === 'string' ? { value: input } : input;
  const read = readDateText(value);
  const extras = {
    ...(note === undefined ? {} : { note }),
    ...(asWritten === undefined ? {} : { asWritten }),
    ...(source === undefined ? {} : { source }),
  };
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
    // Words such as "yesterday" mean something only next to the date of the article that says them.
    if (asWritten !== undefined && source === undefined) {
      context.addIssue({
        code: 'custom',
        message: `“${asWritten}” counts from the day an article was published: add \`source: <article slug>\`, the article that says it`,
        params: { ruleId: 'relative-date-without-source' },
      });
    }
    return { precision: 'unknown', basis: 'stated', ...extras };
  }
  const basis =
    inferredFrom === undefined ? { basis: 'stated' as const } : { basis: 'inferred' as const, inferredFrom };
  return { precision: read.precision, value: read.value, ...basis, ...extras };
}

/**
 * A date field. Either the short form (`2018-06-20`, `2018-06`, `2018`, `--06-20`, `not stated`)
 * for what the source states, or `{ value, inferredFrom, note, asWritten, source }` when the value
 * is inferred, needs a note, or the source words it relatively ("yesterday").
 */
export const dateSchema = z.union([dateTextSchema, claimObjectSchema]).transform(toClaim);

/**
 * An article's publication date: stated, or `not stated`. It is what relative words in the text
 * count from, so it cannot itself be relative.
 */
export const publishedSchema = z.union([dateTextSchema, publishedObjectSchema]).transform(toClaim);

/** True when the date names a year, so it can be placed in a year and on a time axis. */
export function hasYear(date: { readonly precision: string }): boolean {
  return date.precision === 'day' || date.precision === 'month' || date.precision === 'year';
}

/**
 * Orders two dates by what both state; `undefined` when that cannot be told: either is unknown,
 * or only one gives a year. At different precisions the shorter value decides, so `2019-10` and
 * `2019-10-05` overlap (0) rather than one being before the other.
 */
export function compareDates(left: DateClaim, right: DateClaim): number | undefined {
  if (left.precision === 'unknown' || right.precision === 'unknown') return undefined;
  if ((left.precision === 'month-day') !== (right.precision === 'month-day')) return undefined;
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
