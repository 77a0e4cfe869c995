// Eleventy configuration: wiring only. Everything it wires lives in src/.
import type { UserConfig } from '@11ty/eleventy';
import { configureArchiveSite } from './src/build/index.ts';
import { siteUrlFrom } from './src/site/publish.ts';

export default function configure(config: UserConfig) {
  // What the site is (layouts' settings, data and filters), and how the archive reaches it:
  // loaded, planned, rendered, then finished. The output folder is not set here: the build
  // command points Eleventy at a temporary folder.
  configureArchiveSite(config, {
    contentDir: process.env['NEWS_ARCHIVE_CONTENT'] ?? 'content',
    siteUrl: siteUrlFrom(process.env),
  });
}
