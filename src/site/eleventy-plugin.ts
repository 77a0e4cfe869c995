import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import { loadAndReport } from '../load/load-archive.ts';
import type { Archive } from '../pipeline/build-archive.ts';
import { documentTitle } from './filters.ts';
import { toJsonLd } from './json-ld.ts';
import { compileNunjucksOnce } from './nunjucks-once.ts';
import { toSiteView } from './view/site-view.ts';

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
  config.addWatchTarget(contentDir);
  config.addGlobalData('siteUrl', options.siteUrl.replace(/\/+$/, ''));
  config.addGlobalData('site', async () => {
    const preloaded = (config as UserConfig & { [PRELOADED]?: Archive })[PRELOADED];
    const archive = options.archive ?? preloaded ?? (await loadArchiveOrThrow(contentDir));
    return toSiteView(archive);
  });
  config.addFilter('jsonLd', toJsonLd);
  config.addFilter('documentTitle', documentTitle);
}

async function loadArchiveOrThrow(contentDir: string): Promise<Archive> {
  const result = await loadAndReport(contentDir);
  if (!result.ok || !result.archive) throw new ContentError(`${contentDir} has content errors (listed above)`);
  return result.archive;
}
