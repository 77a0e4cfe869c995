import type { UserConfig } from '@11ty/eleventy';
import { loadAndReport } from '../load/load-archive.ts';
import type { Archive } from '../pipeline/build-archive.ts';
import { publishTarget } from '../site/publish.ts';
import { listablePages, type WrittenPage, writtenFiles } from '../site/sitemap.ts';
import { type SiteView, toSiteView } from '../site/view/site-view.ts';
import { continueSearch, type FinishedSite, finishSite, type SearchProgress } from './finish-site.ts';
import { isLivePreview, setUpLivePreview } from './live-preview/live-preview.ts';
import { compileNunjucksOnce } from './nunjucks-once.ts';
import { archiveShape } from './plan/archive-shape.ts';
import { type BuildPlan, type IncrementalInputs, planBuild, planTextEdit } from './plan/build-plan.ts';
import { type BatchLimits, emptyRecordPages, sharedByPages } from './plan/render-plan.ts';

/** Options of {@link archiveBuildPlugin}. */
export interface ArchiveBuildPluginOptions {
  /** Content folder to load when no archive is given. Default: `content`. */
  readonly contentDir?: string;
  /** An archive already loaded and validated (the build command passes it, so content is read once). */
  readonly archive?: Archive;
  /** Absolute origin of the published site, for canonical URLs and feeds, e.g. `https://news.example.gov`. */
  readonly siteUrl: string;
  /** One run of a build that the build command started, with the archive it loaded. */
  readonly build?: PreloadedBuild;
}

/** What the build command hands the plugin for one build. */
export interface PreloadedBuild {
  /** The archive, already loaded and validated: content is read only once. */
  readonly archive: Archive;
  /** Render and index only what changed since `previous` was built, and take the rest from it. */
  readonly incremental?: IncrementalInputs;
  /** Pages per search index shard. Default: `SEARCH_SHARD_PAGES` (search-shards.ts). */
  readonly searchShardPages?: number;
  /** Pagefind processes at once. Default: `SEARCH_PROCESSES` (search-index.ts). */
  readonly searchProcesses?: number;
  /**
   * Work on the finished pages (the link check), run while the search index is written. `pages`
   * are the HTML files Eleventy wrote in this build; the others were taken unchanged from the
   * previous site.
   */
  readonly afterPages?: (output: string, pages: readonly string[]) => Promise<void>;
  /** Told what the build did, with the fingerprints for the next one, once everything is written. */
  readonly onDone?: (done: BuildOutcome) => void;
  /**
   * This run renders one batch of the record pages (see {@link newRenderBatches}), or, in the last
   * run, the other pages, and then writes the rest of the site.
   */
  readonly batch?: { readonly index: number; readonly batches: RenderBatches };
}

/**
 * The Eleventy runs of one build. When the record pages fit in one batch, one run renders every
 * page and finishes the site. Else there is one run per batch of record pages, then one for the
 * other pages, the feeds, open data, sitemap and search. Eleventy keeps every page it renders in
 * memory until its run ends; in batches it holds one batch at a time.
 */
export interface RenderBatches extends SearchProgress {
  readonly limits: BatchLimits;
  /** How many runs the build needs: known once the first run has planned the build. */
  count: number;
  /** How many runs Eleventy has finished so far. */
  runs: number;
  /** The archive, view and plan, made by the first run and used by all. */
  prepared?: Promise<Prepared>;
  /** Pages written by the runs so far. */
  readonly written: string[];
  /** The files of every page written so far (the 404 page, `robots.txt` and the like too). */
  readonly writtenFiles: string[];
}

/** Batches of record pages within `limits`, for one build. */
export function newRenderBatches(limits: BatchLimits): RenderBatches {
  return { limits, count: 1, runs: 0, written: [], writtenFiles: [], reusedIn: false };
}

/** The plan a build followed, and what it did about search. */
export interface BuildOutcome extends FinishedSite {
  readonly plan: BuildPlan;
}

/** Thrown when content has errors; the messages were already printed in the unified style. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
}

/**
 * Hands the archive to the site's layouts (`archivePlugin`, site/eleventy-plugin.ts) as global data,
 * and makes only what a build needs: the archive is loaded once per build, record pages render in
 * batches or only where they changed, and after the pages the feeds, open data, sitemap and search
 * index are written (build/finish-site.ts).
 */
