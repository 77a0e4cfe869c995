// Eleventy configuration: wiring only. Everything it wires lives in src/.
import type { UserConfig } from '@11ty/eleventy';
import { archivePlugin } from './src/site/eleventy-plugin.ts';

export default function configure(config: UserConfig) {
  config.addPlugin(archivePlugin, {
    contentDir: process.env['NEWS_ARCHIVE_CONTENT'] ?? 'content',
    siteUrl: process.env['SITE_URL'] ?? 'http://localhost:8080',
  });
  return {
    // The output folder is not set here: the build command points Eleventy at a temporary folder.
    dir: { input: 'layouts', includes: '_includes', data: '_data' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}
