import { compareText } from '../collate.ts';
import type { DateView } from '../dates.ts';
import { absoluteUrl, type PublishTarget } from '../publish.ts';
import type { LinkView } from './context.ts';
import { groupAtoZ, type IndexGroup } from './index-view.ts';
import {
  type ArticlePage,
  articleRecord,
  type LabelField,
  labelLinks,
  type Page,
  type PageLink,
  page,
  type SiteBuild,
} from './page.ts';
import { toSearchResult } from './search-result.ts';

/** An article as a label's page lists it. */
export interface ListedArticle {
  readonly link: LinkView;
  readonly title: string;
  readonly summary: string;
  readonly date: DateView;
}

/** The page of one label (a topic): the articles that carry it, newest first, undated last. */
export interface LabelView {
  readonly link: PageLink;
  readonly name: string;
  /** What the label is: "Topic". */
  readonly noun: string;
  readonly articles: readonly ListedArticle[];
}

/** The labels of `field` with the articles that carry each, A–Z, articles in the order of `build.articles`. */
function labelled(build: SiteBuild, field: LabelField): { link: PageLink; articles: ArticlePage[] }[] {
  const bySlug = new Map<string, { link: PageLink; articles: ArticlePage[] }>();
  for (const article of build.articles) {
    for (const link of labelLinks(field, articleRecord(build.context, article.link.slug).data)) {
      const entry = bySlug.get(link.slug) ?? { link, articles: [] };
      entry.articles.push(article);
      bySlug.set(link.slug, entry);
    }
  }
  return [...bySlug.values()].sort((a, b) => compareText(a.link.label, b.link.label));
}

/** A page per label of `field`, each with a feed of its articles. */
export function labelPages(build: SiteBuild, field: LabelField): Page<LabelView>[] {
  return labelled(build, field).map(({ link, articles }) => {
    const listed = articles.map((article) => ({
      link: article.link,
      title: article.title,
      summary: article.summary,
      date: article.date,
    }));
    const view: LabelView = { link, name: link.label, noun: field.noun, articles: listed };
    const title = `Articles on ${link.label}`;
    return page(view, `${field.noun}: ${link.label}. ${title}, newest first.`, labelJsonLd, {
      feeds: build.follow(
        link,
        title,
        articles.map((article) => article.link),
      ),
      search: { type: [field.noun], [field.noun.toLowerCase()]: [link.label] },
      result: toSearchResult(field.noun),
    });
  });
}

/** The A–Z index of the labels of `field`, with how many articles carry each. */
export function labelIndex(build: SiteBuild, field: LabelField): IndexGroup[] {
  return groupAtoZ(
    labelled(build, field).map(({ link, articles }) => ({ link, detail: '', articles: articles.length })),
  );
}

/** The labels of `field` as open data: each with its page and its articles' pages, absolute. */
export function labelData(pages: readonly Page<LabelView>[], target: PublishTarget): string {
  const items = pages.map((view) => ({
    id: view.link.slug,
    label: view.name,
    url: absoluteUrl(target, view.link.url),
    articles: view.articles.map((article) => absoluteUrl(target, article.link.url)),
  }));
  return JSON.stringify(items, null, 2);
}

/** A label's page as schema.org sees it: a collection of news articles. */
function labelJsonLd(view: LabelView): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    '@id': view.link.url,
    name: view.name,
    url: view.link.url,
    hasPart: view.articles.map((article) => ({
      '@type': 'NewsArticle',
      '@id': article.link.url,
      name: article.title,
      url: article.link.url,
    })),
  };
}
