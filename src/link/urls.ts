import {
  CITY_SECTION,
  type PlaceKind,
  RECORD_KIND_TABLE,
  RESERVED_SLUG,
  type RecordKind,
  SLUG_PATTERN,
} from '../schema/index.ts';
import type { RecordIndex } from './registry.ts';

// Record URLs live here, below the pipeline, because rendering a body links the names it mentions
// to their records' pages. Sections come from the record-kind table, as do the site's page kinds.

/** What is needed to know a record's URL. */
export interface UrlTarget {
  readonly kind: RecordKind;
  readonly slug: string;
  /** For places: cities live under `/cities/`. */
  readonly placeKind?: PlaceKind;
}

/**
 * The root-relative URL of a record's page. Slugs are validated to `[a-z0-9-]`, so a URL can never
 * leave its section; the path prefix is added by Eleventy's HTML base plugin at build time.
 */
export function urlFor(target: UrlTarget): string {
  // Validation refuses such slugs already; a page must never be written outside its section anyway.
  if (!SLUG_PATTERN.test(target.slug) || RESERVED_SLUG.test(target.slug)) {
    throw new TypeError(`Not a slug that can be a URL: ${JSON.stringify(target.slug)}`);
  }
  const section =
    target.kind === 'place' && target.placeKind === 'city' ? CITY_SECTION : RECORD_KIND_TABLE[target.kind].section;
  return `/${section}/${target.slug}/`;
}

/** The URL of a record in the index; looks up a place's kind, since cities have their own section. */
export function recordUrl(index: RecordIndex, record: { readonly kind: RecordKind; readonly slug: string }): string {
  return urlOfRecord(record.kind === 'place' ? (index.place.get(record.slug) ?? record) : record);
}

/** The URL of a record's page, a place's kind read from its own data (cities have their own section). */
export function urlOfRecord(record: {
  readonly kind: RecordKind;
  readonly slug: string;
  readonly data?: unknown;
}): string {
  const placeKind = record.kind === 'place' ? (record.data as { kind?: PlaceKind } | undefined)?.kind : undefined;
  return urlFor({ kind: record.kind, slug: record.slug, ...(placeKind ? { placeKind } : {}) });
}
