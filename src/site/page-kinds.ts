import type { RecordRef } from '../link/graph.ts';
import type { ParsedRecord } from '../parse/parse-record.ts';
import { CITY_SECTION, RECORD_KIND_TABLE, type RecordKind } from '../schema/index.ts';
import {
  documentJsonLd,
  eventJsonLd,
  type JsonLd,
  officialJsonLd,
  organisationJsonLd,
  placeJsonLd,
} from './json-ld.ts';
import { toEventSummary } from './view/article-view.ts';
import { sortByDate, type ViewContext } from './view/context.ts';
import { toDocumentView } from './view/document-view.ts';
import { toEventView } from './view/event-view.ts';
import { type IndexGroup, toIndexGroups } from './view/index-view.ts';
import { type LabelView, labelIndex, labelled, labelPages } from './view/label-pages.ts';
import { DOCUMENT_KIND_LABELS, EVENT_KIND_LABELS, ORGANISATION_KIND_LABELS, PLACE_KIND_LABELS } from './view/labels.ts';
import { toOfficialView } from './view/official-view.ts';
import { toOrganisationView } from './view/organisation-view.ts';
import {
  articlePages,
  type LabelField,
  type Page,
  type PageEntry,
  type PageExtras,
  type PageLink,
  page,
  type SiteBuild,
} from './view/page.ts';
import { placePages } from './view/place-pages.ts';
import { eventFacets, typeFacets } from './view/search-facets.ts';
import { toSearchResult } from './view/search-result.ts';

/** What every page kind of the site is: its pages, its index, and how it is published. */
export interface PageKindDefinition<P extends Page<object>> {
  /** What the pages are made from: records of a kind, or the labels of a field (see {@link LabelField}). */
  readonly source: { readonly record: RecordKind } | { readonly labels: LabelField };
  /** URL section: `/officials/` lists them and `/officials/<slug>/` is one. */
  readonly section: string;
  /** The index page's title and the navigation's label: "Officials". */
  readonly title: string;
  /** What the index page lists, after "All …": "officials in the archive, A to Z". */
  readonly lede: string;
  /** The layout of one page, in `layouts/pages/`; it paginates over `recordPages.<key>`. */
  readonly layout: string;
  /** Every page of the kind, in the order of its pages, before any view is made. */
  readonly list: (build: SiteBuild) => readonly PageEntry[];
  /**
   * The view-model of every page `build` wants (`SiteBuild.wanted`), with its head data: JSON-LD,
   * feeds, search filters and result; in the order of {@link list}.
   */
  readonly pages: (build: SiteBuild) => readonly P[];
  /**
   * The A–Z index (`layouts/pages/a-to-z-index.njk`); without one, the kind's own index layout
   * (`articles-index.njk`, by year).
   */
  readonly index?: (build: SiteBuild) => readonly IndexGroup[];
  /** How search shards file its pages: by the year of their date, or with the records without one. */
  readonly searchBy: 'year' | 'records';
  /** The kind's open data, a JSON list of its records (linked from every page's footer). */
  readonly data?: string;
}

const records = <K extends RecordKind>(kind: K) => ({
  source: { record: kind },
  section: RECORD_KIND_TABLE[kind].section,
});
const dataOf = (kind: RecordKind) => `/data/${RECORD_KIND_TABLE[kind].folder}.json`;

/**
 * The site's page kinds, in the order of the navigation: every record kind (cities apart from
 * other places), then the kinds made from labels. Routes, index pages, navigation, the sitemap,
 * search shards, render plans and open data all follow this table.
 */
