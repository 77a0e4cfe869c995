#!/usr/bin/env node
// `npm run build [-- --pathprefix=/archive/ --output=_site --content=content]`: validates the content,
// then renders the site into a temporary folder that replaces the output only on success.
import { parseArgs } from 'node:util';
import { DEFAULT_CONTENT_DIR, loadAndReport } from '../load/load-archive.ts';
import { recoverInterruptedSwap, type SwapStage } from './atomic-output.ts';
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

// Repair a swap cut off by a killed build first, even if this build is refused below.
await recoverInterruptedSwap(values.output);

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
    onStage: pauseAt(process.env['NEWS_ARCHIVE_PAUSE_AT']),
  });
  process.stdout.write(`Built ${values.output}/ from ${values.content}/ (path prefix ${values.pathprefix})\n`);
} catch (error) {
  process.stderr.write(`Build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.stderr.write(`${values.output}/ was left as it was.\n`);
  process.exit(1);
}

/**
 * `NEWS_ARCHIVE_PAUSE_AT=swapping` stops the build at that stage of the swap and waits to be killed,
 * so tests can interrupt a real build exactly there (see docs/security.md).
 */
function pauseAt(stage: string | undefined): ((reached: SwapStage) => Promise<void>) | undefined {
  if (stage === undefined || stage === '') return undefined;
  return async (reached) => {
    if (reached !== stage) return;
    process.stderr.write(`paused at ${reached}\n`);
    await new Promise(() => setInterval(() => undefined, 60_000));
  };
}
