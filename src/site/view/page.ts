import type { RecordRef } from '../../link/graph.ts';
import type { ParsedRecord } from '../../parse/parse-record.ts';
import type { RECORD_KIND_TABLE, RecordKind } from '../../schema/index.ts';
import { slugFromTitle } from '../../util/slug.ts';
import type { DateView } from '../dates.ts';
import type { FeedLink } from '../feeds.ts';
import { articleJsonLd } from '../json-ld.ts';
import { recordDataPath } from '../open-data.ts';
import type { PublishTarget } from '../publish.ts';
import { type ArticleView, toArticleView } from './article-view.ts';
import { type LinkView, sortByDate, type ViewContext } from './context.ts';
import type { CityListing } from './place-view.ts';
import { articleFacets, type SearchFacets } from './search-facets.ts';
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

/** A link to a page: a record's (see {@link LinkView}), or a page made from a label, such as a topic's. */
export interface PageLink {
  readonly url: string;
  readonly label: string;
  readonly slug: string;
  /** The record kind, or `label` for a page made from a label. */
  readonly kind: RecordKind | 'label';
}

/** A view-model with the head data of its page. */
export type Page<V> = V & { readonly meta: PageMeta };

/** The labels of a label field on an article page, linked to their pages: "Topics: Trade, Environment". */
export interface ArticleLabels {
  readonly title: string;
  readonly links: readonly PageLink[];
}

/** An article page with its neighbours in date order, and the pages its labels name. */
export type ArticlePage = Page<
  ArticleView & { readonly previous?: LinkView; readonly next?: LinkView; readonly labels: readonly ArticleLabels[] }
>;

/**
 * A field of free-text labels whose values name pages (see `RecordKindDefinition.labels`), as a
 * derived page kind of src/site/page-kinds.ts publishes it.
 */
export interface LabelField {
  readonly kind: 'article';
  /** One of the article's label fields in the record-kind table: a field not declared there does not compile. */
  readonly field: (typeof RECORD_KIND_TABLE)['article']['labels'][number];
  /** URL section of the labels' pages: `/topics/`. */
  readonly section: string;
  /** Heading of the list on an article page and of the index: "Topics". */
  readonly title: string;
  /** What one label is, as a search result's type and (in lower case) the search filter: "Topic". */
  readonly noun: string;
}

/** An article as lists and feeds show it: the same values as its page. */
export type ListedArticleView = Pick<ArticleView, 'link' | 'title' | 'summary' | 'date' | 'added' | 'html'>;

/** A page of a page kind, as the site lists it before its view is made: its link, and its date if it has one. */
export interface PageEntry {
  readonly link: PageLink;
  readonly date?: DateView;
  /** How many articles a label's page lists. */
  readonly articles?: number;
}

/** What a page kind's view builder is given: the archive's view context, and what pages share. */
export interface SiteBuild {
  readonly context: ViewContext;
  readonly target: PublishTarget;
  /** Every article, newest first, undated last: the order of the index and of the neighbour links. */
  readonly listed: readonly ListedArticleView[];
  /** Whether the page at `url` is made: every page, or those of one Eleventy run. */
  readonly wanted: (url: string) => boolean;
  /** Every city, in index order: the home page lists them, and every place's map shows them. */
  readonly cities: readonly CityListing[];
  /** Registers the feed of the articles a page lists, so following a page and reading it agree. */
  readonly follow: (link: PageLink, title: string, listed: readonly { readonly slug: string }[]) => FeedLink[];
  readonly isCity: (slug: string) => boolean;
  /** The record refs of a kind, in index order. */
  readonly refs: <K extends Exclude<RecordKind, 'article'>>(kind: K) => { kind: K; slug: string }[];
}

/** What a page's head says besides its title, description and JSON-LD. */
export interface PageExtras {
  readonly feeds: readonly FeedLink[];
  readonly search: SearchFacets;
  readonly result: SearchResultView;
}

/** The page of a view-model: its head data, and its record's JSON when it is a record. */
export function page<V extends { readonly link: PageLink }>(
  view: V,
  description: string,
  toJsonLd: (view: V) => Record<string, unknown>,
  extras: PageExtras,
): Page<V> {
  const { kind, slug } = view.link;
  const data = kind === 'label' ? {} : { data: recordDataPath({ kind, slug }) };
  return { ...view, meta: { title: view.link.label, description, jsonLd: toJsonLd(view), ...data, ...extras } };
}

/** Every article, newest first, undated ones last: the order of the index and of the neighbour links. */
export function newestArticles(context: ViewContext): RecordRef[] {
  const refs = [...context.index.article.keys()].map((slug) => ({ kind: 'article' as const, slug }));
  return sortByDate(context, refs, 'newest');
}

/** An article record by slug; it must be in the index. */
export function articleRecord(context: ViewContext, slug: string): ParsedRecord<'article'> {
  const record = context.index.article.get(slug);
  if (!record) throw new TypeError(`record ${slug} vanished from the index`);
  return record;
}

/** The pages of the articles `build` wants, each with its neighbours in {@link SiteBuild.listed}. */
export function articlePages(build: SiteBuild, fields: readonly LabelField[]): ArticlePage[] {
  const { context, listed } = build;
  return listed.flatMap((article, position) => {
    if (!build.wanted(article.link.url)) return [];
    const view = toArticleView(context, articleRecord(context, article.link.slug));
    return [toArticlePage(context, view, fields, listed[position - 1]?.link, listed[position + 1]?.link)];
  });
}

/** An article's page, with links to the next newer and next older article, and to its labels' pages. */
export function toArticlePage(
  context: ViewContext,
  article: ArticleView,
  fields: readonly LabelField[],
  newer?: LinkView,
  older?: LinkView,
): ArticlePage {
  const neighbours = { ...(older ? { previous: older } : {}), ...(newer ? { next: newer } : {}) };
  const record = articleRecord(context, article.link.slug);
  const labels = fields.map((field) => ({ field, links: labelLinks(field, record.data) }));
  const facets = Object.fromEntries(
    labels.map(({ field, links }) => [field.noun.toLowerCase(), links.map((link) => link.label)]),
  );
  const shown = labels.filter(({ links }) => links.length > 0);
  const view = { ...article, ...neighbours, labels: shown.map(({ field, links }) => ({ title: field.title, links })) };
  return page(view, article.summary, articleJsonLd, {
    feeds: [],
    search: { ...articleFacets(context, article), ...facets },
    result: toSearchResult(
      'Article',
      article.date,
      article.events.flatMap((event) => (event.place ? [event.place.label] : [])),
    ),
  });
}

/** The labels of `field` in a record's front matter, as links to their pages. */
export function labelLinks(field: LabelField, data: object): PageLink[] {
  const labels: unknown = (data as Record<string, unknown>)[field.field];
  if (!Array.isArray(labels)) return [];
  return labels.flatMap((label: unknown) => {
    if (typeof label !== 'string') return [];
    const slug = slugFromTitle(label);
    return [{ url: `/${field.section}/${slug}/`, label, slug, kind: 'label' as const }];
  });
}
