import type { z } from 'zod';
import { articleSchema } from './article.ts';
import type { RecordKind } from './common.ts';
import { documentSchema } from './document.ts';
import { eventSchema } from './event.ts';
import { officialSchema } from './official.ts';
import { organisationSchema } from './organisation.ts';
import { placeSchema } from './place.ts';

export * from './article.ts';
export * from './common.ts';
export * from './date.ts';
export * from './date-range.ts';
export * from './date-words.ts';
export * from './document.ts';
export * from './event.ts';
export * from './official.ts';
export * from './organisation.ts';
export * from './place.ts';
export * from './relative-date.ts';

/** The front-matter schema of each record kind. */
export const SCHEMAS = {
  article: articleSchema,
  event: eventSchema,
  official: officialSchema,
  place: placeSchema,
  organisation: organisationSchema,
  document: documentSchema,
} as const satisfies Record<RecordKind, z.ZodType>;

/** The content folder each kind lives in, relative to `content/`. */
export const KIND_FOLDERS = {
  article: 'articles',
  event: 'events',
  official: 'officials',
  place: 'places',
  organisation: 'organisations',
  document: 'documents',
} as const satisfies Record<RecordKind, string>;

/** Validated front matter of the given kind. */
export type DataOf<K extends RecordKind> = z.output<(typeof SCHEMAS)[K]>;
