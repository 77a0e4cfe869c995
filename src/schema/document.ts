import { z } from 'zod';
import { aliasesSchema, noteSchema, referenceSchema, slugSchema, textSchema } from './common.ts';
import { dateSchema } from './date.ts';

/** What sort of text a document is. */
export const DOCUMENT_KINDS = ['plan', 'notice', 'agreement', 'strategy', 'initiative', 'speech', 'other'] as const;

/** Front matter of a named document (`content/documents/*.md`): a plan, notice, agreement… */
export const documentSchema = z.strictObject({
  name: textSchema,
  slug: slugSchema.optional(),
  aliases: aliasesSchema,
  kind: z.enum(DOCUMENT_KINDS),
  date: dateSchema.optional(),
  issuedBy: z.array(referenceSchema).default([]),
  authors: z.array(referenceSchema).default([]),
  parties: z.array(referenceSchema).default([]),
  note: noteSchema,
});

/** A validated document's front matter. */
export type DocumentData = z.output<typeof documentSchema>;
/** One of {@link DOCUMENT_KINDS}. */
export type DocumentKind = DocumentData['kind'];
