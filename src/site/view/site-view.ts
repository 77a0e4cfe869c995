import type { RecordRef } from '../../link/graph.ts';
import type { Archive } from '../../pipeline/build-archive.ts';
import { isDatedKey } from '../dates.ts';
import { type Feed, type FeedArticle, type FeedLink, feedLinks, newestAdded, toFeed } from '../feeds.ts';
import type { DataFile } from '../open-data.ts';
import {
  LABEL_PAGE_FIELDS,
  PAGE_KIND_KEYS,
  PAGE_KINDS,
  type PageKindKey,
  type PagesOf,
  pageKind,
} from '../page-kinds.ts';
import type { PublishTarget } from '../publish.ts';
import { type EventSummary, toEventSummary, toFeedArticle } from './article-view.ts';
import { createViewContext, sortByDate, type ViewContext } from './context.ts';
import { type IndexGroup, splitIndex } from './index-view.ts';
import { type ListedArticle, labelData } from './label-pages.ts';
import { recordsRedatedWith, recordsShownWithNames } from './name-reach.ts';
import { type OfficialListing, toOfficialListing } from './official-view.ts';
import {
  type ArticlePage,
  articlePages,
  articleRecord,
  type ListedArticleView,
  newestArticles,
  type PageEntry,
  type PageLink,
  type SiteBuild,
} from './page.ts';
import { eventsTimeline, placesMap, timelineEvents } from './pictures.ts';
import { type CityListing, toCityListing } from './place-view.ts';

export type { ArticlePage, Page, PageMeta } from './page.ts';

/**
 * Articles of one year, or of no stated year: a page of their own (`url`), which the articles index
 * links. One page of every article grew with the archive (4 MB at 10,000 articles); a year's page
 * grows only with that year.
 */
export interface YearGroup {
  readonly label: string;
  readonly id: string;
  readonly url: string;
  readonly articles: readonly ListedArticle[];
}

/** Where the pages of articles by year live: a section of their own, so no article slug can take one's URL. */
export const YEARS_SECTION = 'years';

/** One letter of a kind's A–Z index, on a page of its own. */
export interface LetterPage {
  /** The kind's title and its index's URL: "Events", `/events/`. */
  readonly kind: { readonly title: string; readonly url: string };
  readonly group: IndexGroup & { readonly url: string };
}

/** Every page of each page kind (src/site/page-kinds.ts): articles newest first, undated last. */
export type SitePages = { readonly [K in PageKindKey]: PagesOf<K> };

/** What the home page lists besides the timeline: the newest articles, the cities and officials, and counts. */
export interface HomeView {
  readonly latest: readonly ListedArticle[];
  readonly cities: readonly CityListing[];
  readonly officials: readonly OfficialListing[];
  /** How many pages each page kind has. */
  readonly counts: Readonly<Record<PageKindKey, number>>;
}

/**
 * Everything the site shows besides the record pages' views: the pages that list records (home,
 * indexes, years), the archive's feed, the label kinds' open data, and every page as listed before
 * its view is made, from which search shards and Eleventy runs are planned.
 */
export interface SiteOutline {
  /** Every page of each page kind, in the order of its pages. */
  readonly entries: { readonly [K in PageKindKey]: readonly PageEntry[] };
  /** The A–Z index of each page kind that has one. */
  readonly indexes: Readonly<Partial<Record<PageKindKey, readonly IndexGroup[]>>>;
  /** The letters of the A–Z indexes too long for one page, each a page of its own (see `splitIndex`). */
  readonly letterPages: readonly LetterPage[];
  readonly years: readonly YearGroup[];
  readonly home: HomeView;
  /**
   * The home page's timeline, oldest first: every event (undated ones last) while there are few,
   * and after that the newest dated ones (see `timelineEvents`).
   */
  readonly timeline: readonly EventSummary[];
  /** The whole archive's feed, as Atom and JSON Feed. */
  readonly feed: Feed;
  /** The open data of the page kinds made from labels (records' own is made from the archive). */
  readonly data: readonly DataFile[];
  /** Inline SVG pictures for the home page. */
  readonly pictures: { readonly map: string; readonly timeline: string };
}

/** Everything the layouts render: the outline, and one view-model per page (see {@link SitePages}). */
export interface SiteView extends SitePages, SiteOutline {
  /** Every Atom feed: the archive's, and one per page that has its own. */
  readonly feeds: readonly Feed[];
}

