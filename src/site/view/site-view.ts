import type { Archive } from '../../pipeline/build-archive.ts';
import {
  articleJsonLd,
  documentJsonLd,
  eventJsonLd,
  officialJsonLd,
  organisationJsonLd,
  placeJsonLd,
} from '../json-ld.ts';
import { type DataFile, toOpenData } from '../open-data.ts';
import { type ArticleView, type EventSummary, toArticleView, toEventSummary } from './article-view.ts';
import { createViewContext, type LinkView, sortByDate } from './context.ts';
import { type DocumentView, toDocumentView } from './document-view.ts';
import { type EventView, toEventView } from './event-view.ts';
import { type IndexGroup, toIndexGroups } from './index-view.ts';
import { DOCUMENT_KIND_LABELS, EVENT_KIND_LABELS, ORGANISATION_KIND_LABELS, PLACE_KIND_LABELS } from './labels.ts';
import { type OfficialView, toOfficialView } from './official-view.ts';
import { type OrganisationView, toOrganisationView } from './organisation-view.ts';
import { eventsTimeline, placesMap } from './pictures.ts';
import { type PlaceView, toPlaceView } from './place-view.ts';

/** What the base layout needs for a page's head: title, description and structured data. */
export interface PageMeta {
  readonly title: string;
  readonly description: string;
  readonly jsonLd: Record<string, unknown>;
}

/** A view-model with the head data of its page. */
export type Page<V> = V & { readonly meta: PageMeta };

/** An article page with its neighbours in date order. */
export type ArticlePage = Page<ArticleView & { readonly previous?: LinkView; readonly next?: LinkView }>;

/** Articles of one year, or of no stated year. */
export interface YearGroup {
  readonly label: string;
  readonly id: string;
  readonly articles: readonly ArticlePage[];
}

/** Everything the layouts render: one view-model per page, and the indexes. */
export interface SiteView {
  /** Newest first; undated articles last. */
  readonly articles: readonly ArticlePage[];
  readonly events: readonly Page<EventView>[];
  readonly officials: readonly Page<OfficialView & { readonly timeline: string }>[];
  readonly cities: readonly Page<PlaceView & { readonly map: string }>[];
  readonly places: readonly Page<PlaceView & { readonly map: string }>[];
  readonly organisations: readonly Page<OrganisationView>[];
  readonly documents: readonly Page<DocumentView>[];
  readonly indexes: {
    readonly events: readonly IndexGroup[];
    readonly officials: readonly IndexGroup[];
    readonly cities: readonly IndexGroup[];
    readonly places: readonly IndexGroup[];
    readonly organisations: readonly IndexGroup[];
    readonly documents: readonly IndexGroup[];
  };
  readonly years: readonly YearGroup[];
  /** Every event, oldest first; undated events last. */
  readonly timeline: readonly EventSummary[];
  /** Records and schemas as JSON files. */
  readonly openData: readonly DataFile[];
  /** Inline SVG pictures for the home page. */
  readonly pictures: { readonly map: string; readonly timeline: string };
}

