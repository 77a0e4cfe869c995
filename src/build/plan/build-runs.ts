import type { Archive } from '../../pipeline/build-archive.ts';
import type { Feed } from '../../site/feeds.ts';
import type { PublishTarget } from '../../site/publish.ts';
import { type SiteOutline, siteMaker } from '../../site/view/site-view.ts';
import { collectGarbage } from '../collect-garbage.ts';
import { archiveShape } from './archive-shape.ts';
import { type BuildPlan, type IncrementalInputs, planBuild, planTextEdit, type RunPages } from './build-plan.ts';
import { planColdBuild } from './cold-plan.ts';
import { planNameEdit } from './name-edit-plan.ts';
import { recordsShownBy } from './page-reach.ts';
import { type BatchLimits, emptyRecordPages, type RecordPages, sharedByPages } from './render-plan.ts';

/** What a build is planned from. */
export interface BuildInputs {
  readonly archive: Archive;
  readonly target: PublishTarget;
  /** Render and index only what changed since `previous` was built, and take the rest from it. */
  readonly incremental?: IncrementalInputs | undefined;
  /** Pages per search index shard. Default: `SEARCH_SHARD_PAGES` (search-shards.ts). */
  readonly searchShardPages?: number | undefined;
  /** Record pages per Eleventy run, at most; without, one run renders every page. */
  readonly batchLimits?: BatchLimits | undefined;
}

/** One Eleventy run of a build. */
export interface BuildRun<P extends RunPages = RunPages> {
  /** The record pages it renders, the layouts paginate over these; or how to make them when it starts. */
  readonly pages: P;
  /** Whether it renders the other templates too: the index pages, home, search, 404 page… */
  readonly others: boolean;
  /** Search shards that can be indexed once it has written its pages, while the next runs render. */
  readonly searchShards: readonly string[];
  /** Whether it waits for the shards being indexed before it starts (see `RenderBatch.afterSearch`). */
  readonly afterSearch?: boolean;
}

/**
 * What the site's other pages (home, indexes, years…) and its published files read: the outline,
 * and the feeds made so far, each taken once (see `SiteMaker.takeFeeds`): a record page's feed is
 * made with its view, and written as the run that made it ends.
 */
export type SiteData = SiteOutline & { readonly takeFeeds: () => readonly Feed[] };

/** One build's archive, its view (none when only texts changed: see `BuildPlan.textEdit`), plan and runs. */
export interface PreparedBuild {
  readonly archive: Archive;
  readonly site: SiteData | undefined;
  readonly plan: BuildPlan;
  /** At least one; the last one finishes the site. */
  readonly runs: readonly BuildRun[];
}

/** Plans a build and its Eleventy runs: `npm run build` before it starts Eleventy, `npm start` per rebuild. */
export function prepareBuild(inputs: BuildInputs): PreparedBuild {
  const { archive, target, batchLimits } = inputs;
  // Loading leaves its garbage (decoded cache entries, parse trees) uncollected: collected first,
  // it never adds up with what planning holds.
  collectGarbage();
  const incremental = inputs.incremental && {
    ...inputs.incremental,
    shape: archiveShape(archive, sharedByPages(inputs.incremental.codeVersion, target)),
    showsOf: recordsShownBy(archive),
  };
  // When only texts changed, the site's view-models are not needed: the rest of the site is kept.
  const textEdit = incremental && planTextEdit(archive, target, incremental, batchLimits);
  if (textEdit) return { archive, site: undefined, plan: textEdit, runs: planRuns(textEdit) };
  const maker = siteMaker(archive, target);
  const siteData = { ...maker.outline, takeFeeds: maker.takeFeeds };
  // When only names (and texts) changed, only the views of the pages that show them are made.
  const nameEdit =
    incremental && planNameEdit(maker, archive, target, incremental, batchLimits, inputs.searchShardPages);
  if (nameEdit) return { archive, site: siteData, plan: nameEdit, runs: planRuns(nameEdit) };
  // With nothing to take from a previous site, every page is rendered: each run makes its own views.
  // So too after an upgrade of the code, or a move to another origin or path prefix: every page
  // then differs from the previous site's, whose feeds and open data may still be kept.
  if (batchLimits && !canKeepPages(incremental, target)) {
    const plan = planColdBuild(maker, archive, target, incremental, batchLimits, inputs.searchShardPages);
    return { archive, site: siteData, plan, runs: planRuns(plan) };
  }
  // Every view at once, as `toSiteView` makes them; their feeds are written with the first run's files.
  const site = { ...siteData, ...maker.pages() };
  // Making the views leaves about as much garbage as they hold, and planning then writes each view
  // out as JSON for its fingerprint and size: collected in between, the two never add up.
  collectGarbage();
  const plan = planBuild(site, target, incremental, inputs.searchShardPages, batchLimits);
  // The runs read the views they render from the plan, and the other pages only the outline: the
  // views of the pages kept from the previous site go once planned, not beside Pagefind.
  return { archive, site: siteData, plan, runs: planRuns(plan) };
}

/**
 * The runs that render `plan`: one, with every page, when the whole site fits in one (`oneRun`);
 * else one per batch, then one for the other pages, which finishes the site. After an edit of texts
 * alone, the other pages are the previous site's, so the batches are all the runs.
 */
export function planRuns<P extends RunPages>(plan: BuildPlan<P>): BuildRun<P | RecordPages>[] {
  const batches = plan.batches.map((batch) => ({ ...batch, others: false }));
  const none = { pages: emptyRecordPages(), searchShards: [] };
  if (plan.textEdit) return batches.length > 0 ? batches : [{ ...none, others: false }];
  if (plan.oneRun) return [{ pages: plan.batches[0]?.pages ?? none.pages, others: true, searchShards: [] }];
  return [...batches, { ...none, others: true }];
}

/** Whether the previous site was made by the same code for the same place, so that it may have pages to keep. */
function canKeepPages(incremental: IncrementalInputs | undefined, target: PublishTarget): boolean {
  if (incremental?.previous === undefined) return false;
  return incremental.previous.fingerprints.shared === sharedByPages(incremental.codeVersion, target);
}
