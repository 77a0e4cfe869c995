// Eleventy configuration: wiring only. Everything it wires lives in src/.
import type { UserConfig } from '@11ty/eleventy';
import { archiveBuildPlugin } from './src/build/index.ts';
import { archivePlugin } from './src/site/eleventy-plugin.ts';
import { siteUrlFrom } from './src/site/publish.ts';

export default function configure(config: UserConfig) {
  const siteUrl = siteUrlFrom(process.env);
  // What the site is: layouts' settings, data and filters. `npm run build` adds both plugins itself,
  // before this file runs, with the origin and the run it was given.
  if (!config.hasPlugin(archivePlugin)) config.addPlugin(archivePlugin, { siteUrl });
  // How the archive reaches it: loaded, planned, rendered, then finished.
  if (!config.hasPlugin(archiveBuildPlugin)) {
    config.addPlugin(archiveBuildPlugin, { contentDir: process.env['NEWS_ARCHIVE_CONTENT'] ?? 'content', siteUrl });
  }
  return {
    // The output folder is not set here: the build command points Eleventy at a temporary folder.
    dir: { input: 'layouts', includes: '_includes', data: '_data' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}