export const PAGE_KINDS = {
  articles: {
    ...records('article'),
    title: 'Articles',
    lede: 'articles, newest first, by year',
    layout: 'article.njk',
    list: (build) => build.listed,
    pages: (build) => articlePages(build, LABEL_PAGE_FIELDS),
    searchBy: 'year',
    data: dataOf('article'),
  },
  events: {
    ...records('event'),
    title: 'Events',
    lede: 'events in the archive, A to Z',
    layout: 'event.njk',
    // An event's summary carries its link and date, and is made once per site.
    list: (build) => eventsNewestFirst(build).map((ref) => toEventSummary(build.context, ref.slug)),
    pages: (build) =>
      wantedRecords(build, eventsNewestFirst(build)).map((ref) => {
        const view = toEventView(build.context, build.context.index.event.get(ref.slug) ?? unreachable(ref.slug));
        return page(view, `${view.kindLabel}, ${view.date.label}: participants, roles and reports`, eventJsonLd, {
          feeds: build.follow(view.link, `Articles reporting ${view.name}`, view.articles),
          search: eventFacets(build.context, view),
          result: toSearchResult(view.kindLabel, view.date, view.place ? [view.place.label] : []),
        });
      }),
    index: (build) => indexByKind(build, 'event', EVENT_KIND_LABELS),
    searchBy: 'year',
    data: dataOf('event'),
  },
  officials: {
    ...records('official'),
    title: 'Officials',
    lede: 'officials in the archive, A to Z',
    layout: 'official.njk',
    list: (build) => entries(build, build.refs('official')),
    pages: (build) =>
      eachRecord(build, 'official', toOfficialView, officialJsonLd, (view) => ({
        description: `${view.name}: roles as reported, events and articles`,
        feeds: build.follow(view.link, `Articles naming ${view.name}`, view.articles),
        search: { ...typeFacets('Official'), official: [view.name] },
        result: toSearchResult('Official'),
      })),
    index: (build) =>
      toIndexGroups(
        build.context,
        build.refs('official'),
        (ref) => build.context.index.official.get(ref.slug)?.data.roles[0]?.title ?? '',
      ),
    searchBy: 'records',
    data: dataOf('official'),
  },
  cities: {
    source: { record: 'place' },
    section: CITY_SECTION,
    title: 'Cities',
    lede: 'cities in the archive, A to Z',
    layout: 'city.njk',
    list: (build) =>
      entries(
        build,
        build.refs('place').filter((ref) => build.isCity(ref.slug)),
      ),
    pages: (build) => placePages(build, placeJsonLd).filter((place) => build.isCity(place.link.slug)),
    index: (build) =>
      toIndexGroups(
        build.context,
        build.refs('place').filter((ref) => build.isCity(ref.slug)),
        () => 'City',
      ),
    searchBy: 'records',
  },
  places: {
    ...records('place'),
    title: 'Places',
    lede: 'places (provinces, districts and regions) in the archive, A to Z',
    layout: 'place.njk',
    list: (build) =>
      entries(
        build,
        build.refs('place').filter((ref) => !build.isCity(ref.slug)),
      ),
    pages: (build) => placePages(build, placeJsonLd).filter((place) => !build.isCity(place.link.slug)),
    index: (build) =>
      toIndexGroups(
        build.context,
        build.refs('place').filter((ref) => !build.isCity(ref.slug)),
        (ref) => PLACE_KIND_LABELS[build.context.index.place.get(ref.slug)?.data.kind ?? 'region'],
      ),
    searchBy: 'records',
    data: dataOf('place'),
  },
  organisations: {
    ...records('organisation'),
    title: 'Organisations',
    lede: 'organisations in the archive, A to Z',
    layout: 'organisation.njk',
    list: (build) => entries(build, build.refs('organisation')),
    pages: (build) =>
      eachRecord(build, 'organisation', toOrganisationView, organisationJsonLd, (view) => ({
        description: `${view.name}: people, events and articles`,
        feeds: [],
        search: typeFacets('Organisation'),
        result: toSearchResult(view.kindLabel, undefined, view.place ? [view.place.label] : []),
      })),
    index: (build) => indexByKind(build, 'organisation', ORGANISATION_KIND_LABELS),
    searchBy: 'records',
    data: dataOf('organisation'),
  },
  documents: {
    ...records('document'),
    title: 'Documents',
    lede: 'documents in the archive, A to Z',
    layout: 'document.njk',
    list: (build) => entries(build, build.refs('document')),
    pages: (build) =>
      eachRecord(build, 'document', toDocumentView, documentJsonLd, (view) => ({
        description: `${view.name}: events and articles`,
        feeds: [],
        search: typeFacets('Document'),
        result: toSearchResult(view.kindLabel, view.date),
      })),
    index: (build) => indexByKind(build, 'document', DOCUMENT_KIND_LABELS),
    searchBy: 'records',
    data: dataOf('document'),
  },
  topics: labelPageKind(
    { kind: 'article', field: 'topics', section: 'topics', title: 'Topics', noun: 'Topic' },
    { lede: 'topics of the articles, A to Z', layout: 'topic.njk', data: '/data/topics.json' },
  ),
} as const satisfies { readonly [key: string]: PageKindDefinition<Page<object>> };

/** The pages of `refs`, in their order, before their views are made. */
function entries(build: SiteBuild, refs: readonly RecordRef[]): PageEntry[] {
  return refs.map((ref) => ({ link: build.context.link(ref) }));
}

/** The records of `refs` whose pages `build` wants. */
function wantedRecords<R extends RecordRef>(build: SiteBuild, refs: readonly R[]): R[] {
  return refs.filter((ref) => build.wanted(build.context.link(ref).url));
}

// Listed once for the kind's entries and once per run's pages: sorting 13,000 events takes a while.
const eventOrder = new WeakMap<ViewContext, readonly RecordRef[]>();

/** Every event, newest first, undated last: the order of the events' pages. */
function eventsNewestFirst(build: SiteBuild): readonly RecordRef[] {
  const known = eventOrder.get(build.context);
  if (known) return known;
  const sorted = sortByDate(build.context, build.refs('event'), 'newest');
  eventOrder.set(build.context, sorted);
  return sorted;
}

