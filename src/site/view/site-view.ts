import type { RecordRef } from '../../link/graph.ts';
import type { ParsedRecord } from '../../parse/parse-record.ts';
import type { Archive } from '../../pipeline/build-archive.ts';
import { dateSortKey, isDatedKey } from '../dates.ts';
import { type Feed, type FeedArticle, type FeedLink, feedLinks, newestAdded, toFeed } from '../feeds.ts';
import {
  articleJsonLd,
  documentJsonLd,
  eventJsonLd,
  officialJsonLd,
  organisationJsonLd,
  placeJsonLd,
} from '../json-ld.ts';
import { recordDataPath } from '../open-data.ts';
import type { PublishTarget } from '../publish.ts';
import { type ArticleView, type EventSummary, toArticleView, toEventSummary, toFeedArticle } from './article-view.ts';
import { createViewContext, type LinkView, sortByDate, type ViewContext } from './context.ts';
import { type DocumentView, toDocumentView } from './document-view.ts';
import { type EventView, toEventView } from './event-view.ts';
import { type IndexGroup, toIndexGroups } from './index-view.ts';
import { DOCUMENT_KIND_LABELS, EVENT_KIND_LABELS, ORGANISATION_KIND_LABELS, PLACE_KIND_LABELS } from './labels.ts';
import { type OfficialView, toOfficialView } from './official-view.ts';
import { type OrganisationView, toOrganisationView } from './organisation-view.ts';
import { eventsTimeline, placesMap } from './pictures.ts';
import { type PlaceView, toPlaceView } from './place-view.ts';
import { articleFacets, eventFacets, type SearchFacets, typeFacets } from './search-facets.ts';
import { type SearchResultView, toSearchResult } from './search-result.ts';

/** What the base layout needs for a page's head: title, description and structured data. */
export interface PageMeta {
  readonly title: string;
  readonly description: string;
  readonly jsonLd: Record<string, unknown>;
  /** Feeds that follow this page, besides the whole archive's. */
  readonly feeds: readonly FeedLink[];
  /** The page's own record as JSON, for records that have one. */
  readonly data?: string;
  /** How search files this page. */
  readonly search: SearchFacets;
  /** What its search result shows, and its place when results are sorted by date. */
  readonly result: SearchResultView;
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
  /** Their timelines are drawn by the layout (`eventsTimeline` filter), for rendered pages only. */
  readonly officials: readonly Page<OfficialView>[];
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
  /**
   * The home page's timeline, oldest first: every event (undated ones last) while there are at most
   * {@link HOME_TIMELINE_EVENTS}, and after that the newest dated ones. `events` lists them all.
   */
  readonly timeline: readonly EventSummary[];
  /** The whole archive's feed, as Atom and JSON Feed. */
  readonly feed: Feed;
  /** Every Atom feed: the archive's, and one per official, city and event. */
  readonly feeds: readonly Feed[];
  /** Inline SVG pictures for the home page. */
  readonly pictures: { readonly map: string; readonly timeline: string };
}

