import { hashOf } from '../cache/hash.ts';
import type { PublishTarget } from './publish.ts';
import {
  type BatchLimits,
  emptyRecordPages,
  type PreviousSite,
  planBatches,
  planRender,
  RECORD_PAGE_KINDS,
  type RecordPages,
  type RenderPlan,
  viewSizes,
} from './render-plan.ts';
import { hasPage } from './reuse-pages.ts';
import { planSearchShards, type SearchShard, shardFingerprint } from './search-shards.ts';
import type { SiteView } from './view/site-view.ts';

/** How one build renders and indexes the site. */
export interface BuildPlan {
  /** Which record pages to render and which to reuse; `undefined` renders them all. */
  readonly pages: RenderPlan | undefined;
  readonly shards: readonly SearchShard[];
  /** Each shard's fingerprint, for the next build; only in an incremental build. */
  readonly search: ReadonlyMap<string, string> | undefined;
  /** Shards whose index in the previous site is still exact. */
  readonly reusedShards: ReadonlySet<string>;
  /** The record pages to render, in batches of one Eleventy run each. */
  readonly batches: readonly RenderBatch[];
}

/** The record pages of one Eleventy run. */
export interface RenderBatch {
  readonly pages: RecordPages;
  /**
   * Search shards that can be indexed once this run has written its pages (and, after the first
   * run, the reused pages are in): batches follow the shards, so each shard's pages are complete
   * after its last batch, and the index is made while the next batches render.
   */
  readonly searchShards: readonly string[];
}

/** What an incremental build knows besides the site: the code, and the previous site if any. */
export interface IncrementalInputs {
  readonly codeVersion: string;
  readonly previous?: PreviousSite;
}

/**
 * Plans a build. Without `incremental` everything is rendered and indexed; with it, only record
 * pages and search shards whose fingerprints changed since `previous` was built. With `batchLimits`,
 * the record pages to render are split into batches within them; without, they are one batch.
 */
export function planBuild(
  site: SiteView,
  target: PublishTarget,
  incremental: IncrementalInputs | undefined,
  shardPages?: number,
  batchLimits?: BatchLimits,
): BuildPlan {
  const shards = planSearchShards(site, shardPages);
  if (incremental === undefined) {
    // Sizing the views costs a pass over them: only a build in batches needs it.
    const batches = batchLimits ? batchesByShard(site, shards, viewSizes(site), batchLimits) : oneBatch(site);
    return { pages: undefined, shards, search: undefined, reusedShards: new Set(), batches };
  }
  // What every page shares besides its view: the code and templates, and where the site is published.
  const shared = hashOf('pages', incremental.codeVersion, target.siteUrl, target.pathPrefix);
  const { previous } = incremental;
  const pages = planRender(site, shared, previous?.fingerprints.pages, (url) =>
    previous ? hasPage(previous.output, url) : false,
  );
  const search = new Map(shards.map((shard) => [shard.key, shardFingerprint(shard, pages.fingerprints)]));
  const reusedShards = new Set(
    [...search]
      .filter(([key, fingerprint]) => previous?.fingerprints.search.get(key) === fingerprint)
      .map(([key]) => key),
  );
  return {
    pages,
    shards,
    search,
    reusedShards,
    batches: batchLimits ? batchesByShard(pages.render, shards, pages.sizes, batchLimits) : oneBatch(pages.render),
  };
}

/** Every page in one run; search is left to the end of the build. */
function oneBatch(pages: RecordPages): RenderBatch[] {
  return [{ pages, searchShards: [] }];
}

/**
 * Batches within `limits`, shard by shard, each shard's pages in the order of the kinds. A shard
 * with nothing to render (all its pages reused, or its index reused) is ready after the first run.
 */
function batchesByShard(
  pages: RecordPages,
  shards: readonly SearchShard[],
  sizes: ReadonlyMap<string, number>,
  limits: BatchLimits,
): RenderBatch[] {
  const shardOf = new Map(shards.flatMap((shard, position) => shard.urls.map((url) => [url, position] as const)));
  const byShard = shards.map(() => emptyRecordPages());
  for (const kind of RECORD_PAGE_KINDS) {
    for (const view of pages[kind]) {
      const shard = byShard[shardOf.get(view.link.url) ?? byShard.length - 1];
      (shard?.[kind] as unknown[] | undefined)?.push(view);
    }
  }
  const batches: { pages: RecordPages; searchShards: string[] }[] = [];
  const readyFirst: string[] = [];
  shards.forEach((shard, position) => {
    const planned = planBatches(byShard[position] ?? emptyRecordPages(), sizes, limits);
    batches.push(...planned.map((batchPages) => ({ pages: batchPages, searchShards: [] as string[] })));
    const last = batches.at(-1);
    if (planned.length > 0 && last) last.searchShards.push(shard.key);
    else readyFirst.push(shard.key);
  });
  const first = batches[0];
  if (first) first.searchShards.unshift(...readyFirst);
  return batches;
}
