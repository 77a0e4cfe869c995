#!/usr/bin/env node
// `npm run check [-- --strict] [content-dir]`: validates all content without building the site.
// It shares the build's cache, so after the first run only changed files are parsed again.
import { parseArgs } from 'node:util';
// Not src/build's index: checking needs neither Eleventy's plugin nor Pagefind, and starts faster without them.
import { buildArchiveCached } from '../build/build-archive-cached.ts';
import { DEFAULT_CONTENT_DIR, loadAndReport } from '../load/load-archive.ts';
import type { SourceFile } from '../parse/source-file.ts';

const { values, positionals } = parseArgs({
  options: {
    strict: { type: 'boolean', default: false },
    cache: { type: 'string', default: process.env['NEWS_ARCHIVE_CACHE'] ?? '.cache/news-archive' },
    'no-cache': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const contentDir = positionals[0] ?? DEFAULT_CONTENT_DIR;
const cacheDir = values.cache;
const cached = values['no-cache']
  ? {}
  : { build: (sources: readonly SourceFile[]) => buildArchiveCached(sources, { cacheDir }) };
const result = await loadAndReport(contentDir, { strict: values.strict, ...cached });
if (result.ok) {
  const records = result.files.length;
  process.stdout.write(`${contentDir}: ${records} files checked, no errors\n`);
} else {
  process.exitCode = 1;
}
