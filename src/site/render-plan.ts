import path from 'node:path';
import { hashOf } from '../cache/hash.ts';
import type { SiteView } from './view/site-view.ts';

/** The parts of the site view with one page per record; the layouts paginate over these. */
export const RECORD_PAGE_KINDS = [
  'articles',
  'events',
  'officials',
  'cities',
  'places',
  'organisations',
  'documents',
] as const;

/** The record pages a build renders: all of them, or those whose view changed since the last build. */
export type RecordPages = Pick<SiteView, (typeof RECORD_PAGE_KINDS)[number]>;

/** Record page URL → a hash of everything its HTML is made from. */
export type PageFingerprints = ReadonlyMap<string, string>;

/** What a build records for the next one: fingerprints of its record pages, search shards and files. */
export interface SiteFingerprints {
  readonly pages: PageFingerprints;
  /** Search shard key → fingerprint (see search-shards.ts). */
  readonly search: ReadonlyMap<string, string>;
  /** Feed and open-data file path → fingerprint of its text (see published-files.ts). */
  readonly files: ReadonlyMap<string, string>;
}

/** The site the last build wrote to the same output folder, and its fingerprints. */
export interface PreviousSite {
  readonly output: string;
  readonly fingerprints: SiteFingerprints;
}

/** Which record pages to render, and which to take unchanged from the previous site. */
export interface RenderPlan {
  readonly render: RecordPages;
  /** URLs of record pages whose previous HTML is still exact. */
  readonly reused: readonly string[];
  readonly fingerprints: PageFingerprints;
}

/**
 * Fingerprints every record page. A record page's HTML is a function of its view-model and of what
 * every page shares (the code and templates, the site's origin and path prefix: `shared`), so equal
 * fingerprints mean equal HTML.
 */
function fingerprintPages(site: SiteView, shared: string): Map<string, string> {
  const fingerprints = new Map<string, string>();
  for (const kind of RECORD_PAGE_KINDS) {
    for (const view of site[kind]) fingerprints.set(view.link.url, hashOf(shared, JSON.stringify(view)));
  }
  return fingerprints;
}

/**
 * Plans a build: a record page is reused when the previous build wrote it from the same fingerprint
 * and its file is still there (`present`); everything else is rendered. Pure apart from `present`.
 */
export function planRender(
  site: SiteView,
  shared: string,
  previous: PageFingerprints | undefined,
  present: (url: string) => boolean,
): RenderPlan {
  const fingerprints = fingerprintPages(site, shared);
  const reused = new Set<string>();
  if (previous) {
    for (const [url, fingerprint] of fingerprints) {
      if (previous.get(url) === fingerprint && present(url)) reused.add(url);
    }
  }
  const changed = <V extends { readonly link: { readonly url: string } }>(views: readonly V[]) =>
    reused.size === 0 ? views : views.filter((view) => !reused.has(view.link.url));
  const render: RecordPages = {
    articles: changed(site.articles),
    events: changed(site.events),
    officials: changed(site.officials),
    cities: changed(site.cities),
    places: changed(site.places),
    organisations: changed(site.organisations),
    documents: changed(site.documents),
  };
  return { render, reused: [...reused], fingerprints };
}

/** The file a record page's URL is written to, under `output`; `undefined` for a URL that would leave it. */
export function pageFile(output: string, url: string): string | undefined {
  const root = path.resolve(output);
  const file = path.join(root, url, 'index.html');
  return url.endsWith('/') && file.startsWith(`${root}${path.sep}`) ? file : undefined;
}

/**
 * Record pages per Eleventy run. Eleventy holds about 100 KB per page it renders until the run ends
 * (the page's data and HTML); a run costs about a second to start. Batches of this size keep a
 * 10,000-article build (25,000 pages) to a few hundred MB for Eleventy, at about ten runs.
 */
export const RENDER_BATCH_PAGES = 3000;

/**
 * The `index`-th batch of `size` record pages, counting through the kinds in order: rendering
 * batch after batch renders every page once.
 */
export function recordBatch(pages: RecordPages, index: number, size: number): RecordPages {
  const start = index * size;
  const end = start + size;
  let offset = 0;
  const take = <V>(views: readonly V[]): readonly V[] => {
    const from = offset;
    offset += views.length;
    return views.slice(Math.max(0, start - from), Math.max(0, end - from));
  };
  return {
    articles: take(pages.articles),
    events: take(pages.events),
    officials: take(pages.officials),
    cities: take(pages.cities),
    places: take(pages.places),
    organisations: take(pages.organisations),
    documents: take(pages.documents),
  };
}

/** How many record pages there are. */
export function countRecordPages(pages: RecordPages): number {
  return RECORD_PAGE_KINDS.reduce((total, kind) => total + pages[kind].length, 0);
}
