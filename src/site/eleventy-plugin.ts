import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import { documentTitle } from './filters.ts';
import { toJsonLd } from './json-ld.ts';
import { pageKindLinks } from './page-kinds.ts';
import { publishTarget } from './publish.ts';
import { pagefindFilterText } from './search-filter-text.ts';
import { SEARCH_RANKING } from './search-ranking.ts';
import { META_CONTENT_SECURITY_POLICY, toHeadersFile } from './security-headers.ts';
import { eventsTimeline, recentEventSummaries } from './view/pictures.ts';

/**
 * Where the layouts are, and which of their files are templates (set by `configureArchiveSite`,
 * build/eleventy-build-plugin.ts). Eleventy takes folders from a configuration, not from a plugin.
 */
export function setSiteFolders(config: UserConfig): void {
  config.setInputDirectory('layouts');
  config.setIncludesDirectory('_includes');
  config.setDataDirectory('_data');
  config.setTemplateFormats(['njk']);
}

/** Options of {@link archivePlugin}. */
export interface ArchivePluginOptions {
  /** Absolute origin of the published site, for canonical URLs and feeds, e.g. `https://news.example.gov`. */
  readonly siteUrl: string;
}

/**
 * What the site is, for Eleventy: safe Nunjucks settings, the HTML base plugin for path prefixes,
 * the static assets, the site-wide data and the filters the layouts use. The archive itself (the
 * `site`, `recordPages` and `searchBundles` data) comes from `archiveBuildPlugin`
 * (build/eleventy-build-plugin.ts), which loads it and makes only what a build needs.
 */
export function archivePlugin(config: UserConfig, options: ArchivePluginOptions): void {
  // Escape everything by default, and fail on a missing value instead of printing nothing.
  config.setNunjucksEnvironmentOptions({
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  config.addPlugin(HtmlBasePlugin);
  config.addPassthroughCopy({ 'layouts/assets': 'assets' });
  config.ignores.add('layouts/assets/**');
  config.addGlobalData('siteUrl', publishTarget(options.siteUrl).siteUrl);
  config.addGlobalData('searchRanking', SEARCH_RANKING);
  // Navigation, index pages and open-data links follow the table of page kinds.
  config.addGlobalData('pageKinds', pageKindLinks());
  config.addGlobalData('headersFile', toHeadersFile());
  config.addGlobalData('contentSecurityPolicy', META_CONTENT_SECURITY_POLICY);
  config.addFilter('jsonLd', toJsonLd);
  config.addFilter('documentTitle', documentTitle);
  config.addFilter('pagefindFilterText', pagefindFilterText);
  // Drawn at render time, so an official page kept from the last build costs no drawing.
  config.addFilter('eventsTimeline', eventsTimeline);
  config.addFilter('timelineEvents', recentEventSummaries);
}