/** A page per record of `kind` that `build` wants, in index order; `describe` gives its description and head data. */
function eachRecord<K extends 'official' | 'organisation' | 'document', V extends { readonly link: PageLink }>(
  build: SiteBuild,
  kind: K,
  toView: (context: ViewContext, record: ParsedRecord<K>) => V,
  toJsonLd: (view: V) => JsonLd,
  describe: (view: V) => PageExtras & { readonly description: string },
): Page<V>[] {
  const records = build.context.index[kind] as ReadonlyMap<string, ParsedRecord<K>>;
  const wanted = wantedRecords(
    build,
    [...records.keys()].map((slug) => ({ kind, slug })),
  );
  return wanted.map(({ slug }) => {
    const record = records.get(slug) ?? unreachable(slug);
    const view = toView(build.context, record);
    const { description, ...extras } = describe(view);
    return page(view, description, toJsonLd, extras);
  });
}

/** The A–Z index of a kind whose records have a `kind`, each with its label ("Conference"). */
function indexByKind(
  build: SiteBuild,
  kind: 'event' | 'organisation' | 'document',
  labels: Readonly<Record<string, string>>,
): IndexGroup[] {
  const records = build.context.index[kind] as ReadonlyMap<string, { readonly data: { readonly kind: string } }>;
  return toIndexGroups(build.context, build.refs(kind), (ref) => {
    const record = records.get(ref.slug);
    return record ? (labels[record.data.kind] ?? '') : '';
  });
}

function unreachable(slug: string): never {
  throw new TypeError(`record ${slug} vanished from the index`);
}

/** A page kind made from a label field: a page per label listing its articles, with a feed, and an A–Z index. */
export function labelPageKind(
  field: LabelField,
  extras: Pick<PageKindDefinition<Page<LabelView>>, 'lede' | 'layout' | 'data'>,
): Omit<PageKindDefinition<Page<LabelView>>, 'source'> & { readonly source: { readonly labels: LabelField } } {
  return {
    source: { labels: field },
    section: field.section,
    title: field.title,
    ...extras,
    list: (build) => labelled(build, field).map(({ link, articles }) => ({ link, articles: articles.length })),
    pages: (build) => labelPages(build, field),
    index: (build) => labelIndex(build, field),
    searchBy: 'records',
  };
}

/** The page kinds' keys: `recordPages.<key>` and `site.<key>` hold their pages. */
export type PageKindKey = keyof typeof PAGE_KINDS;

/** The pages of a kind, as its view builder makes them. */
export type PagesOf<K extends PageKindKey> = ReturnType<(typeof PAGE_KINDS)[K]['pages']>;

/** Every page kind, in the table's order. */
export const PAGE_KIND_KEYS = Object.keys(PAGE_KINDS) as PageKindKey[];

/** The label fields that have pages: articles link their labels to them and are searched by them. */
export const LABEL_PAGE_FIELDS: readonly LabelField[] = PAGE_KIND_KEYS.flatMap((key) => {
  const { source } = pageKind(key);
  return 'labels' in source ? [source.labels] : [];
});

/** A page kind's definition, for code that reads any kind. */
export function pageKind(key: PageKindKey): PageKindDefinition<Page<object>> {
  return PAGE_KINDS[key];
}

// Every record kind must have pages: a kind missing from the table fails to compile here.
type PagedRecordKind = Extract<(typeof PAGE_KINDS)[PageKindKey]['source'], { readonly record: unknown }>['record'];
const EVERY_RECORD_KIND_HAS_PAGES: Record<Exclude<RecordKind, PagedRecordKind>, never> = {};
void EVERY_RECORD_KIND_HAS_PAGES;

/** What the layouts read of a page kind: its index page, its place in the navigation, its open data. */
export interface PageKindLink {
  readonly key: PageKindKey;
  readonly url: string;
  readonly title: string;
  readonly lede: string;
  /** Listed A–Z on `layouts/pages/a-to-z-index.njk`. */
  readonly aToZ: boolean;
  readonly data?: string;
}

/** The page kinds as the layouts read them (global data `pageKinds`): all, and those with an A–Z index. */
export function pageKindLinks(): { readonly all: readonly PageKindLink[]; readonly aToZ: readonly PageKindLink[] } {
  const all = PAGE_KIND_KEYS.map((key): PageKindLink => {
    const entry = pageKind(key);
    return {
      key,
      url: `/${entry.section}/`,
      title: entry.title,
      lede: entry.lede,
      aToZ: entry.index !== undefined,
      ...(entry.data ? { data: entry.data } : {}),
    };
  });
  return { all, aToZ: all.filter((kind) => kind.aToZ) };
}
