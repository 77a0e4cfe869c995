import type { UserConfig } from '@11ty/eleventy';
import { loadAndReport } from '../load/load-archive.ts';
import type { Archive } from '../pipeline/build-archive.ts';
import { archivePlugin, setSiteFolders } from '../site/eleventy-plugin.ts';
import { type PublishTarget, publishTarget } from '../site/publish.ts';
import { listablePages, type WrittenPage, writtenFiles } from '../site/sitemap.ts';
import { appendAll } from '../util/append-all.ts';
import {
  type AfterPages,
  type BuildProgress,
  continueSearch,
  type FinishedSite,
  finishSite,
  writeReadyFiles,
} from './finish-site.ts';
import { isLivePreview, setUpLivePreview } from './live-preview/live-preview.ts';
import { compileNunjucksOnce } from './nunjucks-once.ts';
import { otherTemplates } from './other-templates.ts';
import { type BuildPlan, shardsToIndex } from './plan/build-plan.ts';
import { type PreparedBuild, prepareBuild } from './plan/build-runs.ts';
import { KeptFiles } from './plan/kept-files.ts';
import { emptyRecordPages, type PreviousSite, type RecordPages } from './plan/render-plan.ts';
import { PAGES_READ_AHEAD } from './search/search-ahead.ts';
import type { ShardsReadAhead } from './search/search-index.ts';

/**
 * Eleventy's configuration of the site: the layouts' plugin (site/eleventy-plugin.ts), this one
 * with `options`, and the layouts' folders. `.eleventy.ts` applies it for Eleventy's own commands;
 * each run of `npm run build` applies it in its `config` callback and reads no configuration file,
 * so that compiled code needs no TypeScript loader. A plugin added before (a test's, with the run it
 * was given) is kept.
 */
export function configureArchiveSite(config: UserConfig, options: ArchiveBuildPluginOptions): void {
  if (!config.hasPlugin(archivePlugin)) config.addPlugin(archivePlugin, { siteUrl: options.siteUrl });
  if (!config.hasPlugin(archiveBuildPlugin)) config.addPlugin(archiveBuildPlugin, options);
  setSiteFolders(config);
}

/** Options of {@link archiveBuildPlugin}. */
export interface ArchiveBuildPluginOptions {
  /** Content folder to load when no archive is given. Default: `content`. */
  readonly contentDir?: string;
  /** An archive already loaded and validated, rendered in one run (template tests). */
  readonly archive?: Archive;
  /** Absolute origin of the published site, for canonical URLs and feeds, e.g. `https://news.example.gov`. */
  readonly siteUrl: string;
  /** One run of a build that the build command planned (see {@link plannedBuild}). */
  readonly run?: { readonly build: PlannedBuild; readonly index: number };
}

/** A build planned before Eleventy starts, shared by its runs (one per `eleventy.write()`). */
export interface PlannedBuild extends BuildProgress {
  readonly prepared: PreparedBuild;
  /** The site the last build wrote to the same output folder, whose unchanged files this one takes. */
  readonly previous?: PreviousSite | undefined;
  /** Pagefind processes at once. Default: `SEARCH_PROCESSES` (search-index.ts). */
  readonly searchProcesses?: number | undefined;
  /**
   * The shards of the previous site Pagefind read while the archive loaded (see search-ahead.ts).
   * Once the build is planned, it keeps those it may index again.
   */
  readonly searchAhead?: ShardsReadAhead | undefined;
  /**
   * Work on the finished pages (the link check), run while the search index is written. `pages`
   * are the HTML files Eleventy wrote in this build; the others were taken unchanged from the
   * previous site. `files` are the feeds and open data written.
   */
  readonly afterPages?: AfterPages | undefined;
  /** Told what the build did, with the fingerprints for the next one, once everything is written. */
  readonly onDone?: ((done: BuildOutcome) => void) | undefined;
  /** Pages written by the runs so far. */
  readonly written: string[];
  /** The files of every page written so far (the 404 page, `robots.txt` and the like too). */
  readonly writtenFiles: string[];
  /** How many runs Eleventy has finished so far. */
  runsDone: number;
  /** Where the last run wrote the site and read its data, once it has. */
  folders?: { readonly output: string; readonly data: string };
}

/** What a build needs besides its plan. */
export type BuildHooks = Pick<PlannedBuild, 'previous' | 'searchProcesses' | 'searchAhead' | 'afterPages' | 'onDone'>;

/** A build of `prepared`, before its first run. */
export function plannedBuild(prepared: PreparedBuild, hooks: BuildHooks): PlannedBuild {
  // What Pagefind read ahead and the build will not index from it goes now, not beside the views:
  // neither a shard kept as it was, nor one with more pages rendered than `PAGES_READ_AHEAD`, which
  // the CLI indexes (see `continueSearch`).
  void hooks.searchAhead?.retain(shardsToIndex(prepared.plan, PAGES_READ_AHEAD));
  return {
    prepared,
    ...hooks,
    written: [],
    writtenFiles: [],
    runsDone: 0,
    reusedIn: false,
    siteFilesIn: false,
    kept: new KeptFiles(),
    files: [],
  };
}

/** The plan a build followed, and what it did about search. */
export interface BuildOutcome extends FinishedSite {
  readonly plan: BuildPlan;
}

