#!/usr/bin/env node
// `npm run build [-- --pathprefix=/archive/ --output=_site --content=content]`: validates the content,
// then renders the site into a temporary folder that replaces the output only on success.
import { parseArgs } from 'node:util';
import { DEFAULT_CONTENT_DIR, loadAndReport } from '../load/load-archive.ts';
import { buildSite } from './build-site.ts';

const { values } = parseArgs({
  options: {
    pathprefix: { type: 'string', default: '/' },
    output: { type: 'string', default: '_site' },
    content: { type: 'string', default: process.env['NEWS_ARCHIVE_CONTENT'] ?? DEFAULT_CONTENT_DIR },
    strict: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const result = await loadAndReport(values.content, { strict: values.strict });
if (!result.ok || !result.archive) {
  process.stderr.write(`Build refused: fix the problems above. ${values.output}/ was left as it was.\n`);
  process.exit(1);
}

try {
  await buildSite({
    archive: result.archive,
    output: values.output,
    pathPrefix: values.pathprefix,
    verbose: values.verbose,
  });
  process.stdout.write(`Built ${values.output}/ from ${values.content}/ (path prefix ${values.pathprefix})\n`);
} catch (error) {
  process.stderr.write(`Build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.stderr.write(`${values.output}/ was left as it was.\n`);
  process.exit(1);
}
