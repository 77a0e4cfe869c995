import { compareText } from '../collate.ts';
import type { DateView } from '../dates.ts';
import { absoluteUrl } from '../publish.ts';
import type { LinkView, ViewContext } from './context.ts';
import { groupAtoZ, type IndexGroup } from './index-view.ts';
import { articleRecord, type LabelField, labelLinks, type Page, type PageLink, page, type SiteBuild } from './page.ts';
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

/** A label of a field, with the articles that carry it. */
interface Labelled {
  readonly link: PageLink;
  readonly articles: ListedArticle[];
}

// The labels of a field are listed by its pages, its index, its open data and the search shards,
// and by each Eleventy run's builder (`SiteBuild`), all with the same context and articles.
const labelledByContext = new WeakMap<ViewContext, Map<string, readonly Labelled[]>>();

/** The labels of `field` with the articles that carry each, A–Z, articles in the order of `build.listed`. */
export function labelled(build: SiteBuild, field: LabelField): readonly Labelled[] {
  const made = labelledByContext.get(build.context) ?? new Map<string, readonly Labelled[]>();
  labelledByContext.set(build.context, made);
  const known = made.get(field.field);
  if (known) return known;
  const bySlug = new Map<string, Labelled>();
  for (const article of build.listed) {
    for (const link of labelLinks(field, articleRecord(build.context, article.link.slug).data)) {
      const entry = bySlug.get(link.slug) ?? { link, articles: [] };
      entry.articles.push({ link: article.link, title: article.title, summary: article.summary, date: article.date });
      bySlug.set(link.slug, entry);
    }
  }
  const labels = [...bySlug.values()].sort((a, b) => compareText(a.link.label, b.link.label));
  made.set(field.field, labels);
  return labels;
}

/** A page per label of `field` that `build` wants, each with a feed of its articles. */
export function labelPages(build: SiteBuild, field: LabelField): Page<LabelView>[] {
  return labelled(build, field).flatMap(({ link, articles }) => {
    if (!build.wanted(link.url)) return [];
    const view: LabelView = { link, name: link.label, noun: field.noun, articles };
    const title = `Articles on ${link.label}`;
    return [
      page(view, `${field.noun}: ${link.label}. ${title}, newest first.`, labelJsonLd, {
        feeds: build.follow(
          link,
          title,
          articles.map((article) => article.link),
        ),
        search: { type: [field.noun], [field.noun.toLowerCase()]: [link.label] },
        result: toSearchResult(field.noun),
      }),
    ];
  });
}

/** The A–Z index of the labels of `field`, with how many articles carry each. */
export function labelIndex(build: SiteBuild, field: LabelField): IndexGroup[] {
  return groupAtoZ(
    labelled(build, field).map(({ link, articles }) => ({ link, detail: '', articles: articles.length })),
  );
}

/** The labels of `field` as open data: each with its page and its articles' pages, absolute. */
export function labelData(build: SiteBuild, field: LabelField): string {
  const items = labelled(build, field).map(({ link, articles }) => ({
    id: link.slug,
    label: link.label,
    url: absoluteUrl(build.target, link.url),
    articles: articles.map((article) => absoluteUrl(build.target, article.link.url)),
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
