import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import {
  type BuildHooks,
  type BuildInputs,
  type BuildOutcome,
  type BuildPlan,
  collectGarbage,
  configureArchiveSite,
  type EarlyFingerprints,
  type FingerprintsAhead,
  filesFoundIn,
  finishPlannedBuild,
  manyTextEdits,
  type PlannedBuild,
  type PreviousSite,
  type PublishedFilesResult,
  plannedBuild,
  prepareBuild,
  RENDER_BATCH_LIMITS,
  removeAbandonedSearchFolders,
  type ShardsReadAhead,
  type SiteFingerprints,
  type SitePresence,
} from '../build/index.ts';
import type { Archive } from '../pipeline/build-archive.ts';
import { type PublishTarget, publishTarget, siteUrlFrom } from '../site/publish.ts';
import { type AtomicOptions, type SwapStage, writeAtomically } from './atomic-output.ts';
import { type BrokenLink, findBrokenLinks, type KeptFrom, stillBroken } from './check-output-links.ts';
import { watchLateRejections } from './late-rejections.ts';
import { LinkScan } from './link-scan.ts';
import { writeBuildMarker } from './output-guard.ts';

/** Points where a build can be stopped: the first pages are written (`writing`), then the swap's. */
export type BuildStage = 'writing' | SwapStage;

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** A validated archive. */
  readonly archive: Archive;
  /** Output folder, replaced only when the whole build succeeded. */
  readonly output: string;
  /** Absolute origin of the published site, for canonical URLs and feeds. Default: `SITE_URL`, else `http://localhost:8080` (`siteUrlFrom`). */
  readonly siteUrl?: string;
  /** URL path the site is served under. Default `/`. */
  readonly pathPrefix?: string;
  /** Log Eleventy's progress. Default `false`. */
  readonly verbose?: boolean;
  /** Called at each {@link BuildStage}; tests use it to stop a real build there. */
  readonly onStage?: ((stage: BuildStage) => Promise<void> | void) | undefined;
  /**
   * Called at the last moment before the swap, after the site was flushed to disk; throwing keeps
   * `output` as it was (see {@link writeAtomically}). The build checks it still holds the lock here.
   */
  readonly beforeRename?: AtomicOptions['beforeSwap'];
  /**
   * Called with the finished site's folder, complete and checked: a new site before it is swapped
   * in (if it throws, the build fails and `output` stays as it was), a site updated in place once
   * it is (if it throws, the build fails and the next one builds everything). The build records
   * its cache here.
   */
  readonly recordSite?: (site: string, built: BuiltSite, ahead?: FingerprintsAhead) => Promise<void>;
  /**
   * Encodes most of the fingerprints ahead of `recordSite`, which is then given what it returned:
   * after an edit of texts only, while the build waits for Pagefind to write a shard. Not after
   * other builds, whose Pagefind runs at its peak of memory then.
   */
  readonly encodeRecordAhead?: (early: EarlyFingerprints) => FingerprintsAhead;
  /**
   * Render and index only record pages and search shards that changed since the site in `output`
   * was built, taking the others from it. Needs the code version (a change of code or templates
   * renders everything) and the fingerprints that build returned, if it is still the site in `output`.
   */
  readonly incremental?: {
    readonly codeVersion: string;
    readonly previous?: SiteFingerprints;
    /** Which parts of that site were still on disk, looked up while the archive loaded (`sitePresenceAhead`). */
    readonly present?: SitePresence;
  };
  /** Pages per search index shard. Default: `SEARCH_SHARD_PAGES` (search-shards.ts). */
  readonly searchShardPages?: number;
  /** Pagefind processes at once. Default: `SEARCH_PROCESSES` (search-index.ts). */
  readonly searchProcesses?: number;
  /** Record pages per Eleventy run, at most. Default: `RENDER_BATCH_LIMITS` (render-plan.ts). */
  readonly renderBatchPages?: number;
  /** Bytes of record pages' view-models as JSON per Eleventy run, at most. Default: `RENDER_BATCH_LIMITS`. */
  readonly renderBatchBytes?: number;
  /**
   * Shards of the site in `output` that Pagefind read while the archive loaded (`readAheadFor`,
   * search-ahead.ts). The build takes those it indexes again, and lets it go when it ends.
   */
  readonly searchAhead?: ShardsReadAhead;
}

/** What a build did. */
export interface BuiltSite {
  /** How many times Eleventy ran: once, unless the record pages needed batches (`RENDER_BATCH_LIMITS`). */
  readonly runs: number;
  /** Fingerprints of what the build made, for the next build; only with `incremental`. */
  readonly fingerprints?: SiteFingerprints;
  /** What this build made, and what it took unchanged from the previous site; only with `incremental`. */
  readonly reuse?: {
    readonly pages: { readonly rendered: number; readonly reused: number };
    /** Shards indexed (`readAhead` of them from pages read ahead: see `searchAhead`), and kept. */
    readonly searchShards: { readonly indexed: number; readonly readAhead: number; readonly reused: number };
    /** Feed and open-data files. */
    readonly files: { readonly written: number; readonly reused: number };
    /** Records whose text alone changed, when nothing else did: the rest of the site was kept as it was. */
    readonly textEdits?: number;
    /**
     * When only names (and texts) changed: the records renamed, and the record pages whose views
     * were made, those that show them; every other record page and its feed was kept.
     */
    readonly nameEdit?: { readonly records: number; readonly views: number };
  };
}