/** Makes a site's record pages, all at once or some at a time, around one outline. */
export interface SiteMaker {
  readonly outline: SiteOutline;
  /**
   * The Atom feeds made since the last call, which the maker then forgets: the archive's first,
   * then that of each page made since that has one. A build writes each run's feeds as the run ends.
   */
  readonly takeFeeds: () => readonly Feed[];
  /**
   * The pages at `urls`, or every page, exactly as {@link toSiteView} makes them; each page's feed
   * is kept for {@link takeFeeds}. Make each page once, or its feed is listed twice.
   */
  readonly pages: (urls?: ReadonlySet<string>) => SitePages;
  /** The records whose look or place on a page may change when `records` are renamed (see `recordsShownWithNames`). */
  readonly shownWithNames: (records: readonly RecordRef[]) => RecordRef[];
  /**
   * When `records` are redated: the records whose dates may change with them (see
   * `recordsRedatedWith`), and the articles next to those in the new order of articles, whose pages
   * link them as neighbours now and did not before.
   */
  readonly shownWithDates: (records: readonly RecordRef[]) => {
    readonly redated: readonly RecordRef[];
    readonly neighbours: readonly RecordRef[];
  };
}

/** Builds every page's view-model from the validated archive, for the site published at `target`. Pure. */
export function toSiteView(archive: Archive, target: PublishTarget): SiteView {
  const maker = siteMaker(archive, target);
  const pages = maker.pages();
  return { ...maker.outline, ...pages, feeds: maker.takeFeeds() };
}

/** The outline of the site published at `target`, and its record pages on demand. */
export function siteMaker(archive: Archive, target: PublishTarget): SiteMaker {
  const context = createViewContext(archive);
  const { index } = context;
  const listed = listedArticles(context);
  const articleBySlug = new Map(listed.map((article) => [article.link.slug, article]));
  const emptyFeedTime = newestAdded(listed);
  const feed = archiveFeed(target, listed, emptyFeedTime);
  let feeds: Feed[] = [feed];
  // A feed of the articles a page lists, so following a page and reading it agree.
  const follow = (link: PageLink, title: string, shown: readonly { readonly slug: string }[]): FeedLink[] => {
    const shownArticles = shown.flatMap((entry) => articleBySlug.get(entry.slug) ?? []);
    const spec = { page: link.url, title, path: `${link.url}feed.xml` };
    const made = toFeed(target, spec, shownArticles, emptyFeedTime);
    feeds.push(made);
    return feedLinks(made);
  };
  const records = recordsOf(context);
  const cities = records.refs('place').flatMap(({ slug }) => {
    const place = index.place.get(slug);
    return place && records.isCity(slug) ? [toCityListing(context, place)] : [];
  });
  const buildOf = (wanted: (url: string) => boolean): SiteBuild => ({
    context,
    target,
    listed,
    wanted,
    cities,
    follow,
    ...records,
  });
  const whole = buildOf(() => true);
  const outline = siteOutline(whole, feed);
  return {
    outline,
    takeFeeds: () => {
      const taken = feeds;
      feeds = [];
      return taken;
    },
    pages: (urls) => {
      const build = urls ? buildOf((url) => urls.has(url)) : whole;
      return Object.fromEntries(PAGE_KIND_KEYS.map((key) => [key, PAGE_KINDS[key].pages(build)])) as SitePages;
    },
    shownWithNames: (renamed) => recordsShownWithNames(context, renamed),
    shownWithDates: (records) => {
      const redated = recordsRedatedWith(context, records);
      const moved = new Set(redated.flatMap((record) => (record.kind === 'article' ? [record.slug] : [])));
      const neighbours = listed.flatMap((article, position) => {
        if (!moved.has(article.link.slug)) return [];
        return [listed[position - 1], listed[position + 1]].flatMap((next) =>
          next ? [{ kind: 'article' as const, slug: next.link.slug }] : [],
        );
      });
      return { redated, neighbours };
    },
  };
}

/** The records of each kind, and which places are cities, as every page builder reads them. */
function recordsOf(context: ViewContext): Pick<SiteBuild, 'isCity' | 'refs'> {
  const { index } = context;
  return {
    isCity: (slug) => index.place.get(slug)?.data.kind === 'city',
    refs: (kind) => [...index[kind].keys()].map((slug) => ({ kind, slug })),
  };
}

/** Every article, newest first, undated last, as lists and feeds show it. */
function listedArticles(context: ViewContext): ListedArticleView[] {
  return newestArticles(context).map((ref) => toFeedArticle(context, articleRecord(context, ref.slug)));
}

