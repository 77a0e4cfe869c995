import type { RecordRef } from '../../link/graph.ts';
import type { Archive } from '../../pipeline/build-archive.ts';
import { recordRefOf } from '../../schema/record-key.ts';
import type { PublishTarget } from '../../site/publish.ts';
import { type SitePages, toArticlePages } from '../../site/view/site-view.ts';
import { appendAll } from '../../util/append-all.ts';
import { planSearchShards, type SearchShard, shardFingerprints } from '../search/search-shards.ts';
import { type ArchiveShape, textOnlyChanges } from './archive-shape.ts';
import type { ShowsOf } from './page-reach.ts';
import {
  type BatchLimits,
  emptyRecordPages,
  type PagesByKind,
  type PreviousSite,
  pageFingerprint,
  planBatches,
  planRender,
  RECORD_PAGE_KINDS,
  type RecordPages,
  type RenderPlan,
  sharedByPages,
  viewSizes,
} from './render-plan.ts';
import { hasPage, previousIsWhole } from './reuse-pages.ts';

/** How one build renders and indexes the site; `P`, what each run is given of its record pages. */
export interface BuildPlan<P extends RunPages = RunPages> {
  /** Which record pages to render and which to reuse; `undefined` renders them all. */
  readonly pages: RenderPlan | undefined;
  readonly shards: readonly SearchShard[];
  /** Each shard's fingerprint, for the next build; only in an incremental build. */
  readonly search: ReadonlyMap<string, string> | undefined;
  /**
   * Shards that hold the same pages, published the same way, as in the previous site: their index
   * is kept unless a page of theirs rendered in this build reads differently to Pagefind.
   */
  readonly sameShards: ReadonlySet<string>;
  /** The record pages to render, in batches of one Eleventy run each. */
  readonly batches: readonly RenderBatch<P>[];
  /**
   * Whether the one batch and the other pages (index pages, home, search…) are one Eleventy run:
   * when the whole site fits one (see `siteFitsInOneBatch`), or without batch limits.
   */
  readonly oneRun: boolean;
  /** The archive's shape, for the next build; only in an incremental build. */
  readonly shape: ArchiveShape | undefined;
  /**
   * What every page and feed depends on besides its own view: the code and templates, and where the
   * site is published (`sharedByPages`); only in an incremental build.
   */
  readonly shared?: string;
  /**
   * Set when only these records' texts changed since the previous build: then only their article
   * pages, open-data files and the full-text feed are made again, and every other file is taken
   * from the previous site (see archive-shape.ts).
   */
  readonly textEdit?: { readonly records: readonly RecordRef[] };
  /**
   * Set when only names and texts changed since the previous build: then only the views of the
   * record pages that show a renamed record, or one it sorts beside, were made (see
   * name-edit-plan.ts), and only the open data of `records` (renamed, or with a changed text) is
   * made again. Every other record page, feed and open-data file is kept from the previous site.
   */
  readonly nameEdit?: {
    readonly records: readonly RecordRef[];
    /** How many records were renamed. */
    readonly renamed: number;
    /** Pages whose views were made. */
    readonly pages: number;
  };
}

/** The record pages of one Eleventy run: their views, or how to make them once the run starts. */
export type RunPages = RecordPages | (() => RecordPages);

/** The record pages of one Eleventy run. */
export interface RenderBatch<P extends RunPages = RunPages> {
  readonly pages: P;
  /**
   * Search shards that can be indexed once this run has written its pages (and, after the first
   * run, the reused pages are in): batches follow the shards, so each shard's pages are complete
   * after its last batch, and the index is made while the next batches render.
   */
  readonly searchShards: readonly string[];
  /**
   * Whether the run waits until no shard is being indexed before it starts. Set on the first run of
   * the heaviest shard's pages (the records without a date: officials', places' and organisations'
   * pages, whose views and HTML are the largest): rendered beside Pagefind indexing the shard
   * before, the two processes together held the build's peak.
   */
  readonly afterSearch?: boolean;
}

/** What an incremental build knows besides the site: the code, and the previous site if any. */
export interface IncrementalInputs {
  readonly codeVersion: string;
  readonly previous?: PreviousSite | undefined;
}

/** An incremental build's inputs with the archive's shape, which the next build compares against. */
export interface ShapedInputs extends IncrementalInputs {
  readonly shape: ArchiveShape;
  /** Reads the records a view shows, which the next build needs after a rename (see page-reach.ts). */
  readonly showsOf: ShowsOf;
}

/**
 * Plans a build. Without `incremental` everything is rendered and indexed; with it, only record
 * pages and search shards whose fingerprints changed since `previous` was built. With `batchLimits`,
 * the record pages to render are split into batches within them; without, they are one batch.
 */