/** Builds every page's view-model from the validated archive. Pure. */
export function toSiteView(archive: Archive): SiteView {
  const context = createViewContext(archive);
  const { index } = context;
  const articles = withNeighbours(
    sortByDate(
      context,
      [...index.article.keys()].map((slug) => ({ kind: 'article' as const, slug })),
      'newest',
    ).map((ref) => toArticleView(context, index.article.get(ref.slug) ?? unreachable(ref.slug))),
  );
  const placeViews = [...index.place.values()].map((place) => toPlaceView(context, place));
  const isCity = (slug: string) => index.place.get(slug)?.data.kind === 'city';
  const cityViews = placeViews.filter((place) => isCity(place.link.slug));
  const places = placeViews.map((place) => {
    const shown = isCity(place.link.slug) ? cityViews : [...cityViews, place];
    const map = placesMap(shown, place.link.slug, `Where ${place.name} is`);
    return page({ ...place, map }, `${place.name}: events, officials and articles`, placeJsonLd);
  });
  const refs = <K extends 'event' | 'official' | 'place' | 'organisation' | 'document'>(kind: K) =>
    [...index[kind].keys()].map((slug) => ({ kind, slug }));
  const timeline = sortByDate(context, refs('event'), 'oldest').map((ref) => toEventSummary(context, ref.slug));
  return {
    articles,
    events: sortByDate(context, refs('event'), 'newest').map((ref) => {
      const view = toEventView(context, index.event.get(ref.slug) ?? unreachable(ref.slug));
      return page(view, `${view.kindLabel}, ${view.date.label}: participants, roles and reports`, eventJsonLd);
    }),
    officials: [...index.official.values()].map((official) => {
      const view = toOfficialView(context, official);
      const pictured = {
        ...view,
        timeline: eventsTimeline(view.events, `Events with ${view.name}`, `timeline-${view.link.slug}`),
      };
      return page(pictured, `${view.name}: roles as reported, events and articles`, officialJsonLd);
    }),
    cities: places.filter((place) => isCity(place.link.slug)),
    places: places.filter((place) => !isCity(place.link.slug)),
    organisations: [...index.organisation.values()].map((organisation) =>
      page(
        toOrganisationView(context, organisation),
        `${organisation.data.name}: people, events and articles`,
        organisationJsonLd,
      ),
    ),
    documents: [...index.document.values()].map((document) =>
      page(toDocumentView(context, document), `${document.data.name}: events and articles`, documentJsonLd),
    ),
    indexes: {
      events: toIndexGroups(context, refs('event'), (ref) => {
        const event = index.event.get(ref.slug);
        return event ? EVENT_KIND_LABELS[event.data.kind] : '';
      }),
      officials: toIndexGroups(
        context,
        refs('official'),
        (ref) => index.official.get(ref.slug)?.data.roles[0]?.title ?? '',
      ),
      cities: toIndexGroups(
        context,
        refs('place').filter((ref) => isCity(ref.slug)),
        () => 'City',
      ),
      places: toIndexGroups(
        context,
        refs('place').filter((ref) => !isCity(ref.slug)),
        (ref) => PLACE_KIND_LABELS[index.place.get(ref.slug)?.data.kind ?? 'region'],
      ),
      organisations: toIndexGroups(context, refs('organisation'), (ref) => {
        const organisation = index.organisation.get(ref.slug);
        return organisation ? ORGANISATION_KIND_LABELS[organisation.data.kind] : '';
      }),
      documents: toIndexGroups(context, refs('document'), (ref) => {
        const document = index.document.get(ref.slug);
        return document ? DOCUMENT_KIND_LABELS[document.data.kind] : '';
      }),
    },
    years: groupByYear(articles),
    timeline,
    openData: toOpenData(archive),
    pictures: {
      map: placesMap(cityViews, undefined, 'Cities in the archive'),
      timeline: eventsTimeline(timeline, 'Timeline of events', 'timeline-all'),
    },
  };
}

function withNeighbours(newestFirst: readonly ArticleView[]): ArticlePage[] {
  return newestFirst.map((article, position) => {
    const newer = newestFirst[position - 1];
    const older = newestFirst[position + 1];
    const neighbours = { ...(older ? { previous: older.link } : {}), ...(newer ? { next: newer.link } : {}) };
    return page({ ...article, ...neighbours }, article.summary, articleJsonLd);
  });
}

function page<V extends { readonly link: LinkView }>(
  view: V,
  description: string,
  toJsonLd: (view: V) => Record<string, unknown>,
): Page<V> {
  return { ...view, meta: { title: view.link.label, description, jsonLd: toJsonLd(view) } };
}

function groupByYear(articles: readonly ArticlePage[]): YearGroup[] {
  const groups = new Map<string, ArticlePage[]>();
  for (const article of articles) {
    const year = article.date.iso?.slice(0, 4) ?? 'undated';
    const group = groups.get(year);
    if (group) group.push(article);
    else groups.set(year, [article]);
  }
  return [...groups].map(([year, list]) => ({
    id: year === 'undated' ? 'date-not-stated' : `year-${year}`,
    label: year === 'undated' ? 'Date not stated' : year,
    articles: list,
  }));
}

function unreachable(slug: string): never {
  throw new TypeError(`record ${slug} vanished from the index`);
}
