import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../pipeline/build-archive.ts';
import type { FeedSite } from '../site/feeds.ts';
import type { PublishTarget } from '../site/publish.ts';
import { toSitemap } from '../site/sitemap.ts';
import { collectGarbage, collectGarbageAndRelease } from './collect-garbage.ts';
import type { BuildPlan } from './plan/build-plan.ts';
import type { SiteData } from './plan/build-runs.ts';
import type { KeptFiles } from './plan/kept-files.ts';
import {
  feedFiles,
  nameEditFiles,
  type PublishedFile,
  type PublishedFilesResult,
  type ReusableFiles,
  siteFiles,
  textEditFiles,
  together,
  withUnchanged,
  writePublishedFiles,
} from './plan/published-files.ts';
import { type PreviousSite, pageFile } from './plan/render-plan.ts';
import { reusePages } from './plan/reuse-pages.ts';
import { PAGES_READ_AHEAD } from './search/search-ahead.ts';
import { SearchIndexer, type SearchIndexResult, type ShardsReadAhead } from './search/search-index.ts';
import { SEARCH_FOLDER, type SearchShard } from './search/search-shards.ts';
import { searchedHtml } from './search/searched-html.ts';

/** What a build did besides its pages: search, feeds and open data. */
export interface FinishedSite {
  readonly search: SearchIndexResult;
  readonly files: PublishedFilesResult;
  /**
   * The site's files besides record pages, feeds, open data and search (index pages, the sitemap,
   * `robots.txt`…), relative to the output folder: a build of text edits keeps them as they are.
   */
  readonly others: readonly string[];
}

/** Work on a build's finished pages and files while Pagefind writes the search index (see `SiteToFinish`). */
export type AfterPages = (output: string, pages: readonly string[], files: PublishedFilesResult) => Promise<void>;

/** Everything {@link finishSite} needs from the build. */
export interface SiteToFinish {
  readonly output: string;
  /** Eleventy's data folder, with `metadata.json` (the site's title, description and language). */
  readonly dataDir: string;
  readonly archive: Archive;
  /** What the site's feeds and open data are made from; `undefined` only in a build of text edits (`plan.textEdit`). */
  readonly site: SiteData | undefined;
  readonly plan: BuildPlan;
  readonly target: PublishTarget;
  /** Listable pages Eleventy wrote in this build, by URL. */
  readonly written: readonly string[];
  readonly previous?: PreviousSite | undefined;
  /** The files Eleventy wrote in this build, as absolute paths. */
  readonly writtenFiles: readonly string[];
  /**
   * Work on the finished pages, run while the search index is written; given the HTML of
   * `writtenFiles`, and the published files written.
   */
  readonly afterPages?: AfterPages | undefined;
  /** Pagefind processes at once; default `SEARCH_PROCESSES` (search-index.ts). */
  readonly searchProcesses?: number | undefined;
  /** The shards of the previous site read ahead, if any (see search-ahead.ts). */
  readonly searchAhead?: ShardsReadAhead | undefined;
  /** What earlier runs of the build did about search and published files; it does the rest. */
  readonly progress: BuildProgress;
}

/**
 * Completes the site around Eleventy's pages: the record pages kept from the previous site, the
 * search index, feeds, open data and sitemap. Pagefind runs in its own process, so the rest is
 * done meanwhile.
 */
