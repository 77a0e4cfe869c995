import { Feed as PackageFeed } from 'feed';
import { escapeXml } from '../render/svg-escape.ts';
import type { DateView } from './dates.ts';
import { absoluteUrl, absolutizeHtml, type PublishTarget } from './publish.ts';

/** An article as a feed needs it. */
export interface FeedArticle {
  readonly link: { readonly url: string };
  readonly title: string;
  readonly summary: string;
  readonly html: string;
  readonly date: DateView;
  /** The day the archive took the article in. */
  readonly added: DateView;
}

/** One entry of a feed; every URL is absolute, so the entry reads the same away from the site. */
export interface FeedEntry {
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  /** The article text with absolute links; absent in feeds that carry summaries only. */
  readonly html?: string;
  /** RFC 3339: the source's own publication date, only when the source states it to the day. */
  readonly published?: string;
  /** RFC 3339: when the archive took the article in (`added`), never a date the source gives. */
  readonly updated: string;
}

/** A feed of articles, written as Atom (`path`) and, for the whole archive, also as JSON Feed. */
export interface Feed {
  /** Root-relative output path of the Atom feed, e.g. `/officials/tan-chengxu/feed.xml`. */
  readonly path: string;
  /** Root-relative output path of the JSON Feed, when there is one. */
  readonly jsonPath?: string;
  readonly title: string;
  readonly selfUrl: string;
  readonly jsonUrl?: string;
  /** The HTML page the feed follows. */
  readonly pageUrl: string;
  readonly updated: string;
  readonly entries: readonly FeedEntry[];
}

/** A feed as a page links it in its head and body. */
export interface FeedLink {
  readonly url: string;
  readonly title: string;
  readonly type: 'application/atom+xml' | 'application/feed+json';
}

/** What a feed follows: its page, its title, and where its files go. */
export interface FeedSpec {
  readonly page: string;
  readonly title: string;
  readonly path: string;
  readonly jsonPath?: string;
  /** Carry each article's text, not only its summary. The archive's own feed does; a feed per record does not. */
  readonly fullText?: boolean;
}

/**
 * How many of the newest articles a feed carries. Feed readers poll for what is new; the archive
 * itself, its indexes and its open data are where the rest is, and a feed of every article of a
 * large archive would be tens of megabytes fetched again on every poll.
 */
export const FEED_ENTRIES = 50;

// Atom requires an `updated` time even for a feed with no entries.
const EPOCH = '1970-01-01T00:00:00Z';

/**
 * Builds a feed of the {@link FEED_ENTRIES} newest additions among `articles` (see
 * {@link newestAddedFirst}), whatever order they come in. Pure.
 */
export function toFeed(
  target: PublishTarget,
  spec: FeedSpec,
  articles: readonly FeedArticle[],
  fallbackUpdated = EPOCH,
): Feed {
  const entries = newestAddedFirst(articles)
    .slice(0, FEED_ENTRIES)
    .map((article): FeedEntry => {
      const stated = article.date.iso !== undefined && article.date.iso.length === 10 && !article.date.inferred;
      return {
        url: absoluteUrl(target, article.link.url),
        title: article.title,
        summary: article.summary,
        ...(spec.fullText ? { html: absolutizeHtml(target, article.html) } : {}),
        ...(stated ? { published: dayToRfc3339(article.date.iso ?? '') } : {}),
        updated: dayToRfc3339(article.added.iso ?? ''),
      };
    });
  const updated =
    entries
      .map((entry) => entry.updated)
      .sort()
      .at(-1) ?? fallbackUpdated;
  return {
    path: spec.path,
    title: spec.title,
    selfUrl: absoluteUrl(target, spec.path),
    pageUrl: absoluteUrl(target, spec.page),
    updated,
    entries,
    ...(spec.jsonPath ? { jsonPath: spec.jsonPath, jsonUrl: absoluteUrl(target, spec.jsonPath) } : {}),
  };
}

/**
 * Articles in the order a feed carries them: the archive's newest additions first (`added`), and
 * among those added the same day, by the source's date, undated last. A feed follows the archive's
 * time, not the sources': ordered by the source's date, a new article without one would sort after
 * every dated article and never reach a feed that keeps only the newest entries. Stable.
 */