export function planBuild(
  site: SitePages,
  target: PublishTarget,
  incremental: ShapedInputs | undefined,
  shardPages?: number,
  batchLimits?: BatchLimits,
): BuildPlan<RecordPages> {
  const shards = planSearchShards(site, shardPages);
  if (incremental === undefined) {
    // Sizing the views costs a pass over them: only a build in batches needs it.
    const batches = batchLimits ? batchesByShard(site, shards, viewSizes(site), batchLimits) : oneBatch(site);
    return { pages: undefined, shards, search: undefined, sameShards: new Set(), ...batches, shape: undefined };
  }
  const { previous } = incremental;
  const shared = sharedByPages(incremental.codeVersion, target);
  const pages = planRender(
    site,
    shared,
    previous?.fingerprints.pages,
    (url) => (previous ? hasPage(previous.output, url) : false),
    incremental.showsOf,
  );
  return { ...searchAndBatches(pages, shards, shared, previous, batchLimits), shape: incremental.shape };
}

/**
 * Plans a build in which only some records' texts changed since `previous` (see archive-shape.ts),
 * without the site's view-models: the changed articles' pages are rendered, and everything else is
 * the previous site's. `undefined` when anything else changed, or the previous site is not complete.
 */
export function planTextEdit(
  archive: Archive,
  target: PublishTarget,
  incremental: ShapedInputs,
  batchLimits?: BatchLimits,
): BuildPlan<RecordPages> | undefined {
  const { previous, shape } = incremental;
  const before = previous?.fingerprints;
  if (previous === undefined || before?.shape === undefined || before.shards === undefined) return undefined;
  const changed = textOnlyChanges(before.shape, shape);
  const records = changed?.flatMap((key) => recordRefOf(key) ?? []);
  if (records === undefined) return undefined;
  if (before.others === undefined || !previousIsWhole(previous, true)) return undefined;
  const shared = sharedByPages(incremental.codeVersion, target);
  const articles = new Set(records.filter((record) => record.kind === 'article').map((record) => record.slug));
  const fingerprints = new Map(before.pages);
  const sizes = new Map<string, number>();
  const shows = new Map(before.shows);
  const render = emptyRecordPages();
  for (const page of toArticlePages(archive, target, articles)) {
    const json = JSON.stringify(page);
    fingerprints.set(page.link.url, pageFingerprint(shared, json));
    sizes.set(page.link.url, json.length);
    shows.set(page.link.url, incremental.showsOf(json));
    (render.articles as unknown[]).push(page);
  }
  const rendered = new Set(sizes.keys());
  const reused = [...fingerprints.keys()].filter((url) => !rendered.has(url));
  const pages: RenderPlan<RecordPages> = { render, reused, fingerprints, sizes, ...(before.shows && { shows }) };
  return { ...searchAndBatches(pages, before.shards, shared, previous, batchLimits), shape, textEdit: { records } };
}

/**
 * The shards whose index a build of `plan` may make again: those that differ from the previous
 * site's, and those with a page rendered now, which may read differently; of those, the ones with
 * at most `mostRendered` pages rendered. None when the plan renders every page.
 */
export function shardsToIndex(
  plan: Pick<BuildPlan, 'pages' | 'shards' | 'sameShards'>,
  mostRendered = Number.POSITIVE_INFINITY,
): SearchShard[] {
  if (plan.pages === undefined) return [];
  const reused = new Set(plan.pages.reused);
  return plan.shards.filter((shard) => {
    const rendered = shard.urls.filter((url) => !reused.has(url)).length;
    return (!plan.sameShards.has(shard.key) || rendered > 0) && rendered <= mostRendered;
  });
}

/** The search shards to index again, and the batches that render `pages`. */
export function searchAndBatches(
  pages: RenderPlan<RecordPages>,
  shards: readonly SearchShard[],
  shared: string,
  previous: PreviousSite | undefined,
  batchLimits: BatchLimits | undefined,
): Omit<BuildPlan<RecordPages>, 'shape'> {
  const search = shardFingerprints(shards, shared);
  const sameShards = new Set(
    [...search]
      .filter(([key, fingerprint]) => previous?.fingerprints.search.get(key) === fingerprint)
      .map(([key]) => key),
  );
  return {
    pages,
    shards,
    search,
    sameShards,
    shared,
    ...(batchLimits ? batchesByShard(pages.render, shards, pages.sizes, batchLimits) : oneBatch(pages.render)),
  };
}

/** How a build's record pages are split into Eleventy runs. */
interface Batches<P = RunPages> {
  readonly batches: readonly {
    readonly pages: P;
    readonly searchShards: readonly string[];
    readonly afterSearch?: boolean;
  }[];
  readonly oneRun: boolean;
}

/** Every page in one run; search is left to the end of the build. */
function oneBatch<P>(pages: P): Batches<P> {
  return { batches: [{ pages, searchShards: [] }], oneRun: true };
}

