import { hashOf } from '../cache/hash.ts';
import type { PublishTarget } from './publish.ts';
import {
  type BatchLimits,
  type PreviousSite,
  planBatches,
  planRender,
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
  readonly batches: readonly RecordPages[];
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
    const batches = batchLimits ? planBatches(site, viewSizes(site), batchLimits) : [site];
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
    batches: batchLimits ? planBatches(pages.render, pages.sizes, batchLimits) : [pages.render],
  };
}
