import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../pipeline/build-archive.ts';
import type { BuildPlan } from './build-plan.ts';
import type { FeedSite } from './feeds.ts';
import type { PublishTarget } from './publish.ts';
import { type PublishedFilesResult, publishedFiles, writePublishedFiles } from './published-files.ts';
import type { PreviousSite } from './render-plan.ts';
import { reusePages } from './reuse-pages.ts';
import { type SearchIndexResult, writeSearchIndex } from './search-index.ts';
import { toSitemap } from './sitemap.ts';
import type { SiteView } from './view/site-view.ts';

/** What a build did besides its pages: search, feeds and open data. */
export interface FinishedSite {
  readonly search: SearchIndexResult;
  readonly files: PublishedFilesResult;
}

/** Everything {@link finishSite} needs from the build. */
export interface SiteToFinish {
  readonly output: string;
  /** Eleventy's data folder, with `metadata.json` (the site's title, description and language). */
  readonly dataDir: string;
  readonly archive: Archive;
  readonly site: SiteView;
  readonly plan: BuildPlan;
  readonly target: PublishTarget;
  /** Listable pages Eleventy wrote in this build, by URL. */
  readonly written: readonly string[];
  readonly previous?: PreviousSite | undefined;
  /** Work on the finished pages, run while the search index is written; `reused` as in the plan. */
  readonly afterPages?: ((output: string, reused: readonly string[]) => Promise<void>) | undefined;
}

/**
 * Completes the site around Eleventy's pages: the record pages kept from the previous site, the
 * search index, feeds, open data and sitemap. Pagefind runs in its own process, so the rest is
 * done meanwhile.
 */
export async function finishSite(build: SiteToFinish): Promise<FinishedSite> {
  const { output, plan, previous } = build;
  const reused = plan.pages?.reused ?? [];
  if (previous && reused.length > 0) reusePages(previous.output, output, reused);
  const pages = [...build.written, ...reused].sort();
  // Index the record pages this build has (layouts without record templates, in tests, have none).
  const present = new Set(pages);
  const shards = plan.shards.map((shard) => ({ ...shard, urls: shard.urls.filter((url) => present.has(url)) }));
  const search = writeSearchIndex(output, shards, previous && { from: previous.output, keys: plan.reusedShards });
  const rest = (async () => {
    const about = await readSiteMetadata(build.dataDir);
    const reusable = previous && { from: previous.output, fingerprints: previous.fingerprints.files };
    const files = await writePublishedFiles(
      output,
      publishedFiles(build.archive, build.site, build.target, about),
      reusable,
    );
    await writeFile(path.join(output, 'sitemap.xml'), toSitemap(build.target, pages));
    await build.afterPages?.(output, reused);
    return files;
  })();
  await allOrFirstError([search, rest]);
  return { search: await search, files: await rest };
}

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