/**
 * Whether the whole site's record pages (`sizes`: each one's view size) fit in one batch: then one
 * Eleventy run renders every page. The test is the site's, not the pages to render: after an edit
 * of a large archive the few pages to render fit, but the run that renders them would also hold
 * the index pages, which grow with the archive, and finish the site beside Pagefind; in runs of
 * their own, what the record pages held is collected first (see docs/architecture.md, "One run,
 * or batches"). In a build of text edits `sizes` holds only the pages it renders.
 */
function siteFitsInOneBatch(sizes: ReadonlyMap<string, number>, limits: BatchLimits): boolean {
  let bytes = 0;
  for (const size of sizes.values()) bytes += size;
  return sizes.size <= limits.pages && bytes <= limits.bytes;
}

/**
 * One batch when the site fits in one (search then starts once every page is written); else the
 * pages to render in batches within `limits`, shard by shard, each shard's pages in the order of
 * the kinds, and the pages of small shards together (see `isSmallRun`). A shard with nothing to
 * render (all its pages reused, or its index reused) is ready after the first run.
 * Shards are rendered from the lightest to the heaviest (by the size of their views): Pagefind,
 * one process beside Eleventy, is busy from the first shard handed to it until the end of a cold
 * build, so the sooner the first shard is ready, the sooner the build ends. The records without a
 * date, whose pages are the largest, come last rather than first.
 */
export function batchesByShard<P extends PagesByKind>(
  pages: P,
  shards: readonly SearchShard[],
  sizes: ReadonlyMap<string, number>,
  limits: BatchLimits,
): Batches<P> {
  if (siteFitsInOneBatch(sizes, limits)) return oneBatch(pages);
  const shardOf = new Map(shards.flatMap((shard, position) => shard.urls.map((url) => [url, position] as const)));
  const byShard = shards.map(() => emptyRecordPages<P>());
  for (const kind of RECORD_PAGE_KINDS) {
    for (const view of pages[kind]) {
      const shard = byShard[shardOf.get(view.link.url) ?? byShard.length - 1];
      (shard?.[kind] as unknown[] | undefined)?.push(view);
    }
  }
  const batches: { pages: P; searchShards: string[]; count: number; bytes: number; afterSearch?: boolean }[] = [];
  const readyFirst: string[] = [];
  // Each shard's pages to render, and their weight: the size of their views.
  const lightestFirst = shards.map((shard, position) => {
    const shardPages = byShard[position] ?? emptyRecordPages<P>();
    return { shard, shardPages, bytes: bytesOf(shardPages, sizes) };
  });
  // A stable sort: shards of equal weight (none rendered) keep their order.
  lightestFirst.sort((a, b) => a.bytes - b.bytes);
  for (const { shard, shardPages, bytes } of lightestFirst) {
    const count = countPages(shardPages);
    const last = batches.at(-1);
    if (count === 0) readyFirst.push(shard.key);
    else if (last && isSmallRun(last.count + count, last.bytes + bytes, limits)) {
      // A run costs about half a second of its own (Eleventy's start, the collection after it):
      // after an edit, the few pages of several shards share one.
      for (const kind of RECORD_PAGE_KINDS) appendAll(last.pages[kind] as unknown[], shardPages[kind]);
      last.count += count;
      last.bytes += bytes;
      last.searchShards.push(shard.key);
    } else {
      const planned = planBatches(shardPages, sizes, limits);
      // The heaviest shard, last, after others that Pagefind may still be indexing.
      const afterSearch = shard === lightestFirst.at(-1)?.shard && batches.length > 0;
      for (const [position, pages] of planned.entries()) {
        const batch = { pages, searchShards: [], count: countPages(pages), bytes: bytesOf(pages, sizes) };
        batches.push(afterSearch && position === 0 ? { ...batch, afterSearch } : batch);
      }
      batches.at(-1)?.searchShards.push(shard.key);
    }
  }
  const first = batches[0];
  if (first) first.searchShards.unshift(...readyFirst);
  return {
    batches: batches.map(({ pages, searchShards, afterSearch }) => ({
      pages,
      searchShards,
      ...(afterSearch ? { afterSearch } : {}),
    })),
    oneRun: false,
  };
}

/**
 * Whether pages of several shards may share a run: while together they are an eighth of a run's
 * limits at most, rendering them takes about as long as starting a run. Larger shards keep runs of
 * their own, so that Pagefind starts on the first one as soon as it is written.
 */
function isSmallRun(count: number, bytes: number, limits: BatchLimits): boolean {
  return count <= limits.pages / 8 && bytes <= limits.bytes / 8;
}

/** The size of the pages' views (see `RenderPlan.sizes`). */
function bytesOf(pages: PagesByKind, sizes: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const kind of RECORD_PAGE_KINDS) {
    for (const view of pages[kind]) sum += sizes.get(view.link.url) ?? 0;
  }
  return sum;
}

function countPages(pages: PagesByKind): number {
  let count = 0;
  for (const kind of RECORD_PAGE_KINDS) count += pages[kind].length;
  return count;
}
