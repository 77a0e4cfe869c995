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
import { type EventSummary, toArticleView, toEventSummary, toFeedArticle } from './article-view.ts';
import { createViewContext, sortByDate, type ViewContext } from './context.ts';
import { type IndexGroup, splitIndex } from './index-view.ts';
import { labelData } from './label-pages.ts';
import {
  type ArticlePage,
  articleRecord,
  newestArticles,
  type PageLink,
  type SiteBuild,
  toArticlePage,
} from './page.ts';
import { eventsTimeline, placesMap, timelineEvents } from './pictures.ts';

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
  readonly articles: readonly ArticlePage[];
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

/** Everything the layouts render: one view-model per page (see {@link SitePages}), and the indexes. */
export interface SiteView extends SitePages {
  /** The A–Z index of each page kind that has one. */
  readonly indexes: Readonly<Partial<Record<PageKindKey, readonly IndexGroup[]>>>;
  /** The letters of the A–Z indexes too long for one page, each a page of its own (see `splitIndex`). */
  readonly letterPages: readonly LetterPage[];
  readonly years: readonly YearGroup[];
  /**
   * The home page's timeline, oldest first: every event (undated ones last) while there are few,
   * and after that the newest dated ones (see `timelineEvents`). `events` lists them all.
   */
  readonly timeline: readonly EventSummary[];
  /** The whole archive's feed, as Atom and JSON Feed. */
  readonly feed: Feed;
  /** Every Atom feed: the archive's, and one per page that has its own. */
  readonly feeds: readonly Feed[];
  /** The open data of the page kinds made from labels (records' own is made from the archive). */
  readonly data: readonly DataFile[];
  /** Inline SVG pictures for the home page. */
  readonly pictures: { readonly map: string; readonly timeline: string };
}

/** Builds every page's view-model from the validated archive, for the site published at `target`. Pure. */
export function toSiteView(archive: Archive, target: PublishTarget): SiteView {
  const context = createViewContext(archive);
  const { index } = context;
  const articleViews = newestArticles(context).map((ref) => toArticleView(context, articleRecord(context, ref.slug)));
  const articles = articleViews.map((article, position) =>
    toArticlePage(
      context,
      article,
      LABEL_PAGE_FIELDS,
      articleViews[position - 1]?.link,
      articleViews[position + 1]?.link,
    ),
  );
  const articleBySlug = new Map(articleViews.map((article) => [article.link.slug, article]));
  const emptyFeedTime = newestAdded(articleViews);
  const feeds: Feed[] = [];
  const feed = archiveFeed(target, articleViews, emptyFeedTime);
  feeds.push(feed);
  // A feed of the articles a page lists, so following a page and reading it agree.
  const follow = (link: PageLink, title: string, listed: readonly { readonly slug: string }[]): FeedLink[] => {
    const listedArticles = listed.flatMap((entry) => articleBySlug.get(entry.slug) ?? []);
    const spec = { page: link.url, title, path: `${link.url}feed.xml` };
    const made = toFeed(target, spec, listedArticles, emptyFeedTime);
    feeds.push(made);
    return feedLinks(made);
  };
  const build: SiteBuild = {
    context,
    target,
    articles,
    follow,
    isCity: (slug) => index.place.get(slug)?.data.kind === 'city',
    refs: (kind) => [...index[kind].keys()].map((slug) => ({ kind, slug })),
  };
  const pages = Object.fromEntries(PAGE_KIND_KEYS.map((key) => [key, PAGE_KINDS[key].pages(build)])) as SitePages;
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
    const entry = pageKind(key);
    // A label kind's pages are label pages (see `labelPageKind`).
    const labelled = pages[key] as unknown as Parameters<typeof labelData>[0];
    return 'labels' in entry.source && entry.data ? [{ path: entry.data, json: labelData(labelled, target) }] : [];
  });
  const timeline = recentEvents(context, build.refs('event')).map((ref) => toEventSummary(context, ref.slug));
  return {
    ...pages,
    indexes,
    letterPages,
    years: groupByYear(articles),
    timeline,
    feed,
    feeds,
    data,
    pictures: {
      map: placesMap(pages.cities, undefined, 'Cities in the archive'),
      timeline: eventsTimeline(
        timeline,
        timeline.length < index.event.size ? 'Recent events' : 'Timeline of events',
        'timeline-all',
      ),
    },
  };
}

/** The events of the home page's timeline (see {@link SiteView.timeline}), oldest first. */
function recentEvents(context: ViewContext, events: RecordRef[]): readonly RecordRef[] {
  return timelineEvents(sortByDate(context, events, 'oldest'), (ref) => isDatedKey(context.dateKey(ref)));
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
    return [toArticlePage(context, article, LABEL_PAGE_FIELDS, linkAt(position - 1), linkAt(position + 1))];
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
    url: `/${YEARS_SECTION}/${year === 'undated' ? 'date-not-stated' : year}/`,
    articles: list,
  }));
}

/** The heading of the group without a year: "Year not stated" once some of it gives a day and month. */
export function undatedLabel(articles: readonly { readonly date: { readonly monthDay?: string } }[]): string {
  return articles.some((article) => article.date.monthDay !== undefined) ? 'Year not stated' : 'Date not stated';
}
