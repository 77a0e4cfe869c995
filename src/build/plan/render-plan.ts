import path from 'node:path';
import { PAGE_KIND_KEYS } from '../../site/page-kinds.ts';
import type { PublishTarget } from '../../site/publish.ts';
import type { SitePages } from '../../site/view/site-view.ts';
import { hashOf } from '../cache/hash.ts';
import type { SearchShard } from '../search/search-shards.ts';
import type { ArchiveShape } from './archive-shape.ts';
import type { ShownRecords, ShowsOf } from './page-reach.ts';

/** The parts of the site view with a page per record or label: the page kinds' (page-kinds.ts). */
export const RECORD_PAGE_KINDS = PAGE_KIND_KEYS;

/** The record pages a build renders: all of them, or those whose view changed since the last build. */
export type RecordPages = SitePages;

/** A page as batches and search shards see it: its URL. */
export interface LinkedPage {
  readonly link: { readonly url: string };
}

/** Pages of every page kind: their views (`RecordPages`), or their entries before the views are made. */
export type PagesByKind<T extends LinkedPage = LinkedPage> = {
  readonly [K in (typeof RECORD_PAGE_KINDS)[number]]: readonly T[];
};

/** Record page URL → a hash of everything its HTML is made from. */
export type PageFingerprints = ReadonlyMap<string, string>;

/** What a build records for the next one: fingerprints of its record pages, search shards and files. */
export interface SiteFingerprints {
  readonly pages: PageFingerprints;
  /** Search shard key → fingerprint (see search-shards.ts). */
  readonly search: ReadonlyMap<string, string>;
  /** Feed and open-data file path → fingerprint of its text (see published-files.ts). */
  readonly files: ReadonlyMap<string, string>;
  /**
   * The archive's shape and the search shards: when the next build finds that only texts changed,
   * it renders just those pages and takes the rest of the site, shards included, as it is.
   */
  readonly shape?: ArchiveShape;
  readonly shards?: readonly SearchShard[];
  /** The site's other files (see `FinishedSite.others`), which a build of text edits keeps. */
  readonly others?: readonly string[];
  /** Which records each record page shows: the pages the next build makes again when one is renamed. */
  readonly shows?: ShownRecords;
  /** What every page shared (`sharedByPages`): a build that shares something else can keep no page. */
  readonly shared?: string;
}

/**
 * Which parts of a previous site are still on disk: every record page, feed and open-data file its
 * fingerprints list, and its other pages (home, indexes, years). A build that keeps the rest of the
 * previous site needs them all; one deleted by hand is made again by a full build.
 */
export interface SitePresence {
  readonly recordsAndFiles: boolean;
  readonly others: boolean;
}

/** The site the last build wrote to the same output folder, and its fingerprints. */
export interface PreviousSite {
  readonly output: string;
  readonly fingerprints: SiteFingerprints;
  /** Which of its parts were still on disk, if looked up while the archive loaded (site-presence.ts). */
  readonly present?: SitePresence;
}

/** Which record pages to render, and which to take unchanged from the previous site. */
export interface RenderPlan<P extends PagesByKind = PagesByKind> {
  /** The pages to render: views, or entries whose views each run makes (see `planColdBuild`). */
  readonly render: P;
  /** URLs of record pages whose previous HTML is still exact. */
  readonly reused: readonly string[];
  readonly fingerprints: PageFingerprints;
  /** Each record page's view-model size as JSON (or its estimate, see view-weights.ts), for batching. */
  readonly sizes: ReadonlyMap<string, number>;
  /** The records each record page shows, for the next build; only in an incremental build. */
  readonly shows?: ShownRecords;
}

/** What every record page's HTML depends on besides its view-model: the code and templates, and where the site is published. */
export function sharedByPages(codeVersion: string, target: PublishTarget): string {
  return hashOf('pages', codeVersion, target.siteUrl, target.pathPrefix);
}

/**
 * A record page's fingerprint: its HTML is a function of its view-model (`json`) and of what every
 * page shares (the code and templates, the site's origin and path prefix: `shared`), so equal
 * fingerprints mean equal HTML.
 */
export function pageFingerprint(shared: string, json: string): string {
  return hashOf(shared, json);
}

/** Visits each record page's view-model as JSON, one at a time: fingerprints and batch sizes come from it. */
function forEachViewJson(site: SitePages, visit: (url: string, json: string) => void): void {
  for (const kind of RECORD_PAGE_KINDS) {
    for (const view of site[kind]) visit(view.link.url, JSON.stringify(view));
  }
}