export async function finishSite(build: SiteToFinish): Promise<FinishedSite> {
  const { output, plan, previous } = build;
  const reused = plan.pages?.reused ?? [];
  const pages = [...build.written, ...reused].sort();
  // Every kept page is in once this returns, and only then is anything else put into the site.
  const { progress } = build;
  const indexer = await continueSearch(progress, build).catch(async (error: unknown) => {
    // Shards may be indexing into the folder that is about to be deleted: let them end first.
    await progress.search?.settled();
    throw error;
  });
  const search = indexer.finish();
  // After a build that rendered every page, the feeds, open data and link check run beside
  // Pagefind: each starts from the memory the site holds, not from the garbage of what ran before
  // (together about 300 MB less at 10,000 articles). Not after an edit: its heap is small, and
  // Pagefind would wait for the collection before it starts on the one shard to index.
  const renderedAll = reused.length === 0;
  if (renderedAll) collectGarbage();
  const rest = (async () => {
    const { textEdit } = plan;
    let files: PublishedFilesResult;
    if (textEdit && previous) {
      const about = await readSiteMetadata(build.dataDir);
      const edited = textEditFiles(build.archive, build.target, about, textEdit.records);
      files = withUnchanged(
        await writePublishedFiles(output, edited, reusableFiles(previous, progress), plan.shared),
        previous.fingerprints.files,
      );
      // Everything else stays as it was, but the search index, which keeps the shards it kept.
      progress.kept.everythingBut([SEARCH_FOLDER]);
    } else if (build.site) {
      await writeReadyFiles(progress, build);
      files = together(progress.files);
      // The feeds and open data this build did not make are the previous site's (kept below).
      if (plan.nameEdit && previous) files = withUnchanged(files, previous.fingerprints.files);
      await writeFile(path.join(output, 'sitemap.xml'), toSitemap(build.target, pages));
    } else {
      throw new TypeError('a build without view-models must be one of text edits, with a previous site');
    }
    if (renderedAll) collectGarbage();
    await build.afterPages?.(
      output,
      build.writtenFiles.filter((file) => file.endsWith('.html')),
      files,
    );
    // What remains is waiting for Pagefind: give back the garbage of writing the files and checking
    // the links (hundreds of MB), which V8 would otherwise hold until the build ends. After a build
    // that rendered every page, beside the heaviest shards, the emptied pages go back too. A build
    // of a few text edits made little garbage: collecting its heap would cost more than it gives
    // back. One of hundreds (many files edited at once) waits beside Pagefind indexing every shard
    // they are in: at 10,000 articles, 3,000 edited held Node at 746 MB beside each of them.
    if (renderedAll || manyTextEdits(plan)) collectGarbageAndRelease();
    else if (!plan.textEdit) collectGarbage();
    return files;
  })();
  await allOrFirstError([search, rest]);
  const others = otherFiles(build);
  if (plan.nameEdit && previous) {
    // After renames the record pages, feeds and open data are the same files, and the pages besides
    // them (home, indexes, A–Z) were all made again: only those no longer made go.
    const now = new Set(others);
    progress.kept.everythingBut([SEARCH_FOLDER]);
    progress.kept.drop((previous.fingerprints.others ?? []).filter((file) => !now.has(file)));
  }
  return { search: await search, files: await rest, others };
}

/** What the Eleventy runs of one build share about search and published files (see eleventy-build-plugin.ts). */
export interface BuildProgress {
  /** The indexer, once a run has handed it shards. */
  search?: SearchIndexer;
  /** Whether the record pages kept from the previous site are noted in `kept` yet. */
  reusedIn: boolean;
  /** Whether the files made from the archive and the outline alone are written (see `siteFiles`). */
  siteFilesIn: boolean;
  /** What each write of published files did so far. */
  readonly files: PublishedFilesResult[];
  /** What the build keeps of the previous site: the files it did not make again. */
  readonly kept: KeptFiles;
}

/** A build as {@link writeReadyFiles} needs it. */
export type FilesToWrite = Pick<
  SiteToFinish,
  'output' | 'dataDir' | 'archive' | 'site' | 'plan' | 'target' | 'previous'
>;

/**
 * Writes the published files that are ready and not written yet: the first time, those made from
 * the archive and the outline (open data, the archive's feeds); each time, the feeds of the record
 * pages made since (see `SiteMaker.takeFeeds`). Called as each run ends, so no run's feeds are
 * held until the build ends, nor all written at once beside Pagefind's last shards (about 14,000
 * feeds at 10,000 articles). Nothing to do in a build of text edits, which has no site data.
 */
