import { z } from 'zod';
import { aliasesSchema, draftedFields, noteSchema, referenceSchema, slugSchema, textSchema } from './common.ts';

/** A spelling of the name that a source uses, cited to the article that uses it. */
const variantSchema = z.strictObject({
  spelling: textSchema,
  source: referenceSchema,
  note: noteSchema,
});

/** A role as a source words it, cited to that source. */
const roleSchema = z.strictObject({
  title: textSchema,
  organisation: referenceSchema.optional(),
  place: referenceSchema.optional(),
  source: referenceSchema,
});

/**
 * Front matter of an official (`content/officials/*.md`): only what sources state. No biography,
 * birth date or term of office that no article gives.
 */
export const officialSchema = z.strictObject({
  name: textSchema,
  slug: slugSchema.optional(),
  aliases: aliasesSchema,
  variants: z.array(variantSchema).default([]),
  roles: z.array(roleSchema).default([]),
  note: noteSchema,
  ...draftedFields,
});

/** A validated official's front matter. */
export type OfficialData = z.output<typeof officialSchema>;
