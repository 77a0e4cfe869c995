import { z } from 'zod';
import { aliasesSchema, draftedFields, noteSchema, referenceSchema, slugSchema, textSchema } from './common.ts';
import { dateSchema } from './date.ts';
import { checkEnd } from './date-range.ts';

/** What kind of happening an event is. */
export const EVENT_KINDS = [
  'visit',
  'delegation-visit',
  'study-tour',
  'site-visit',
  'forum',
  'symposium',
  'conference',
  'meeting',
  'signing',
  'announcement',
  'speech',
  'trade-week',
  'other',
] as const;

/**
 * How a person or organisation took part, in the words press releases use for it ("presided over
 * the forum", "delivered a speech", "witnessed the signing"). docs/content-model.md says when each applies.
 */
export const PARTS = [
  'led',
  'hosted',
  'presided',
  'met',
  'held-talks',
  'accompanied',
  'attended',
  'spoke',
  'delivered-speech',
  'briefed',
  'inspected',
  'visited',
  'unveiled',
  'signed',
  'witnessed',
  'announced',
  'organised',
] as const;

const partsSchema = z.array(z.enum(PARTS)).min(1).default(['attended']);

/** A person at an event, with the role the source gives them there. */
const participantSchema = z.strictObject({
  official: referenceSchema,
  role: textSchema.optional(),
  parts: partsSchema,
  source: referenceSchema.optional(),
});

/** An organisation's part in an event (signing, speaking, being visited…). */
const organisationPartSchema = z.strictObject({
  organisation: referenceSchema,
  parts: partsSchema,
});

/** Front matter of an event (`content/events/*.md`). Articles point at it with `reports`. */
export const eventSchema = z
  .strictObject({
    name: textSchema,
    slug: slugSchema.optional(),
    aliases: aliasesSchema,
    kind: z.enum(EVENT_KINDS),
    date: dateSchema,
    end: dateSchema.optional(),
    place: referenceSchema.optional(),
    venues: z.array(referenceSchema).default([]),
    partOf: referenceSchema.optional(),
    organisers: z.array(referenceSchema).default([]),
    participants: z.array(participantSchema).default([]),
    organisations: z.array(organisationPartSchema).default([]),
    documents: z.array(referenceSchema).default([]),
    note: noteSchema,
    ...draftedFields,
  })
  .superRefine((event, context) => {
    const problem = event.end === undefined ? undefined : checkEnd(event.date, event.end);
    if (problem) context.addIssue({ code: 'custom', path: ['end'], ...problem });
  });

/** A validated event's front matter. */
export type EventData = z.output<typeof eventSchema>;
/** One of {@link EVENT_KINDS}. */
export type EventKind = EventData['kind'];
/** One of {@link PARTS}. */
export type Part = (typeof PARTS)[number];