export async function writeReadyFiles(progress: BuildProgress, build: FilesToWrite): Promise<void> {
  const { site, plan } = build;
  if (site === undefined) return;
  const about = await readSiteMetadata(build.dataDir);
  const withSiteFiles = !progress.siteFilesIn;
  progress.siteFilesIn = true;
  const ready = function* (): Generator<PublishedFile> {
    if (withSiteFiles && plan.nameEdit) {
      yield* nameEditFiles(build.archive, site, build.target, about, plan.nameEdit.records);
    } else if (withSiteFiles) yield* siteFiles(build.archive, site, build.target, about);
    yield* feedFiles(site.takeFeeds(), about);
  };
  const previous = build.previous && reusableFiles(build.previous, progress);
  progress.files.push(await writePublishedFiles(build.output, ready(), previous, plan.shared));
}

/** The previous site's published files, which a build keeps instead of writing them again when their fingerprints match. */
function reusableFiles(previous: PreviousSite, progress: BuildProgress): ReusableFiles {
  return { from: previous.output, fingerprints: previous.fingerprints.files, kept: progress.kept };
}

/** The build as {@link continueSearch} needs it. */
export interface SearchingBuild {
  readonly output: string;
  readonly plan: BuildPlan;
  readonly previous?: PreviousSite | undefined;
  /** Listable pages Eleventy wrote so far, by URL. */
  readonly written: readonly string[];
  /** Pagefind processes at once; default `SEARCH_PROCESSES` (search-index.ts). */
  readonly searchProcesses?: number | undefined;
  /** The shards of the previous site read ahead, if any (see search-ahead.ts). */
  readonly searchAhead?: ShardsReadAhead | undefined;
}

/**
 * Hands the indexer the shards named `keys`, or without `keys` every shard not handed over yet,
 * each with the record pages kept from the previous site linked in first. Each shard gets only the
 * pages present: layouts without record templates (in tests) write none.
 */
export async function continueSearch(
  progress: BuildProgress,
  build: SearchingBuild,
  keys?: readonly string[],
): Promise<SearchIndexer> {
  const { output, plan, previous } = build;
  const reused = plan.pages?.reused ?? [];
  progress.search ??= new SearchIndexer(
    output,
    previous?.output,
    build.searchProcesses,
    progress.kept,
    build.searchAhead,
  );
  const indexer = progress.search;
  const wanted = keys === undefined ? undefined : new Set(keys);
  const handed = plan.shards.filter((shard) => (wanted ? wanted.has(shard.key) : !indexer.has(shard.key)));
  // A shard's index is kept when it holds the same pages and those rendered now read as before.
  const renderedNow = new Set(build.written);
  const readsAsBefore = (shard: SearchShard) =>
    previous !== undefined &&
    plan.sameShards.has(shard.key) &&
    readAsBefore(
      previous.output,
      output,
      shard.urls.filter((url) => renderedNow.has(url)),
    );
  const kept = new Set(handed.filter(readsAsBefore).map((shard) => shard.key));
  const present = new Set([...build.written, ...reused]);
  const withPresent = (shard: SearchShard) => ({ ...shard, urls: shard.urls.filter((url) => present.has(url)) });
  // The kept pages of the shards to index go in first, so Pagefind starts on them while the others
  // are linked; a shard whose index is kept needs no pages.
  const toIndex = handed.filter((shard) => !kept.has(shard.key)).map(withPresent);
  // A shard read ahead needs only the pages rendered now (the build let go of those with too many).
  const readAhead = new Set(
    toIndex.filter((shard) => build.searchAhead?.covers(shard) === true).map((shard) => shard.key),
  );
  const indexedNow = new Set(toIndex.filter((shard) => !readAhead.has(shard.key)).flatMap((shard) => shard.urls));
  // Pagefind builds a shard read ahead at once, at the peak of its memory, where the CLI reads the
  // pages first. After an edit of more than texts, the site's other pages render after the record
  // pages, with Node at its own peak: a shard read ahead waits until the last run has returned
  // (`finishSite` hands it over, with no `keys`), and what the runs made is collected first. At
  // 10,000 articles, handed over beside the run, a year of 2,400 pages took all processes to
  // 1,008–1,031 MiB.
  const holdBack = keys !== undefined && !plan.textEdit;
  if (readAhead.size > 0 && keys === undefined && !plan.textEdit) collectGarbage();
  if (previous) {
    // Pagefind reads the pages it indexes from the new site's folder: the kept ones are linked
    // there. The others stay where they are, in the site updated in place.
    await reusePages(
      previous.output,
      output,
      reused.filter((url) => indexedNow.has(url)),
    );
    if (!progress.reusedIn) progress.kept.pages(reused);
  }
  progress.reusedIn = true;
  // Those read ahead first: the Pagefind process that holds them ends once they are written, before
  // a process of the CLI starts on the others beside Node.
  const inTurn = [
    ...toIndex.filter((shard) => readAhead.has(shard.key) && !holdBack),
    ...toIndex.filter((shard) => !readAhead.has(shard.key)),
  ];
  const renderedIn = (shard: SearchShard) => shard.urls.filter((url) => renderedNow.has(url));
  for (const shard of inTurn) {
    indexer.add(shard, false, readAhead.has(shard.key) ? renderedIn(shard) : undefined);
  }
  for (const shard of handed.filter((shard) => kept.has(shard.key))) indexer.add(withPresent(shard), true);
  return indexer;
}

