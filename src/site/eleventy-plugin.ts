import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import { loadAndReport } from '../load/load-archive.ts';
import type { Archive } from '../pipeline/build-archive.ts';
import type { FeedSite } from './feeds.ts';
import { documentTitle } from './filters.ts';
import { toJsonLd } from './json-ld.ts';
import { compileNunjucksOnce } from './nunjucks-once.ts';
import { publishTarget } from './publish.ts';
import { publishedFiles, writePublishedFiles } from './published-files.ts';
import { writeSearchIndex } from './search-index.ts';
import { META_CONTENT_SECURITY_POLICY, toHeadersFile } from './security-headers.ts';
import { listablePages, toSitemap, type WrittenPage } from './sitemap.ts';
import { type SiteView, toSiteView } from './view/site-view.ts';

/** Options of {@link archivePlugin}. */
export interface ArchivePluginOptions {
  /** Content folder to load when no archive is given. Default: `content`. */
  readonly contentDir?: string;
  /** An archive already loaded and validated (the build command passes it, so content is read once). */
  readonly archive?: Archive;
  /** Absolute origin of the published site, for canonical URLs and feeds, e.g. `https://news.example.gov`. */
  readonly siteUrl: string;
}

const PRELOADED = Symbol.for('news-archive.preloaded-archive');

/**
 * Hands an already validated archive to the plugin through Eleventy's programmatic `config`
 * callback, which runs before `.eleventy.ts`: the build command reads content only once.
 */
export function providePreloadedArchive(config: UserConfig, archive: Archive): void {
  (config as UserConfig & { [PRELOADED]?: Archive })[PRELOADED] = archive;
}

/** Thrown when content has errors; the messages were already printed in the unified style. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
}

/**
 * Wires the archive into Eleventy: the site view-model as global data, safe Nunjucks settings,
 * the HTML base plugin for path prefixes, and the static assets.
 */
export function archivePlugin(config: UserConfig, options: ArchivePluginOptions): void {
  // Escape everything by default, and fail on a missing value instead of printing nothing.
  config.setNunjucksEnvironmentOptions({
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  compileNunjucksOnce(config);
  config.addPlugin(HtmlBasePlugin);
  config.addPassthroughCopy({ 'layouts/assets': 'assets' });
  config.ignores.add('layouts/assets/**');
  const contentDir = options.contentDir ?? 'content';
  const loadContent = createContentLoader(contentDir);
  config.addWatchTarget(contentDir);
  config.addGlobalData('siteUrl', publishTarget(options.siteUrl).siteUrl);
  // The archive and view this build renders, for the files written after Eleventy's pages.
  let rendered: { archive: Archive; site: SiteView } | undefined;
  config.addGlobalData('site', async () => {
    const preloaded = (config as UserConfig & { [PRELOADED]?: Archive })[PRELOADED];
    const archive = options.archive ?? preloaded ?? (await loadContent());
    rendered = { archive, site: toSiteView(archive, target()) };
    return rendered.site;
  });
  config.addGlobalData('headersFile', toHeadersFile());
  config.addGlobalData('contentSecurityPolicy', META_CONTENT_SECURITY_POLICY);
  config.addFilter('jsonLd', toJsonLd);
  config.addFilter('documentTitle', documentTitle);
  // Read lazily: the path prefix is only final once the whole configuration has run.
  const target = () => publishTarget(options.siteUrl, config.pathPrefix);
  // After every build (also in `npm start`): the sitemap of the pages actually written, and search.
  config.on('eleventy.after', async (event: AfterBuild) => {
    const output = event.directories.output;
    if (rendered) {
      const about = await readSiteMetadata(event.directories.data);
      await writePublishedFiles(output, publishedFiles(rendered.archive, rendered.site, target(), about));
    }
    await writeFile(path.join(output, 'sitemap.xml'), toSitemap(target(), listablePages(event.results)));
    await writeSearchIndex(output);
  });
}

/** What Eleventy tells `eleventy.after` listeners that this plugin uses. */
interface AfterBuild {
  readonly directories: { readonly output: string; readonly data: string };
  readonly results: WrittenPage[];
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
 * Loads content for Eleventy's own runs (`npm start`). In a watching server, content with errors
 * keeps the last good archive, so the site stays up while the editor fixes the file.
 */
function createContentLoader(contentDir: string): () => Promise<Archive> {
  let lastGood: Archive | undefined;
  let failing = false;
  return async () => {
    const result = await loadAndReport(contentDir);
    if (result.ok && result.archive) {
      if (failing) process.stderr.write(`${contentDir}/ is valid again: the site is rebuilt.\n`);
      failing = false;
      lastGood = result.archive;
      return result.archive;
    }
    failing = true;
    if (lastGood) {
      process.stderr.write(`Still serving the last good site: fix the problems above and save to rebuild.\n`);
      return lastGood;
    }
    throw new ContentError(`${contentDir} has content errors (listed above)`);
  };
}
