import { compareText } from '../collate.ts';
import type { ArticleView } from './article-view.ts';
import type { ViewContext } from './context.ts';
import type { EventView } from './event-view.ts';

/** Pagefind filters of one page: filter name → values, e.g. `{ official: ['Tan Chengxu'] }`. */
export type SearchFacets = Readonly<Record<string, readonly string[]>>;

/** The year a reader would file a page under, or "Date not stated". */
function yearOf(iso: string | undefined): string {
  return iso?.slice(0, 4) ?? 'Date not stated';
}

function isCity(context: ViewContext, slug: string): boolean {
  return context.index.place.get(slug)?.data.kind === 'city';
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareText);
}

/** An article is filed under the officials, cities and event kinds it or its events name. */
export function articleFacets(context: ViewContext, article: ArticleView): SearchFacets {
  return {
    type: ['Article'],
    year: [yearOf(article.date.iso)],
    official: distinct(article.officials.map((person) => person.link.label)),
    city: distinct(article.places.filter((place) => isCity(context, place.slug)).map((place) => place.label)),
    'event kind': distinct(article.events.map((event) => event.kindLabel)),
  };
}

/** An event is filed under its kind, year, city and participants. */
export function eventFacets(context: ViewContext, event: EventView): SearchFacets {
  const place = event.place;
  return {
    type: ['Event'],
    year: [yearOf(event.date.iso)],
    official: distinct(event.participants.map((participant) => participant.link.label)),
    city: place && isCity(context, place.slug) ? [place.label] : [],
    'event kind': [event.kindLabel],
  };
}

/** Other records are filed under their type only: a filter for "Official" or "City" pages. */
export function typeFacets(type: string): SearchFacets {
  return { type: [type] };
}