/** Builds every page's view-model from the validated archive, for the site published at `target`. Pure. */
export function toSiteView(archive: Archive, target: PublishTarget): SiteView {
  const context = createViewContext(archive);
  const { index } = context;
  const articleViews = newestArticles(context).map((ref) => toArticleView(context, articleRecord(context, ref.slug)));
  const articles = articleViews.map((article, position) =>
    toArticlePage(context, article, articleViews[position - 1]?.link, articleViews[position + 1]?.link),
  );
  const articleBySlug = new Map(articleViews.map((article) => [article.link.slug, article]));
  const emptyFeedTime = newestAdded(articleViews);
  const feeds: Feed[] = [];
  // A feed of the articles a page lists, so following a page and reading it agree.
  const follow = (link: LinkView, title: string, listed: readonly LinkView[]): FeedLink[] => {
    const listedArticles = listed.flatMap((entry) => articleBySlug.get(entry.slug) ?? []);
    const spec = { page: link.url, title, path: `${link.url}feed.xml` };
    const feed = toFeed(target, spec, listedArticles, emptyFeedTime);
    feeds.push(feed);
    return feedLinks(feed);
  };
  const feed = archiveFeed(target, articleViews, emptyFeedTime);
  feeds.push(feed);

  const placeViews = [...index.place.values()].map((place) => toPlaceView(context, place));
  const isCity = (slug: string) => index.place.get(slug)?.data.kind === 'city';
  const cityViews = placeViews.filter((place) => isCity(place.link.slug));
  const places = placeViews.map((place) => {
    const city = isCity(place.link.slug);
    const shown = city ? cityViews : [...cityViews, place];
    const map = placesMap(shown, place.link.slug, `Where ${place.name} is`);
    return page({ ...place, map }, `${place.name}: events, officials and articles`, placeJsonLd, {
      feeds: city ? follow(place.link, `Articles about ${place.name}`, place.articles) : [],
      search: city ? { ...typeFacets('City'), city: [place.name] } : typeFacets(place.kindLabel),
      result: toSearchResult(
        place.kindLabel,
        undefined,
        place.within.slice(0, 1).map((parent) => parent.label),
      ),
    });
  });
  const refs = <K extends 'event' | 'official' | 'place' | 'organisation' | 'document'>(kind: K) =>
    [...index[kind].keys()].map((slug) => ({ kind, slug }));
  const timeline = recentEvents(context, refs('event')).map((ref) => toEventSummary(context, ref.slug));
  return {
    articles,
    events: sortByDate(context, refs('event'), 'newest').map((ref) => {
      const view = toEventView(context, index.event.get(ref.slug) ?? unreachable(ref.slug));
      return page(view, `${view.kindLabel}, ${view.date.label}: participants, roles and reports`, eventJsonLd, {
        feeds: follow(view.link, `Articles reporting ${view.name}`, view.articles),
        search: eventFacets(context, view),
        result: toSearchResult(view.kindLabel, view.date, view.place ? [view.place.label] : []),
      });
    }),
    officials: [...index.official.values()].map((official) => {
      const view = toOfficialView(context, official);
      return page(view, `${view.name}: roles as reported, events and articles`, officialJsonLd, {
        feeds: follow(view.link, `Articles naming ${view.name}`, view.articles),
        search: { ...typeFacets('Official'), official: [view.name] },
        result: toSearchResult('Official'),
      });
    }),
    cities: places.filter((place) => isCity(place.link.slug)),
    places: places.filter((place) => !isCity(place.link.slug)),
    organisations: [...index.organisation.values()].map((organisation) => {
      const view = toOrganisationView(context, organisation);
      return page(view, `${view.name}: people, events and articles`, organisationJsonLd, {
        feeds: [],
        search: typeFacets('Organisation'),
        result: toSearchResult(view.kindLabel, undefined, view.place ? [view.place.label] : []),
      });
    }),
    documents: [...index.document.values()].map((document) => {
      const view = toDocumentView(context, document);
      return page(view, `${view.name}: events and articles`, documentJsonLd, {
        feeds: [],
        search: typeFacets('Document'),
        result: toSearchResult(view.kindLabel, view.date),
      });
    }),
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
    feed,
    feeds,
    pictures: {
      map: placesMap(cityViews, undefined, 'Cities in the archive'),
      timeline: eventsTimeline(
        timeline,
        timeline.length < index.event.size ? 'Recent events' : 'Timeline of events',
        'timeline-all',
      ),
    },
  };
}

/**
 * Events on the home page at most. Every event there made the page grow with the archive: at
 * 13,000 events it weighed 13 MB, most of it a timeline half a million pixels tall. The events
 * index lists them all.
 */
export const HOME_TIMELINE_EVENTS = 40;

