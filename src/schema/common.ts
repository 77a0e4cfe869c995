import { z } from 'zod';

/** Lower-case ASCII words joined by single hyphens: safe as a file name and a URL segment. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest slug we accept; keeps every URL well under file-system name limits. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Names Windows reserves for devices, whatever the extension: a page folder called `con` or `lpt1`
 * cannot be written or copied there. Other characters that are unsafe in paths never pass SLUG_PATTERN.
 */
export const RESERVED_SLUG = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/** Why a slug is refused when it is reserved; shared by the front matter and file-name checks. */
export const RESERVED_SLUG_MESSAGE =
  'is a device name reserved on Windows (con, prn, aux, nul, com1–com9, lpt1–lpt9), so its page could not be written there';

/** A record's identity. The same rule is used for references, so a reference can never name a path. */
export const slugSchema = z
  .string()
  .max(MAX_SLUG_LENGTH)
  .regex(SLUG_PATTERN, 'use lower-case letters, digits and single hyphens, e.g. "tan-chengxu"')
  .refine((slug) => !RESERVED_SLUG.test(slug), {
    error: (issue) => `"${String(issue.input)}" ${RESERVED_SLUG_MESSAGE}: choose another slug`,
    params: { ruleId: 'reserved-slug' },
  });

/** A reference to another record, by its slug; resolved in the link pass. */
export const referenceSchema = slugSchema;

/** Text that must say something: empty or blank strings are a mistake, not a value. */
export const textSchema = z.string().trim().min(1, 'must not be empty');

/** Other spellings or forms of a name that should link to the record when they appear in an article. */
export const aliasesSchema = z.array(textSchema).default([]);

/** Free-text editorial note shown next to the record: never source text. */
export const noteSchema = textSchema.optional();

/** Every record kind in the archive, in the order they are presented. */
export const RECORD_KINDS = ['article', 'event', 'official', 'place', 'organisation', 'document'] as const;

/** One of the record kinds. */
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The kinds whose names are linked when they appear in an article body. */
export type EntityKind = Exclude<RecordKind, 'article'>;

/** Where a drafted value comes from: the words of the release, and their line and column in the imported file. */
export const reviewMarkSchema = z.strictObject({
  quote: textSchema.describe('The words of the source the drafted value was taken from.'),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  note: textSchema.optional(),
});

/**
 * A mark that a record (or part of it) was drafted by `npm run import` and still needs an editor's
 * review. `npm run check` warns (`needs-review`) until the editor deletes it.
 */
export const reviewSchema = z
  .union([reviewMarkSchema, z.array(reviewMarkSchema).min(1)])
  .optional()
  .describe('Drafted by the importer: check the values against the quote, then delete this key.');

/**
 * Where `npm run import` drafted a record from: the article it imported, and the words and their
 * position in that article's release. Permanent provenance, not a review mark: while the article
 * keeps its own `review` mark, `npm run check` warns (`needs-review`) on every record drafted from
 * it; deleting that one mark signs off the whole import.
 */
export const importedFromSchema = z
  .strictObject({
    article: referenceSchema.describe('The slug of the article the record was drafted from.'),
    quote: textSchema.describe('The words of the release the record was drafted from.'),
    line: z.number().int().min(1),
    column: z.number().int().min(1),
  })
  .optional()
  .describe('Drafted by the importer from these words of the article: kept as provenance.');

/** The fields every record the importer drafts carries: where it came from, and any review mark of its own. */
export const draftedFields = { importedFrom: importedFromSchema, review: reviewSchema };