/** The site's outline (see {@link SiteOutline}), made without any record page's view. */
function siteOutline(build: SiteBuild, feed: Feed): SiteOutline {
  const { context, listed, cities } = build;
  const entries = Object.fromEntries(PAGE_KIND_KEYS.map((key) => [key, PAGE_KINDS[key].list(build)])) as {
    [K in PageKindKey]: readonly PageEntry[];
  };
  const indexes: Partial<Record<PageKindKey, readonly IndexGroup[]>> = Object.fromEntries(
    PAGE_KIND_KEYS.flatMap((key) => {
      const { index: toIndex, section } = pageKind(key);
      return toIndex ? [[key, splitIndex(section, toIndex(build))]] : [];
    }),
  );
  const letterPages = PAGE_KIND_KEYS.flatMap((key) => {
    const kind = { title: pageKind(key).title, url: `/${pageKind(key).section}/` };
    return (indexes[key] ?? []).flatMap(({ url, ...group }) => (url ? [{ kind, group: { ...group, url } }] : []));
  });
  const data = PAGE_KIND_KEYS.flatMap((key) => {
    const { source, data: path } = pageKind(key);
    return 'labels' in source && path ? [{ path, json: labelData(build, source.labels) }] : [];
  });
  const timeline = recentEvents(context, build.refs('event')).map((ref) => toEventSummary(context, ref.slug));
  const officials = build.refs('official').flatMap(({ slug }) => {
    const official = context.index.official.get(slug);
    return official ? [toOfficialListing(context, official)] : [];
  });
  const counts = Object.fromEntries(PAGE_KIND_KEYS.map((key) => [key, entries[key].length])) as Record<
    PageKindKey,
    number
  >;
  return {
    entries,
    indexes,
    letterPages,
    years: groupByYear(listed),
    home: { latest: listed.slice(0, LATEST_ARTICLES), cities, officials, counts },
    timeline,
    feed,
    data,
    pictures: {
      map: placesMap(cities, undefined, 'Cities in the archive'),
      timeline: eventsTimeline(
        timeline,
        timeline.length < context.index.event.size ? 'Recent events' : 'Timeline of events',
        'timeline-all',
      ),
    },
  };
}

/** How many of the newest articles the home page lists. */
const LATEST_ARTICLES = 10;

/** The events of the home page's timeline (see {@link SiteOutline.timeline}), oldest first. */
function recentEvents(context: ViewContext, events: RecordRef[]): readonly RecordRef[] {
  return timelineEvents(sortByDate(context, events, 'oldest'), (ref) => isDatedKey(context.dateKey(ref)));
}

/**
 * The pages of the articles in `slugs` only, exactly as {@link toSiteView} makes them: for a build
 * in which only these articles' texts changed (see archive-shape.ts).
 */
export function toArticlePages(archive: Archive, target: PublishTarget, slugs: ReadonlySet<string>): ArticlePage[] {
  const context = createViewContext(archive);
  const urls = new Set([...slugs].map((slug) => context.link({ kind: 'article', slug }).url));
  // An article's page lists no city and has no feed of its own.
  const build: SiteBuild = {
    context,
    target,
    listed: listedArticles(context),
    wanted: (url) => urls.has(url),
    cities: [],
    follow: () => [],
    ...recordsOf(context),
  };
  return articlePages(build, LABEL_PAGE_FIELDS);
}

/** The archive's full-text feed alone, as {@link toSiteView} makes it. */
export function toArchiveFeed(archive: Archive, target: PublishTarget): Feed {
  const listed = listedArticles(createViewContext(archive));
  return archiveFeed(target, listed, newestAdded(listed));
}

function archiveFeed(target: PublishTarget, newestFirst: readonly FeedArticle[], fallbackUpdated: string): Feed {
  const spec = { page: '/articles/', title: 'Latest articles', path: '/feed.xml', jsonPath: '/feed.json' };
  return toFeed(target, { ...spec, fullText: true }, newestFirst, fallbackUpdated);
}

function groupByYear(articles: readonly ListedArticle[]): YearGroup[] {
  const groups = new Map<string, ListedArticle[]>();
  for (const article of articles) {
    const year = article.date.iso?.slice(0, 4) ?? 'undated';
    const group = groups.get(year);
    if (group) group.push(article);
    else groups.set(year, [article]);
  }
  return [...groups].map(([year, list]) => ({
    id: year === 'undated' ? 'date-not-stated' : `year-${year}`,
    label: year === 'undated' ? undatedLabel(list) : year,
    url: `/${YEARS_SECTION}/${year === 'undated' ? 'date-not-stated' : year}/`,
    articles: list,
  }));
}

/** The heading of the group without a year: "Year not stated" once some of it gives a day and month. */
export function undatedLabel(articles: readonly { readonly date: { readonly monthDay?: string } }[]): string {
  return articles.some((article) => article.date.monthDay !== undefined) ? 'Year not stated' : 'Date not stated';
}
