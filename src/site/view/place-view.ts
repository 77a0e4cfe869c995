import type { ParsedRecord } from '../../parse/parse-record.ts';
import type { PlaceKind } from '../../schema/index.ts';
import { compareText } from '../collate.ts';
import { type EventSummary, toEventSummary } from './article-view.ts';
import { articlesAbout, countLinkedFrom, type LinkView, linkedFrom, type ViewContext } from './context.ts';
import { PLACE_KIND_LABELS } from './labels.ts';

/** Everything a city's or other place's page shows. */
export interface PlaceView {
  readonly link: LinkView;
  readonly name: string;
  /** Other names the record goes by, which search also finds. */
  readonly aliases: readonly string[];
  readonly kind: PlaceKind;
  readonly kindLabel: string;
  /** The containing places, innermost first. */
  readonly within: readonly LinkView[];
  readonly contains: readonly LinkView[];
  readonly coordinates?: { readonly lat: number; readonly lon: number };
  readonly events: readonly EventSummary[];
  readonly officials: readonly { readonly link: LinkView; readonly roles: readonly string[] }[];
  readonly organisations: readonly LinkView[];
  readonly articles: readonly LinkView[];
  readonly documents: readonly LinkView[];
  readonly note?: string;
}

/** A city as the home page lists it: with how many articles and events its page lists, and where it is. */
export interface CityListing {
  readonly link: LinkView;
  readonly name: string;
  readonly coordinates?: { readonly lat: number; readonly lon: number };
  readonly articleCount: number;
  readonly eventCount: number;
}

/** A city's listing, counted as its page lists them (see {@link toPlaceView}). */
export function toCityListing(context: ViewContext, place: ParsedRecord<'place'>): CityListing {
  const self = { kind: 'place' as const, slug: place.slug };
  return {
    link: context.link(self),
    name: place.data.name,
    ...(place.data.coordinates ? { coordinates: place.data.coordinates } : {}),
    articleCount: articlesAbout(context, self).length,
    eventCount: countLinkedFrom(context, self, 'event'),
  };
}

/** Builds the view-model of one place page. */
export function toPlaceView(context: ViewContext, place: ParsedRecord<'place'>): PlaceView {
  const self = { kind: 'place' as const, slug: place.slug };
  const officials = context.lookups.officialsAt(place.slug);
  return {
    link: context.link(self),
    name: place.data.name,
    aliases: place.data.aliases,
    kind: place.data.kind,
    kindLabel: PLACE_KIND_LABELS[place.data.kind],
    within: chainOf(context, place.data.within),
    contains: context.lookups
      .placesWithin(place.slug)
      .map((other) => context.link({ kind: 'place', slug: other.slug }))
      .sort((a, b) => compareText(a.label, b.label)),
    ...(place.data.coordinates ? { coordinates: place.data.coordinates } : {}),
    events: linkedFrom(context, self, 'event').map((ref) => toEventSummary(context, ref.slug)),
    officials: [...officials]
      .map(([slug, roles]) => ({ link: context.link({ kind: 'official', slug }), roles: [...roles] }))
      .sort((a, b) => compareText(a.link.label, b.link.label)),
    organisations: linkedFrom(context, self, 'organisation').map((ref) => context.link(ref)),
    articles: articlesAbout(context, self).map((ref) => context.link(ref)),
    documents: linkedFrom(context, self, 'document').map((ref) => context.link(ref)),
    ...(place.data.note ? { note: place.data.note } : {}),
  };
}

function chainOf(context: ViewContext, first: string | undefined): LinkView[] {
  const chain: LinkView[] = [];
  // Loops were refused by validation; the length guard keeps this total anyway.
  for (let slug = first; slug !== undefined && chain.length < 16; slug = context.index.place.get(slug)?.data.within) {
    chain.push(context.link({ kind: 'place', slug }));
  }
  return chain;
}