export function archiveBuildPlugin(config: UserConfig, options: ArchiveBuildPluginOptions): void {
  compileNunjucksOnce(config);
  const contentDir = options.contentDir ?? 'content';
  // `npm start`: content errors never stop the server, and deleted records leave the preview.
  const preview = isLivePreview() ? setUpLivePreview(config, contentDir) : undefined;
  const loadContent = preview?.load ?? (() => loadOrFail(contentDir));
  config.addWatchTarget(contentDir);
  // The archive, view and plan of this build, made once per build for both global data entries and
  // for the files written after Eleventy's pages.
  let prepared: Promise<Prepared> | undefined;
  let rendered: Prepared | undefined;
  const prepare = async (): Promise<Prepared> => {
    const preloaded = options.build;
    const archive = options.archive ?? preloaded?.archive ?? (await loadContent());
    const batches = preloaded?.batch?.batches;
    const incremental = preloaded?.incremental && {
      ...preloaded.incremental,
      shape: archiveShape(archive, sharedByPages(preloaded.incremental.codeVersion, target())),
    };
    // One run when the record pages fit in one batch; else the batches, then one run for the rest.
    const planned = (plan: BuildPlan, site: SiteView | undefined): Prepared => {
      if (batches) batches.count = plan.batches.length <= 1 ? 1 : plan.batches.length + 1;
      return { archive, site, plan };
    };
    // When only texts changed, the site's view-models are not needed: the rest of the site is kept.
    const textEdit = incremental && planTextEdit(archive, target(), incremental, batches?.limits);
    if (textEdit) return planned(textEdit, undefined);
    const site = toSiteView(archive, target());
    return planned(planBuild(site, target(), incremental, preloaded?.searchShardPages, batches?.limits), site);
  };
  const thisBuild = async (): Promise<Prepared> => {
    const batches = options.build?.batch?.batches;
    let pending: Promise<Prepared>;
    if (batches) {
      batches.prepared ??= prepare();
      pending = batches.prepared;
    } else {
      prepared ??= prepare();
      pending = prepared;
    }
    rendered = await pending;
    return rendered;
  };
  config.on('eleventy.before', () => {
    prepared = undefined;
  });
  config.addGlobalData('site', async () => (await thisBuild()).site);
  // The layouts paginate over these: every record page, or in an incremental build the changed ones.
  config.addGlobalData('recordPages', async () => {
    const { site, plan } = await thisBuild();
    const batch = options.build?.batch;
    const pages = plan.pages?.render ?? site ?? emptyRecordPages();
    return batch ? (plan.batches[batch.index]?.pages ?? emptyRecordPages()) : (preview?.withoutGone(pages) ?? pages);
  });
  // In batches, every run but the last renders record pages only, and the last one everything else.
  // After an edit of texts only, the pages besides record pages are the previous site's.
  config.addPreprocessor('record-page-batches', 'njk', (data) => {
    const pagination = data['pagination'] as { data?: unknown } | undefined;
    const recordPage = typeof pagination?.data === 'string' && pagination.data.startsWith('recordPages.');
    if (rendered?.plan.textEdit && !recordPage) return false;
    const batch = options.build?.batch;
    if (batch === undefined || batch.batches.count === 1) return undefined;
    const last = batch.index === batch.batches.count - 1;
    return recordPage === last ? false : undefined;
  });
  // The search page merges every shard's index after the first one's.
  config.addGlobalData('searchBundles', async () => (await thisBuild()).plan.shards.map((shard) => `/${shard.bundle}`));
  // Read lazily: the path prefix is only final once the whole configuration has run.
  const target = () => publishTarget(options.siteUrl, config.pathPrefix);
  // After every build (also in `npm start`): the sitemap of the pages actually written, and search.
  config.on('eleventy.after', async (event: AfterBuild) => {
    if (!rendered) return;
    const { archive, site, plan } = rendered;
    const output = event.directories.output;
    const preloaded = options.build;
    const previous = preloaded?.incremental?.previous;
    const batch = preloaded?.batch;
    // In batches, the rest of the site is made once, after the last batch.
    const writtenNow = listablePages(event.results);
    const filesNow = writtenFiles(event.results);
    if (batch) {
      batch.batches.runs += 1;
      batch.batches.written.push(...writtenNow);
      batch.batches.writtenFiles.push(...filesNow);
    }
    if (batch && batch.index < batch.batches.count - 1) {
      // The shards whose pages are now all written are indexed while the next runs render.
      const build = {
        output,
        plan,
        previous,
        written: batch.batches.written,
        searchProcesses: preloaded?.searchProcesses,
      };
      await continueSearch(batch.batches, build, plan.batches[batch.index]?.searchShards ?? []);
      return;
    }
    const finished = await finishSite({
      output,
      dataDir: event.directories.data,
      archive,
      site,
      plan,
      target: target(),
      written: batch ? batch.batches.written : writtenNow,
      writtenFiles: batch ? batch.batches.writtenFiles : filesNow,
      previous,
      afterPages: preloaded?.afterPages,
      searchProcesses: preloaded?.searchProcesses,
      progress: batch?.batches,
    });
    preloaded?.onDone?.({ plan, ...finished });
    await preview?.finish(event.directories);
  });
}

/** One build's archive, its view (none when only texts changed: see `BuildPlan.textEdit`), and its plan. */
export interface Prepared {
  readonly archive: Archive;
  readonly site: SiteView | undefined;
  readonly plan: BuildPlan;
}

/** What Eleventy tells `eleventy.after` listeners that this plugin uses. */
interface AfterBuild {
  readonly directories: { readonly output: string; readonly data: string; readonly input: string };
  readonly results: WrittenPage[];
}

/** Loads content for Eleventy's own runs outside `npm start`, which fail on content errors. */
async function loadOrFail(contentDir: string): Promise<Archive> {
  const result = await loadAndReport(contentDir);
  if (result.ok && result.archive) return result.archive;
  throw new ContentError(`${contentDir} has content errors (listed above)`);
}
