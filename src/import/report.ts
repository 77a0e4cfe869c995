/**
 * The import report: what `npm run import -- --dry-run --json` prints, one object per input file.
 * Scripts depend on these exact names; change them only with the scripts.
 */

/** How a date in the text was read: `stated` when the text gives it whole, `inferred` when resolved. */
export type ImportDateBasis = 'stated' | 'inferred';

/** A date as the release words it, where it stands, and the value the archive would record. */
export interface ImportDate {
  /** The words as they stand in the input ("On June 9", "yesterday", "from October 16 to 17"). */
  readonly text: string;
  /** 1-based line and column of the first character in the input file. */
  readonly line: number;
  readonly column: number;
  /** The archive's value: `2018-06-09`, `--06-09`, `--10-16/--10-17` for a range, or `not stated`. */
  readonly value: string;
  /** `day`, `month`, `year`, `month-day`, `on-or-before` or `unknown`. */
  readonly precision: string;
  readonly basis: ImportDateBasis;
}

/** What kind of entity a name stands for. */
export type ImportMentionKind = 'person' | 'place' | 'organisation';

/**
 * How a name relates to the archive: its record's `exact` name, an `alias`, a registered `variant`
 * spelling, a `probable-variant` of a registered name (proposed, never merged), or `new`.
 */
export type ImportMatch = 'exact' | 'alias' | 'variant' | 'probable-variant' | 'new';

/** One name found in the body, at its first mention. */
export interface ImportMention {
  /** The name as the text writes it at its first mention. */
  readonly text: string;
  readonly kind: ImportMentionKind;
  /** 1-based line and column of the first mention in the input file. */
  readonly line: number;
  readonly column: number;
  /** The slug of the record it links to, is proposed as a variant of, or would get when new. */
  readonly record: string;
  readonly match: ImportMatch;
  /** The role as the text words it next to the name ("the ambassador of Bulgaria to China"), or null. */
  readonly role: string | null;
}

/** The analysis of one input file. */
export interface ImportReport {
  /** The input file's path as given. */
  readonly file: string;
  readonly title: string;
  /** The slug the article would get (before any `-2` suffix for a taken slug). */
  readonly slug: string;
  /** The publication date, `YYYY-MM-DD` (or coarser), or null when neither the page nor the options give it. */
  readonly published: string | null;
  readonly dates: readonly ImportDate[];
  readonly mentions: readonly ImportMention[];
}
