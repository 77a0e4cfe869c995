import type { Archive } from '../../pipeline/build-archive.ts';
import type { PublishTarget } from '../../site/publish.ts';
import type { PageEntry } from '../../site/view/page.ts';
import type { SiteMaker } from '../../site/view/site-view.ts';
import { planSearchShards, shardFingerprints } from '../search/search-shards.ts';
import { type BuildPlan, batchesByShard, type ShapedInputs } from './build-plan.ts';
import type { ShowsOf } from './page-reach.ts';
import {
  type BatchLimits,
  type PagesByKind,
  pageFingerprint,
  RECORD_PAGE_KINDS,
  type RecordPages,
  sharedByPages,
} from './render-plan.ts';
import { estimatedViewSizes } from './view-weights.ts';

/**
 * Plans a build with no previous site to take pages from (a cold build) in Eleventy runs whose
 * views are made only as each run starts, and go with it: the build never holds every record
 * page's view at once (0.2–0.3 GB at 10,000 articles), which it would otherwise keep beside
 * Pagefind until the end. Runs are cut by estimated view sizes (view-weights.ts); each page's
 * fingerprint, for the next build, is taken when its run makes its view.
 */
export function planColdBuild(
  maker: SiteMaker,
  archive: Archive,
  target: PublishTarget,
  incremental: ShapedInputs | undefined,
  limits: BatchLimits,
  shardPages?: number,
): BuildPlan {
  const { entries } = maker.outline;
  const shards = planSearchShards(entries, shardPages);
  const sizes = estimatedViewSizes(archive, entries);
  const shared = incremental && sharedByPages(incremental.codeVersion, target);
  const fingerprints = new Map<string, string>();
  const shows = new Map<string, readonly string[]>();
  const { batches, oneRun } = batchesByShard(entries, shards, sizes, limits);
  const record =
    incremental && shared !== undefined ? { shared, fingerprints, shows, showsOf: incremental.showsOf } : undefined;
  return {
    pages: incremental && { render: entries, reused: [], fingerprints, sizes, shows },
    shards,
    search: shared === undefined ? undefined : shardFingerprints(shards, shared),
    sameShards: new Set(),
    batches: batches.map((batch) => ({
      ...batch,
      pages: viewsOnStart(maker, batch.pages, record),
    })),
    oneRun,
    shape: incremental?.shape,
    ...(shared === undefined ? {} : { shared }),
  };
}

/** Where an incremental cold build records each page's fingerprint and the records it shows, for the next build. */
interface PageRecords {
  readonly shared: string;
  readonly fingerprints: Map<string, string>;
  readonly shows: Map<string, readonly string[]>;
  readonly showsOf: ShowsOf;
}

/**
 * The views of `pages`, made when their run asks for them, each fingerprinted into `record` as
 * `planRender` does. Asked for once: a page made twice would list its feed twice.
 */
function viewsOnStart(
  maker: SiteMaker,
  pages: PagesByKind<PageEntry>,
  record: PageRecords | undefined,
): () => RecordPages {
  let made = false;
  return () => {
    if (made) throw new Error("a run's record pages were asked for twice");
    made = true;
    const views = maker.pages(new Set(RECORD_PAGE_KINDS.flatMap((kind) => pages[kind].map((page) => page.link.url))));
    if (record !== undefined) {
      for (const kind of RECORD_PAGE_KINDS) {
        for (const view of views[kind]) {
          const json = JSON.stringify(view);
          record.fingerprints.set(view.link.url, pageFingerprint(record.shared, json));
          record.shows.set(view.link.url, record.showsOf(json));
        }
      }
    }
    return views;
  };
}