/** Thrown when content has errors; the messages were already printed in the unified style. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
}

/** One run of a build: which of `build.prepared.runs` it is. */
interface Run {
  readonly build: PlannedBuild;
  readonly index: number;
}

/**
 * Hands the archive to the site's layouts (`archivePlugin`, site/eleventy-plugin.ts) as global data,
 * and after the pages writes the feeds, open data, sitemap and search index (build/finish-site.ts).
 * Given a `run`, it renders that run's pages and leaves the other templates out (Eleventy's
 * `ignores`); without, each build loads the content, plans it the same way and renders every page.
 */
export function archiveBuildPlugin(config: UserConfig, options: ArchiveBuildPluginOptions): void {
  compileNunjucksOnce(config);
  // Read lazily: the path prefix is only final once the whole configuration has run.
  const target = () => publishTarget(options.siteUrl, config.pathPrefix);
  const { run } = options;
  if (run) {
    if (run.build.prepared.runs[run.index]?.others === false) {
      for (const file of otherTemplates(config.directories.input)) config.ignores.add(file);
    }
    addBuildData(config, () => Promise.resolve(run));
    config.on('eleventy.after', (event: AfterBuild) => afterRun(run, event, target(), true));
    return;
  }
  // Eleventy's own runs (`npm start`): content errors never stop the server, and deleted records leave the preview.
  const contentDir = options.contentDir ?? 'content';
  const preview = isLivePreview() ? setUpLivePreview(config, contentDir) : undefined;
  const loadContent = preview?.load ?? (() => loadOrFail(contentDir));
  config.addWatchTarget(contentDir);
  let current: Promise<Run> | undefined;
  const thisBuild = async (): Promise<Run> => {
    const archive = options.archive ?? (await loadContent());
    return { build: plannedBuild(prepareBuild({ archive, target: target() }), {}), index: 0 };
  };
  config.on('eleventy.before', () => {
    current = undefined;
  });
  addBuildData(
    config,
    () => {
      current ??= thisBuild();
      return current;
    },
    preview?.withoutGone,
  );
  config.on('eleventy.after', async (event: AfterBuild) => {
    // Layouts that read none of the archive's data (in tests) need nothing more.
    if (!current) return;
    await afterRun(await current, event, target(), false);
    await preview?.finish(event.directories);
  });
}

/** The global data the layouts read: the site's view, the record pages to paginate, and search's bundles. */
function addBuildData(
  config: UserConfig,
  thisRun: () => Promise<Run>,
  shown: (pages: RecordPages) => RecordPages = (pages) => pages,
): void {
  config.addGlobalData('site', async () => (await thisRun()).build.prepared.site);
  config.addGlobalData('recordPages', async () => {
    const { build, index } = await thisRun();
    const pages = build.prepared.runs[index]?.pages ?? emptyRecordPages();
    // A run's views are made as it starts, and dropped with it (see `planColdBuild`).
    return shown(typeof pages === 'function' ? pages() : pages);
  });
  // The search page merges every shard's index after the first one's.
  config.addGlobalData('searchBundles', async () =>
    (await thisRun()).build.prepared.plan.shards.map((shard) => `/${shard.bundle}`),
  );
}

/**
 * After each run: the shards it completed go to search. After the last, Eleventy's own runs finish
 * the site at once; a planned build notes where the run wrote, and the build command finishes it
 * once the Eleventy instance is gone ({@link finishPlannedBuild}).
 */
async function afterRun(run: Run, event: AfterBuild, target: PublishTarget, planned: boolean): Promise<void> {
  const { build, index } = run;
  const { plan, runs } = build.prepared;
  const output = event.directories.output;
  build.runsDone += 1;
  appendAll(build.written, listablePages(event.results));
  appendAll(build.writtenFiles, writtenFiles(event.results));
  if (index < runs.length - 1) {
    // The shards whose pages are now all written are indexed while the next runs render.
    await continueSearch(build, { ...build, output, plan }, runs[index]?.searchShards ?? []);
    await writeReadyFiles(build, {
      ...build.prepared,
      output,
      dataDir: event.directories.data,
      target,
      previous: build.previous,
    });
    return;
  }
  build.folders = { output, data: event.directories.data };
  if (!planned) await finishPlannedBuild(build, target);
}

/**
 * Completes a build whose runs are all done: search, feeds, open data and sitemap (finishSite).
 * The build command calls it after the last Eleventy run has returned, so that the run's pages
 * and templates are garbage by then, not held beside the link check and Pagefind's last shards.
 */
export async function finishPlannedBuild(build: PlannedBuild, target: PublishTarget): Promise<void> {
  const { archive, site, plan } = build.prepared;
  if (build.folders === undefined) throw new Error("a build was finished before its last run's pages were written");
  const finished = await finishSite({
    output: build.folders.output,
    dataDir: build.folders.data,
    archive,
    site,
    plan,
    target,
    written: build.written,
    writtenFiles: build.writtenFiles,
    previous: build.previous,
    afterPages: build.afterPages,
    searchProcesses: build.searchProcesses,
    searchAhead: build.searchAhead,
    progress: build,
  });
  build.onDone?.({ plan, ...finished });
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