/** Thrown when the rendered site links to pages it does not contain. */
export class BrokenLinksError extends Error {
  override readonly name = 'BrokenLinksError';
}

/**
 * Renders the archive with Eleventy into a temporary folder, checks that every internal link has a
 * target, and only then swaps the result in for `output`.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  try {
    return await buildSiteOnce(options);
  } finally {
    await options.searchAhead?.close();
  }
}

async function buildSiteOnce(options: BuildSiteOptions): Promise<BuiltSite> {
  // A killed build cannot remove its Pagefind folders; the next one does, once their process is gone.
  removeAbandonedSearchFolders();
  const pathPrefix = options.pathPrefix ?? '/';
  const siteUrl = options.siteUrl ?? siteUrlFrom(process.env);
  let outcome: BuildOutcome | undefined;
  let broken: BrokenLink[] = [];
  let ahead: FingerprintsAhead | undefined;
  // The link check's thread, if the build has one: it ends with the build, whatever the outcome.
  let scan: LinkScan | undefined;
  // Planned before Eleventy starts: each run is told which pages it renders and which it leaves out.
  const target = publishTarget(siteUrl, pathPrefix);
  const build = plannedBuild(prepareBuild(buildInputs(options, target)), {
    ...buildHooks(options),
    // Only the pages this build wrote are read. A page taken from the previous site is byte for
    // byte the one the last build checked, and the pages it links are still there: had one gone,
    // its record would be gone and the page's view changed.
    afterPages: async (output, pages, files) => {
      broken = scan
        ? await scan.finish(pages)
        : await findBrokenLinks(path.resolve(output), pathPrefix, pages, keptFrom(build, found));
      const { plan } = build.prepared;
      const early = plan.textEdit && earlyFingerprints(plan, files);
      if (early) ahead = options.encodeRecordAhead?.(early);
    },
    onDone: (done) => {
      outcome = done;
    },
  });
  // What the build found of the previous site as it loaded, which both checks of links take as there.
  const found = build.previous && filesFoundIn(build.previous);
  await writeAtomically(
    options.output,
    async (temporary) => {
      const rejections = watchLateRejections();
      // A build of a few text edits renders their pages in one run: the collection after it frees
      // little and costs 0.3–1.3 s of a 10,000-article archive's heap (run 49).
      const { plan } = build.prepared;
      const collectAfterRuns = plan.textEdit === undefined || manyTextEdits(plan);
      // A site built whole in several runs has its links checked as its runs end, from the first
      // run that waits for Pagefind (the records'): those leave a core idle, the years' runs do
      // not, and the scan's thread then holds its memory beside the records' runs alone, not
      // beside the years' and Pagefind (see link-scan.ts).
      const scanFrom = build.previous === undefined ? build.prepared.runs.findIndex((run) => run.afterSearch) : -1;
      try {
        for (let index = 0; index < build.prepared.runs.length; index++) {
          // The heaviest pages never render beside Pagefind indexing the shard before them. The
          // wait itself is spent beside that shard: a second collection after the last run's first
          // gives the pages it emptied back to the system (see `collectGarbageAndRelease`).
          if (build.prepared.runs[index]?.afterSearch) {
            collectGarbage();
            await build.search?.settled();
          }
          // In a function of its own: once it returns, nothing holds the run's pages, and the
          // collection below frees them before the next run makes its views.
          await renderRun({ options, build, index, output: temporary, siteUrl, pathPrefix });
          if (index === 0) await options.onStage?.('writing');
          if (collectAfterRuns) collectGarbage();
          if (scanFrom !== -1 && index >= scanFrom) {
            scan ??= new LinkScan(temporary, pathPrefix);
            scan.read(build.writtenFiles);
          }
          build.search?.throwIfFailed();
        }
        // Once the last run's Eleventy is gone: its pages are no longer held beside the feeds.
        await finishPlannedBuild(build, target);
        rejections.throwIfUnhandled();
      } catch (error) {
        // Shards may be indexing into the folder that is about to be deleted: let them end first.
        await build.search?.settled();
        // Eleventy never handles a passthrough copy that fails after its write did: keep watching, so
        // that failure cannot end the process before this one is reported.
        throw error;
      }
      rejections.stop();
      // The check ran while the search index was written: links into it are judged now, and
      // links to the files kept from the previous site.
      broken = stillBroken(path.resolve(temporary), pathPrefix, broken, keptFrom(build, found));
      if (broken.length > 0) {
        const lines = broken.map((link) => `  ${link.page}: ${link.href}`);
        throw new BrokenLinksError(`${broken.length} internal links have no target:\n${lines.join('\n')}`);
      }
      await writeBuildMarker(temporary);
      // Only the new and changed files are in the folder: the output is updated in place.
      if (build.previous && !build.kept.isEmpty()) return build.kept;
      await options.recordSite?.(temporary, builtWith(outcome, build.runsDone), ahead);
      return undefined;
    },
    {
      ...(options.onStage ? { onStage: options.onStage } : {}),
      ...(options.beforeRename ? { beforeSwap: options.beforeRename } : {}),
      afterUpdate: () => options.recordSite?.(path.resolve(options.output), builtWith(outcome, build.runsDone), ahead),
    },
  ).finally(() => scan?.close());
  return builtWith(outcome, build.runsDone);
}

/** One Eleventy run of a build: the record pages of `build.prepared.runs[index]`, written to `output`. */
async function renderRun(run: {
  readonly options: BuildSiteOptions;
  readonly build: PlannedBuild;
  readonly index: number;
  readonly output: string;
  readonly siteUrl: string;
  readonly pathPrefix: string;
}): Promise<void> {
  const { options, build, index, siteUrl } = run;
  const eleventy = new Eleventy('layouts', run.output, {
    // What `.eleventy.ts` sets, with the run's own plugin: no configuration file is read, so a build
    // run from the compiled code (src/cli/run.mjs) needs no TypeScript loader.
    configPath: false,
    pathPrefix: run.pathPrefix,
    quietMode: options.verbose !== true,
    config: (config) => configureArchiveSite(config, { siteUrl, run: { build, index } }),
  });
  // Eleventy prints each error it throws, stack trace included; the build reports it once.
  if (options.verbose !== true) eleventy.logger.overrideLogger(withoutErrors);
  await eleventy.write();
}

