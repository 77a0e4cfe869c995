// Eleventy configuration: wiring only. Everything it wires lives in src/.
import type { UserConfig } from '@11ty/eleventy';
import { archiveBuildPlugin } from './src/build/index.ts';
import { archivePlugin, setSiteFolders } from './src/site/eleventy-plugin.ts';
import { siteUrlFrom } from './src/site/publish.ts';

export default function configure(config: UserConfig) {
  const siteUrl = siteUrlFrom(process.env);
  // What the site is: layouts' settings, data and filters. A caller that added both plugins before
  // this file runs (a test, with the run it was given) keeps its own.
  if (!config.hasPlugin(archivePlugin)) config.addPlugin(archivePlugin, { siteUrl });
  // How the archive reaches it: loaded, planned, rendered, then finished.
  if (!config.hasPlugin(archiveBuildPlugin)) {
    config.addPlugin(archiveBuildPlugin, { contentDir: process.env['NEWS_ARCHIVE_CONTENT'] ?? 'content', siteUrl });
  }
  // The output folder is not set here: the build command points Eleventy at a temporary folder.
  setSiteFolders(config);
}
