import { z } from 'zod';
import { aliasesSchema, draftedFields, noteSchema, referenceSchema, slugSchema, textSchema } from './common.ts';

/** Administrative or informal kinds of place. Cities get their own section of the site. */
export const PLACE_KINDS = ['city', 'province', 'district', 'county', 'new-area', 'region', 'country'] as const;

const coordinatesSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/** Front matter of a place (`content/places/*.md`). */
export const placeSchema = z
  .strictObject({
    name: textSchema,
    slug: slugSchema.optional(),
    aliases: aliasesSchema,
    kind: z.enum(PLACE_KINDS),
    within: referenceSchema.optional(),
    coordinates: coordinatesSchema.optional(),
    note: noteSchema,
    ...draftedFields,
  })
  .superRefine((place, context) => {
    // A city without coordinates cannot be put on the map, so it is an error, not a silent gap.
    if (place.kind === 'city' && place.coordinates === undefined) {
      context.addIssue({
        code: 'custom',
        message: 'a city needs `coordinates: { lat, lon }` so it can be placed on the map',
        params: { ruleId: 'missing-key' },
      });
    }
  });

/** A validated place's front matter. */
export type PlaceData = z.output<typeof placeSchema>;
/** One of {@link PLACE_KINDS}. */
export type PlaceKind = PlaceData['kind'];
