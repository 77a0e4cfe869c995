#!/usr/bin/env node
// `npm run check [-- --strict] [content-dir]`: validates all content without building the site.
// It shares the build's cache, so after the first run only changed files are parsed again, and a
// check of unchanged content and code prints the last check's report again without reading a file.
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../build/cache/cache-dir.ts';
// Not src/build's index, nor the loader: checking needs neither Eleventy's plugin nor Pagefind, and
// replaying a report needs no parser; the check starts faster without them.
import { checkCached } from '../build/check/check-cached.ts';
import { DEFAULT_CONTENT_DIR } from '../load/content-dir.ts';

const { values, positionals } = parseArgs({
  options: {
    strict: { type: 'boolean', default: false },
    cache: { type: 'string', default: defaultCacheDir() },
    'no-cache': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const contentDir = positionals[0] ?? DEFAULT_CONTENT_DIR;
const result = values['no-cache']
  ? await checkUncached()
  : await checkCached(contentDir, { cacheDir: values.cache, strict: values.strict });
if (result.ok) {
  process.stdout.write(`${contentDir}: ${result.files} files checked, no errors\n`);
} else {
  process.exitCode = 1;
}

async function checkUncached(): Promise<{ ok: boolean; files: number }> {
  const { loadAndReport } = await import('../load/load-archive.ts');
  const { ok, files } = await loadAndReport(contentDir, { strict: values.strict });
  return { ok, files: files.length };
}
