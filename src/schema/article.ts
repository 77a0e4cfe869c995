import { z } from 'zod';
import { referenceSchema, reviewMarkSchema, reviewSchema, slugSchema, textSchema } from './common.ts';
import { isoDaySchema, publishedSchema } from './date.ts';

/** Who published the article; `inferredFrom` says why when the text does not name the publisher. */
const publisherSchema = z.strictObject({
  organisation: referenceSchema,
  inferredFrom: textSchema.optional(),
});

/** Where the archive's copy of the text came from. */
const sourceSchema = z.strictObject({
  reference: textSchema,
  url: z.url({ protocol: /^https?$/, error: 'use a full http:// or https:// address' }).optional(),
  note: textSchema.optional(),
});

/**
 * A spelling in this article that is probably another spelling of a registered official's name.
 * The editor decides with one edit: `pending` → `accepted` (the spelling then links to
 * `variantOf`, cited to this article) or `rejected` (it does not; give it a record of its own).
 */
const proposalSchema = z.strictObject({
  spelling: textSchema,
  variantOf: referenceSchema,
  decision: z.enum(['pending', 'accepted', 'rejected']),
  ...reviewMarkSchema.shape,
});

/** Front matter of a news article (`content/articles/*.md`). The body is the article text. */
export const articleSchema = z.strictObject({
  title: textSchema,
  slug: slugSchema.optional(),
  published: publishedSchema,
  /** When the archive took the article in: archive metadata, not a claim about the source. */
  added: isoDaySchema,
  publisher: publisherSchema.optional(),
  source: sourceSchema,
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 tag such as "en"'),
  summary: textSchema,
  reports: z.array(referenceSchema).default([]),
  /** Names that are not entities in this article: never linked, never warned about as unregistered. */
  plain: z.array(textSchema).default([]),
  /**
   * What the article is about, as the editor words it (`[Trade, Environment]`): each topic has a
   * page listing its articles, at the slug of its words, so one topic is spelled one way throughout.
   */
  topics: z
    .array(textSchema)
    .default([])
    .describe('Topics of the article, e.g. [Trade, Environment]: each has a page at /topics/<slug>/.'),
  /** Probable variant spellings found by `npm run import`, each awaiting the editor's decision. */
  proposals: z.array(proposalSchema).default([]),
  review: reviewSchema,
});

/** A validated article's front matter. */
export type ArticleData = z.output<typeof articleSchema>;
