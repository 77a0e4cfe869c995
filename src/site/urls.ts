import type { PlaceKind, RecordKind } from '../schema/index.ts';

/** URL sections of the site. Cities have their own; other places share `/places/`. */
export const SECTIONS = {
  article: 'articles',
  event: 'events',
  official: 'officials',
  city: 'cities',
  place: 'places',
  organisation: 'organisations',
  document: 'documents',
} as const;

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
  const section = target.kind === 'place' && target.placeKind === 'city' ? SECTIONS.city : SECTIONS[target.kind];
  return `/${section}/${target.slug}/`;
}
