import type { z } from 'zod';
import { articleSchema } from './article.ts';
import type { RecordKind } from './common.ts';
import { documentSchema } from './document.ts';
import { eventSchema } from './event.ts';
import { officialSchema } from './official.ts';
import { organisationSchema } from './organisation.ts';
import { placeSchema } from './place.ts';

/** What every stage below the site knows of a record kind. */
export interface RecordKindDefinition {
  /** Validates the kind's front matter. */
  readonly schema: z.ZodType;
  /** Folder under `content/` (and under `/data/` in the open data). */
  readonly folder: string;
  /** URL section of the kind's pages: `/officials/tan-chengxu/`. */
  readonly section: string;
  /**
   * List fields of free-text labels (`topics: [Trade]`) that name pages of their own, made by a
   * derived page kind (src/site/page-kinds.ts). A label's slug is its page's; two spellings with
   * the same slug are refused (src/link/check-labels.ts).
   */
  readonly labels: readonly string[];
  /**
   * The front-matter field a record is shown by wherever the site names or links it: an article's
   * `title`, every other kind's `name`. Changing it changes how the record shows, not which pages
   * exist or what they list (see src/build/plan/archive-shape.ts).
   */
  readonly labelField: 'title' | 'name';
  /**
   * The front-matter fields that place a record in time: an article's publication, an event's start
   * and end, a document's date. They order the lists by date that show the record, but decide no
   * list's members (see src/build/plan/archive-shape.ts). Empty for the kinds without a date.
   */
  readonly dateFields: readonly string[];
}

/**
 * One entry per record kind: its schema, content folder and URL section. The lists the pipeline
 * uses (`SCHEMAS`, `KIND_FOLDERS`, and record URLs in src/link/urls.ts) are derived from it; the site's page-kind table
 * extends each entry with its pages.
 */
export const RECORD_KIND_TABLE = {
  article: {
    schema: articleSchema,
    folder: 'articles',
    section: 'articles',
    labels: ['topics'],
    labelField: 'title',
    dateFields: ['published'],
  },
  event: {
    schema: eventSchema,
    folder: 'events',
    section: 'events',
    labels: [],
    labelField: 'name',
    dateFields: ['date', 'end'],
  },
  official: {
    schema: officialSchema,
    folder: 'officials',
    section: 'officials',
    labels: [],
    labelField: 'name',
    dateFields: [],
  },
  place: { schema: placeSchema, folder: 'places', section: 'places', labels: [], labelField: 'name', dateFields: [] },
  organisation: {
    schema: organisationSchema,
    folder: 'organisations',
    section: 'organisations',
    labels: [],
    labelField: 'name',
    dateFields: [],
  },
  document: {
    schema: documentSchema,
    folder: 'documents',
    section: 'documents',
    labels: [],
    labelField: 'name',
    dateFields: ['date'],
  },
} as const satisfies { readonly [K in RecordKind]: RecordKindDefinition };

/** Cities are places with a section of their own: `/cities/dalian/`. */
export const CITY_SECTION = 'cities';

type Table = typeof RECORD_KIND_TABLE;

/** One fact of every record kind, as an object keyed by kind. */
function column<F extends keyof RecordKindDefinition>(field: F): { readonly [K in RecordKind]: Table[K][F] } {
  return Object.fromEntries(Object.entries(RECORD_KIND_TABLE).map(([kind, entry]) => [kind, entry[field]])) as {
    [K in RecordKind]: Table[K][F];
  };
}

/** The front-matter schema of each record kind. */
export const SCHEMAS = column('schema');

/** The content folder each kind lives in, relative to `content/`. */
export const KIND_FOLDERS = column('folder');

/** The label fields of each kind (see {@link RecordKindDefinition.labels}). */
export const LABEL_FIELDS: { readonly [K in RecordKind]: readonly string[] } = column('labels');

/** The field each kind is shown by (see {@link RecordKindDefinition.labelField}). */
export const LABEL_FIELD: { readonly [K in RecordKind]: 'title' | 'name' } = column('labelField');

/** The fields that date each kind's records (see {@link RecordKindDefinition.dateFields}). */
export const DATE_FIELDS: { readonly [K in RecordKind]: readonly string[] } = column('dateFields');

/** Validated front matter of the given kind. */
export type DataOf<K extends RecordKind> = z.output<Table[K]['schema']>;