/** See {@link FinishedSite.others}. */
function otherFiles({ output, plan, previous, writtenFiles }: SiteToFinish): readonly string[] {
  if (plan.textEdit && previous?.fingerprints.others) return previous.fingerprints.others;
  const recordPages = new Set([...(plan.pages?.fingerprints.keys() ?? [])].map((url) => pageFile(output, url)));
  const written = writtenFiles.filter((file) => !recordPages.has(file)).map((file) => path.relative(output, file));
  return [...new Set([...written, 'sitemap.xml'])].sort();
}

/**
 * Whether each of the record pages `urls`, rendered by this build, reads to Pagefind as it did in
 * the previous site. Past {@link COMPARED_PAGES} pages, indexing the shard again costs less.
 */
function readAsBefore(previousOutput: string, output: string, urls: readonly string[]): boolean {
  if (urls.length > COMPARED_PAGES) return false;
  return urls.every((url) => {
    const [before, now] = [pageFile(previousOutput, url), pageFile(output, url)];
    if (before === undefined || now === undefined || !existsSync(before)) return false;
    return searchedHtml(readFileSync(before, 'utf8')) === searchedHtml(readFileSync(now, 'utf8'));
  });
}

/** Pages rendered in one shard beyond which it is indexed again without comparing them (about 0.5 ms each). */
const COMPARED_PAGES = 500;

/** Waits for every task, so none is left running, then fails with the first failure. */
async function allOrFirstError(tasks: readonly Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(tasks);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The site's title, description and language, from the same data file the layouts use. */
async function readSiteMetadata(dataDir: string): Promise<FeedSite> {
  // Layouts without a metadata file (test fixtures) get untitled feeds rather than a failed build.
  const text = await readFile(path.join(dataDir, 'metadata.json'), 'utf8').catch(() => '{}');
  const metadata = JSON.parse(text) as Partial<FeedSite>;
  return {
    title: metadata.title ?? '',
    description: metadata.description ?? '',
    language: metadata.language ?? 'en',
  };
}

/**
 * Whether `plan` is of more text edits than a build reads search shards ahead for: hundreds, whose
 * pages render in runs beside Pagefind indexing the shards of the runs before, as a cold build's do.
 */
export function manyTextEdits(plan: BuildPlan): boolean {
  return (plan.textEdit?.records.length ?? 0) > PAGES_READ_AHEAD;
}
