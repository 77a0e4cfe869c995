import { hashOf } from '../cache/hash.ts';
import type { PublishTarget } from './publish.ts';
import { type PreviousSite, planRender, type RenderPlan } from './render-plan.ts';
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
}

/** What an incremental build knows besides the site: the code, and the previous site if any. */
export interface IncrementalInputs {
  readonly codeVersion: string;
  readonly previous?: PreviousSite;
}

/**
 * Plans a build. Without `incremental` everything is rendered and indexed; with it, only record
 * pages and search shards whose fingerprints changed since `previous` was built.
 */
export function planBuild(
  site: SiteView,
  target: PublishTarget,
  incremental: IncrementalInputs | undefined,
  shardPages?: number,
): BuildPlan {
  const shards = planSearchShards(site, shardPages);
  if (incremental === undefined) return { pages: undefined, shards, search: undefined, reusedShards: new Set() };
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
  return { pages, shards, search, reusedShards };
}