/** The events of the home page's timeline (see {@link SiteView.timeline}), oldest first. */
function recentEvents(context: ViewContext, events: RecordRef[]): RecordRef[] {
  const oldestFirst = sortByDate(context, events, 'oldest');
  if (oldestFirst.length <= HOME_TIMELINE_EVENTS) return oldestFirst;
  // An event whose date no source states cannot be among the most recent.
  const dated = oldestFirst.filter((ref) => isDatedKey(dateSortKey(context.dateOf(ref))));
  return dated.slice(-HOME_TIMELINE_EVENTS);
}

/**
 * The pages of the articles in `slugs` only, exactly as {@link toSiteView} makes them: for a build
 * in which only these articles' texts changed (see archive-shape.ts).
 */
export function toArticlePages(archive: Archive, slugs: ReadonlySet<string>): ArticlePage[] {
  const context = createViewContext(archive);
  const newestFirst = newestArticles(context);
  const linkAt = (position: number) => {
    const ref = newestFirst[position];
    return ref && context.link(ref);
  };
  return newestFirst.flatMap((ref, position) => {
    if (!slugs.has(ref.slug)) return [];
    const article = toArticleView(context, articleRecord(context, ref.slug));
    return [toArticlePage(context, article, linkAt(position - 1), linkAt(position + 1))];
  });
}

/** The archive's full-text feed alone, as {@link toSiteView} makes it. */
export function toArchiveFeed(archive: Archive, target: PublishTarget): Feed {
  const context = createViewContext(archive);
  const newestFirst = newestArticles(context).map((ref) => toFeedArticle(context, articleRecord(context, ref.slug)));
  return archiveFeed(target, newestFirst, newestAdded(newestFirst));
}

function archiveFeed(target: PublishTarget, newestFirst: readonly FeedArticle[], fallbackUpdated: string): Feed {
  const spec = { page: '/articles/', title: 'Latest articles', path: '/feed.xml', jsonPath: '/feed.json' };
  return toFeed(target, { ...spec, fullText: true }, newestFirst, fallbackUpdated);
}

/** Every article, newest first, undated ones last: the order of the index and of the neighbour links. */
function newestArticles(context: ViewContext): RecordRef[] {
  const refs = [...context.index.article.keys()].map((slug) => ({ kind: 'article' as const, slug }));
  return sortByDate(context, refs, 'newest');
}

function articleRecord(context: ViewContext, slug: string): ParsedRecord<'article'> {
  return context.index.article.get(slug) ?? unreachable(slug);
}

/** An article's page, with links to the next newer and next older article. */
function toArticlePage(context: ViewContext, article: ArticleView, newer?: LinkView, older?: LinkView): ArticlePage {
  const neighbours = { ...(older ? { previous: older } : {}), ...(newer ? { next: newer } : {}) };
  return page({ ...article, ...neighbours }, article.summary, articleJsonLd, {
    feeds: [],
    search: articleFacets(context, article),
    result: toSearchResult(
      'Article',
      article.date,
      article.events.flatMap((event) => (event.place ? [event.place.label] : [])),
    ),
  });
}

function page<V extends { readonly link: LinkView }>(
  view: V,
  description: string,
  toJsonLd: (view: V) => Record<string, unknown>,
  extras: { readonly feeds: readonly FeedLink[]; readonly search: SearchFacets; readonly result: SearchResultView },
): Page<V> {
  const data = recordDataPath(view.link);
  return { ...view, meta: { title: view.link.label, description, jsonLd: toJsonLd(view), data, ...extras } };
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
    label: year === 'undated' ? undatedLabel(list) : year,
    articles: list,
  }));
}

/** The heading of the group without a year: "Year not stated" once some of it gives a day and month. */
export function undatedLabel(articles: readonly { readonly date: { readonly monthDay?: string } }[]): string {
  return articles.some((article) => article.date.monthDay !== undefined) ? 'Year not stated' : 'Date not stated';
}

function unreachable(slug: string): never {
  throw new TypeError(`record ${slug} vanished from the index`);
}