/** The console without its error channel, for Eleventy's logger. */
const withoutErrors: Pick<Console, 'log' | 'info' | 'warn' | 'error'> = {
  log: (...text: unknown[]) => console.log(...text),
  info: (...text: unknown[]) => console.info(...text),
  warn: (...text: unknown[]) => console.warn(...text),
  error: () => undefined,
};

/** The previous site and what the build keeps of it, if it updates one. */
function keptFrom(build: PlannedBuild, found: ReadonlySet<string> | undefined): KeptFrom | undefined {
  return build.previous && { output: build.previous.output, files: build.kept, ...(found && { found }) };
}

/** What the build is planned from. */
function buildInputs(options: BuildSiteOptions, target: PublishTarget): BuildInputs {
  const { incremental } = options;
  return {
    archive: options.archive,
    target,
    incremental: incremental && { codeVersion: incremental.codeVersion, previous: previousSite(options) },
    searchShardPages: options.searchShardPages,
    batchLimits: {
      pages: options.renderBatchPages ?? RENDER_BATCH_LIMITS.pages,
      bytes: options.renderBatchBytes ?? RENDER_BATCH_LIMITS.bytes,
    },
  };
}

/** What the runs need besides the plan, but for the hooks `buildSite` sets itself. */
function buildHooks(options: BuildSiteOptions): BuildHooks {
  const previous = previousSite(options);
  // Read from the site in `output`, which is only the previous site if its fingerprints are known.
  const searchAhead = previous ? options.searchAhead : undefined;
  return { previous, searchProcesses: options.searchProcesses, searchAhead };
}

/** The site in `output` and its fingerprints, when the build is incremental and they are known. */
function previousSite({ incremental, output }: BuildSiteOptions): PreviousSite | undefined {
  if (incremental?.previous === undefined) return undefined;
  const { previous, present } = incremental;
  return { output: path.resolve(output), fingerprints: previous, ...(present && { present }) };
}

/** The fingerprints a build knows once its pages and published files are written. */
function earlyFingerprints(plan: BuildPlan, files: PublishedFilesResult): EarlyFingerprints | undefined {
  if (plan.pages === undefined) return undefined;
  return {
    pages: plan.pages.fingerprints,
    files: files.fingerprints,
    ...(plan.shape && { shape: plan.shape }),
    ...(plan.pages.shows && { shows: plan.pages.shows }),
    ...(plan.shared && { shared: plan.shared }),
  };
}

function builtWith(outcome: BuildOutcome | undefined, runs: number): BuiltSite {
  if (outcome === undefined) return { runs };
  const { plan, search, files, others } = outcome;
  const early = earlyFingerprints(plan, files);
  if (plan.pages === undefined || plan.search === undefined || early === undefined) return { runs };
  const reused = plan.pages.reused.length;
  return {
    runs,
    fingerprints: { ...early, search: plan.search, shards: plan.shards, others },
    reuse: {
      pages: { rendered: plan.pages.fingerprints.size - reused, reused },
      searchShards: {
        indexed: search.indexed.length,
        readAhead: search.readAhead.length,
        reused: search.reused.length,
      },
      files: { written: files.written, reused: files.reused },
      ...(plan.textEdit && { textEdits: plan.textEdit.records.length }),
      ...(plan.nameEdit && { nameEdit: { records: plan.nameEdit.renamed, views: plan.nameEdit.pages } }),
    },
  };
}
