#!/usr/bin/env node
// `npm run check [-- --strict] [content-dir]`: validates all content without building the site.
import { parseArgs } from 'node:util';
import { DEFAULT_CONTENT_DIR, loadAndReport } from '../load/load-archive.ts';

const { values, positionals } = parseArgs({
  options: { strict: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const contentDir = positionals[0] ?? DEFAULT_CONTENT_DIR;
const result = await loadAndReport(contentDir, { strict: values.strict });
if (result.ok) {
  const records = result.files.length;
  process.stdout.write(`${contentDir}: ${records} files checked, no errors\n`);
} else {
  process.exitCode = 1;
}
