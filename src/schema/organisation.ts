import { z } from 'zod';
import { aliasesSchema, draftedFields, noteSchema, referenceSchema, slugSchema, textSchema } from './common.ts';

/** What sort of body an organisation is. */
export const ORGANISATION_KINDS = [
  'party',
  'party-committee',
  'government',
  'government-department',
  'commission',
  'delegation',
  'company',
  'industrial-park',
  'exchange',
  'bank',
  'development-zone',
  'other',
] as const;

/** Front matter of an organisation (`content/organisations/*.md`). */
export const organisationSchema = z.strictObject({
  name: textSchema,
  slug: slugSchema.optional(),
  aliases: aliasesSchema,
  kind: z.enum(ORGANISATION_KINDS),
  place: referenceSchema.optional(),
  partOf: referenceSchema.optional(),
  note: noteSchema,
  ...draftedFields,
});

/** A validated organisation's front matter. */
export type OrganisationData = z.output<typeof organisationSchema>;
/** One of {@link ORGANISATION_KINDS}. */
export type OrganisationKind = OrganisationData['kind'];