export function newestAddedFirst(articles: readonly FeedArticle[]): FeedArticle[] {
  return [...articles].sort(
    (left, right) => newerFirst(left.added.iso, right.added.iso) || newerFirst(left.date.iso, right.date.iso),
  );
}

/** Orders ISO dates newest first, a missing date last. */
function newerFirst(left: string | undefined, right: string | undefined): number {
  if (left === right) return 0;
  if (left === undefined) return 1;
  if (right === undefined) return -1;
  return left < right ? 1 : -1;
}

/** The newest `added` day among articles, as the time of an empty feed. */
export function newestAdded(articles: readonly FeedArticle[]): string {
  const newest = articles
    .map((article) => article.added.iso ?? '')
    .sort()
    .at(-1);
  return newest === undefined ? EPOCH : dayToRfc3339(newest);
}

/** The links a page puts in its head for a feed. */
export function feedLinks(feed: Feed): FeedLink[] {
  const atom: FeedLink = { url: feed.path, title: feed.title, type: 'application/atom+xml' };
  return feed.jsonPath ? [atom, { url: feed.jsonPath, title: feed.title, type: 'application/feed+json' }] : [atom];
}

/**
 * A feed as JSON Feed 1.1 text (https://jsonfeed.org/version/1.1). Written here, not by the `feed`
 * package: the package writes JSON Feed 1 (no `authors`, `language` or `content_text`), and takes one
 * title and summary for both formats, where Atom needs them as HTML and JSON Feed as plain text.
 */
export function toJsonFeed(feed: Feed, siteTitle: string, language: string): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: `${feed.title} · ${siteTitle}`,
      home_page_url: feed.pageUrl,
      feed_url: feed.jsonUrl ?? feed.selfUrl,
      language,
      authors: [{ name: siteTitle }],
      items: feed.entries.map((entry) => ({
        id: entry.url,
        url: entry.url,
        title: entry.title,
        summary: entry.summary,
        ...(entry.html === undefined ? { content_text: entry.summary } : { content_html: entry.html }),
        ...(entry.published ? { date_published: entry.published } : {}),
        date_modified: entry.updated,
      })),
    },
    null,
    2,
  );
}

function dayToRfc3339(day: string): string {
  return `${day}T00:00:00Z`;
}

/** What a feed says about the site as a whole. */
export interface FeedSite {
  readonly title: string;
  readonly description: string;
  readonly language: string;
}

/**
 * A feed as Atom 1.0 text (RFC 4287), written by the `feed` package. The package writes entry titles
 * and summaries as `type="html"`, so they are escaped here once as HTML: markup in a title stays text.
 * Every date is given, so the text is the same on every build.
 */
export function toAtom(feed: Feed, site: FeedSite): string {
  const atom = new PackageFeed({
    id: feed.selfUrl,
    title: keepAmp(`${feed.title} · ${site.title}`),
    description: keepAmp(site.description),
    link: feed.pageUrl,
    feedLinks: { atom: feed.selfUrl },
    updated: new Date(feed.updated),
    author: { name: keepAmp(site.title) },
    generator: false,
  });
  for (const entry of feed.entries) {
    atom.addItem({
      id: entry.url,
      link: entry.url,
      title: escapeXml(entry.title),
      description: escapeXml(entry.summary),
      // xml-js ends a CDATA section at a second `]]>`; as `]]&gt;` it is the same HTML.
      ...(entry.html === undefined ? {} : { content: entry.html.replaceAll(']]>', ']]&gt;') }),
      ...(entry.published ? { published: new Date(entry.published) } : {}),
      date: new Date(entry.updated),
    });
  }
  // The package has no `xml:lang`; it goes on the root element.
  const root = '<feed xmlns="http://www.w3.org/2005/Atom">';
  const text = atom.atom1();
  if (!text.includes(root)) throw new Error('the feed package changed its Atom root element');
  return `${text.replace(root, () => `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language)}">`)}\n`;
}

/** Plain XML text for xml-js, which reads `&amp;` in text as `&` before it escapes: a literal `&amp;` stays. */
function keepAmp(text: string): string {
  return text.replaceAll('&amp;', '&amp;amp;');
}