/** Each record page's view-model size as JSON (see {@link RENDER_BATCH_LIMITS}). */
export function viewSizes(site: SitePages): Map<string, number> {
  const sizes = new Map<string, number>();
  forEachViewJson(site, (url, json) => sizes.set(url, json.length));
  return sizes;
}

/**
 * Plans a build: a record page is reused when the previous build wrote it from the same fingerprint
 * and its file is still there (`present`); everything else is rendered. Pure apart from `present`.
 */
export function planRender(
  site: SitePages,
  shared: string,
  previous: PageFingerprints | undefined,
  present: (url: string) => boolean,
  showsOf?: ShowsOf,
): RenderPlan<RecordPages> {
  const fingerprints = new Map<string, string>();
  const sizes = new Map<string, number>();
  const shows = new Map<string, readonly string[]>();
  forEachViewJson(site, (url, json) => {
    fingerprints.set(url, pageFingerprint(shared, json));
    sizes.set(url, json.length);
    if (showsOf) shows.set(url, showsOf(json));
  });
  const reused = new Set<string>();
  if (previous) {
    for (const [url, fingerprint] of fingerprints) {
      if (previous.get(url) === fingerprint && present(url)) reused.add(url);
    }
  }
  const changed = (views: readonly { readonly link: { readonly url: string } }[]) =>
    reused.size === 0 ? views : views.filter((view) => !reused.has(view.link.url));
  // Each kind's pages, filtered: of the same type as the site's.
  const render = Object.fromEntries(
    RECORD_PAGE_KINDS.map((kind) => [kind, changed(site[kind])]),
  ) as unknown as RecordPages;
  return { render, reused: [...reused], fingerprints, sizes, ...(showsOf && { shows }) };
}

/** The file a record page's URL is written to, under `output`; `undefined` for a URL that would leave it. */
export function pageFile(output: string, url: string): string | undefined {
  const root = path.resolve(output);
  const file = path.join(root, url, 'index.html');
  return url.endsWith('/') && file.startsWith(`${root}${path.sep}`) ? file : undefined;
}

/** How many record pages an Eleventy run renders at most, and how large their views may be. */
export interface BatchLimits {
  readonly pages: number;
  /** Sum of the pages' view-models' sizes as JSON, in bytes. */
  readonly bytes: number;
}

/**
 * Eleventy holds every page of a run in memory until the run ends: its data and its HTML, about
 * four times the page's view-model as JSON. Pages differ tenfold (an article's view is about 13 KB,
 * an official's who appears in many articles 150 KB), so a run is limited by the size of its
 * views, and by a page count only as a backstop. Record pages within these limits are one run
 * with the rest of the site (about 1,000 articles); at 10,000 articles they make 13 batches, each
 * holding a few hundred MB, at about a second to start each. See docs/architecture.md, "One run,
 * or batches", for the measurements.
 */
export const RENDER_BATCH_LIMITS: BatchLimits = { pages: 5000, bytes: 40 * 2 ** 20 };

/**
 * Splits the record pages into batches, one per Eleventy run, in the order of the kinds, each
 * within `limits` (a page larger than the byte limit gets a batch of its own). Every page lands in
 * exactly one batch. `sizes` maps a page's URL to its view's size; a page without one counts as 0.
 */
export function planBatches<P extends PagesByKind>(
  pages: P,
  sizes: ReadonlyMap<string, number>,
  limits: BatchLimits,
): P[] {
  const batches: P[] = [];
  let batch = emptyRecordPages<P>();
  let count = 0;
  let bytes = 0;
  for (const kind of RECORD_PAGE_KINDS) {
    for (const view of pages[kind]) {
      const size = sizes.get(view.link.url) ?? 0;
      if (count > 0 && (count + 1 > limits.pages || bytes + size > limits.bytes)) {
        batches.push(batch);
        batch = emptyRecordPages<P>();
        count = 0;
        bytes = 0;
      }
      (batch[kind] as unknown[]).push(view);
      count += 1;
      bytes += size;
    }
  }
  if (count > 0) batches.push(batch);
  return batches;
}

/** No record pages: what the last run of a build in batches, which renders the rest, paginates over. */
export function emptyRecordPages<P extends PagesByKind = RecordPages>(): P {
  return Object.fromEntries(RECORD_PAGE_KINDS.map((kind) => [kind, []])) as unknown as P;
}
