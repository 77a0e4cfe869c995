import type { OrganisationKind } from '../schema/index.ts';
import type { ArticleView } from './view/article-view.ts';
import type { LinkView } from './view/context.ts';
import type { DocumentView } from './view/document-view.ts';
import type { EventView } from './view/event-view.ts';
import type { OfficialView } from './view/official-view.ts';
import type { OrganisationView } from './view/organisation-view.ts';
import type { PlaceView } from './view/place-view.ts';

export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';
const GOVERNMENT_KINDS: ReadonlySet<OrganisationKind> = new Set([
  'party-committee',
  'government',
  'government-department',
  'commission',
  'delegation',
]);

function ref(link: LinkView, type: string): JsonLd {
  return { '@type': type, '@id': link.url, name: link.label, url: link.url };
}

function typeOf(link: LinkView): string {
  const types: Record<string, string> = {
    official: 'Person',
    place: 'Place',
    organisation: 'Organization',
    event: 'Event',
    document: 'CreativeWork',
    article: 'NewsArticle',
  };
  return types[link.kind] ?? 'Thing';
}

/** schema.org NewsArticle: events it is about, and everything else it mentions. */
export function articleJsonLd(article: ArticleView): JsonLd {
  const mentions = [...article.officials.map((person) => person.link), ...article.places, ...article.organisations];
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': article.link.url,
    url: article.link.url,
    headline: article.title,
    description: article.summary,
    inLanguage: article.language,
    ...(article.date.iso ? { datePublished: article.date.iso } : {}),
    ...(article.publisher ? { publisher: ref(article.publisher.link, 'Organization') } : {}),
    about: article.events.map((event) => ref(event.link, 'Event')),
    mentions: [...mentions, ...article.documents].map((link) => ref(link, typeOf(link))),
  };
}

/** schema.org Event with its place, attendees and organisers. */
export function eventJsonLd(event: EventView): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'Event',
    '@id': event.link.url,
    url: event.link.url,
    name: event.name,
    ...(event.date.iso ? { startDate: event.date.iso } : {}),
    ...(event.place ? { location: ref(event.place, 'Place') } : {}),
    attendee: event.participants.map((participant) => ref(participant.link, 'Person')),
    organizer: event.organisers.map((organiser) => ref(organiser, 'Organization')),
    ...(event.partOf ? { superEvent: ref(event.partOf.link, 'Event') } : {}),
    subEvent: event.parts.map((part) => ref(part.link, 'Event')),
  };
}

/** schema.org Person with each reported role as a dated OrganizationRole. */
export function officialJsonLd(official: OfficialView): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'Person',
    '@id': official.link.url,
    url: official.link.url,
    name: official.name,
    ...(official.variants.length > 0 ? { alternateName: official.variants.map((variant) => variant.spelling) } : {}),
    memberOf: official.roles.map((role) => ({
      '@type': 'OrganizationRole',
      roleName: role.title,
      ...(role.reported.iso ? { startDate: role.reported.iso } : {}),
      memberOf: role.organisation
        ? ref(role.organisation, 'Organization')
        : { '@type': 'Organization', name: role.title },
    })),
  };
}

/** schema.org City (or Place) with its containing place and coordinates. */
export function placeJsonLd(place: PlaceView): JsonLd {
  const type = place.kind === 'city' ? 'City' : place.kind === 'country' ? 'Country' : 'Place';
  const container = place.within[0];
  return {
    '@context': CONTEXT,
    '@type': type,
    '@id': place.link.url,
    url: place.link.url,
    name: place.name,
    ...(container ? { containedInPlace: ref(container, 'Place') } : {}),
    ...(place.coordinates
      ? { geo: { '@type': 'GeoCoordinates', latitude: place.coordinates.lat, longitude: place.coordinates.lon } }
      : {}),
  };
}

/** schema.org Organization, or GovernmentOrganization for public bodies. */
export function organisationJsonLd(organisation: OrganisationView): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': GOVERNMENT_KINDS.has(organisation.kind) ? 'GovernmentOrganization' : 'Organization',
    '@id': organisation.link.url,
    url: organisation.link.url,
    name: organisation.name,
    ...(organisation.place ? { location: ref(organisation.place, 'Place') } : {}),
    ...(organisation.partOf ? { parentOrganization: ref(organisation.partOf, 'Organization') } : {}),
  };
}

/** schema.org CreativeWork for a plan, notice or agreement. */
export function documentJsonLd(document: DocumentView): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'CreativeWork',
    '@id': document.link.url,
    url: document.link.url,
    name: document.name,
    genre: document.kindLabel,
    ...(document.date?.iso ? { dateCreated: document.date.iso } : {}),
    author: [
      ...document.issuedBy.map((link) => ref(link, 'Organization')),
      ...document.authors.map((link) => ref(link, 'Person')),
    ],
  };
}

const URL_KEYS = new Set(['@id', 'url']);

/**
 * Serialises structured data for a `<script type="application/ld+json">` block, making its
 * root-relative URLs absolute under `base`. `<`, `>` and `&` are escaped as Unicode so that no value
 * can close the script element.
 */
export function toJsonLd(data: unknown, base = ''): string {
  const origin = base.replace(/\/+$/, '');
  return JSON.stringify(
    data,
    (key, value: unknown) =>
      URL_KEYS.has(key) && typeof value === 'string' && value.startsWith('/') ? origin + value : value,
    2,
  )
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
