import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import { hashOf } from '../cache/hash.ts';
import { loadAndReport } from '../load/load-archive.ts';
import type { Archive } from '../pipeline/build-archive.ts';
import type { FeedSite } from './feeds.ts';
import { documentTitle } from './filters.ts';
import { toJsonLd } from './json-ld.ts';
import { compileNunjucksOnce } from './nunjucks-once.ts';
import { type PublishTarget, publishTarget } from './publish.ts';
import { publishedFiles, writePublishedFiles } from './published-files.ts';
import { type PreviousPages, planRender, type RenderPlan } from './render-plan.ts';
import { hasPage, reusePages } from './reuse-pages.ts';
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

/** What the build command hands the plugin for one build. */
export interface PreloadedBuild {
  /** The archive, already loaded and validated: content is read only once. */
  readonly archive: Archive;
  /**
   * Render only the record pages that changed since `previous` was built, and take the others from
   * it. The plan, with every page's fingerprint for the next build, goes to `onPlan`.
   */
  readonly incremental?: {
    readonly codeVersion: string;
    readonly previous?: PreviousPages;
    readonly onPlan: (plan: RenderPlan) => void;
  };
}

const PRELOADED = Symbol.for('news-archive.preloaded-build');
type WithPreloaded = UserConfig & { [PRELOADED]?: PreloadedBuild };

/**
 * Hands a build to the plugin through Eleventy's programmatic `config` callback, which runs before
 * `.eleventy.ts`.
 */
export function providePreloadedBuild(config: UserConfig, build: PreloadedBuild): void {
  (config as WithPreloaded)[PRELOADED] = build;
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
  // The archive, view and plan of this build, made once per build for both global data entries and
  // for the files written after Eleventy's pages.
  let prepared: Promise<Prepared> | undefined;
  let rendered: Prepared | undefined;
  const prepare = async (): Promise<Prepared> => {
    const preloaded = (config as WithPreloaded)[PRELOADED];
    const archive = options.archive ?? preloaded?.archive ?? (await loadContent());
    const site = toSiteView(archive, target());
    const plan = planFor(site, target(), preloaded?.incremental);
    rendered = { archive, site, plan };
    return rendered;
  };
  const thisBuild = (): Promise<Prepared> => {
    prepared ??= prepare();
    return prepared;
  };
  config.on('eleventy.before', () => {
    prepared = undefined;
  });
  config.addGlobalData('site', async () => (await thisBuild()).site);
  // The layouts paginate over these: every record page, or in an incremental build the changed ones.
  config.addGlobalData('recordPages', async () => {
    const { site, plan } = await thisBuild();
    return plan?.render ?? site;
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
    const reused = rendered?.plan?.reused ?? [];
    const previous = (config as WithPreloaded)[PRELOADED]?.incremental?.previous;
    if (previous && reused.length > 0) reusePages(previous.output, output, reused);
    if (rendered) {
      const about = await readSiteMetadata(event.directories.data);
      await writePublishedFiles(output, publishedFiles(rendered.archive, rendered.site, target(), about));
    }
    const pages = [...listablePages(event.results), ...reused].sort();
    await writeFile(path.join(output, 'sitemap.xml'), toSitemap(target(), pages));
    await writeSearchIndex(output);
  });
}

/** One build's archive, its view, and in an incremental build the plan of what to render. */
interface Prepared {
  readonly archive: Archive;
  readonly site: SiteView;
  readonly plan?: RenderPlan | undefined;
}

/** Plans an incremental build and reports the plan; `undefined` when the build renders everything. */
function planFor(
  site: SiteView,
  target: PublishTarget,
  incremental: PreloadedBuild['incremental'],
): RenderPlan | undefined {
  if (incremental === undefined) return undefined;
  // What every page shares besides its view: the code and templates, and where the site is published.
  const shared = hashOf('pages', incremental.codeVersion, target.siteUrl, target.pathPrefix);
  const { previous } = incremental;
  const plan = planRender(site, shared, previous?.fingerprints, (url) =>
    previous ? hasPage(previous.output, url) : false,
  );
  incremental.onPlan(plan);
  return plan;
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
