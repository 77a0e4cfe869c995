#!/usr/bin/env node
// `npm run build [-- --pathprefix=/archive/ --output=_site --content=content --search-processes=1 --render-batch-mb=40 --force --wait=600]`:
// validates the content, then renders the site into a temporary folder that replaces the output only on success.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../build/cache/cache-dir.ts';
// Up front, only what finding that nothing changed needs: the parsers, the linker and Eleventy
// (about 1 s of imports) are loaded once there is something to build.
import { codeVersion } from '../build/cache/hash.ts';
import { readContentThroughCache } from '../build/cache/known-files.ts';
import {
  builtFingerprints,
  encodeFingerprintsAhead,
  recordSite,
  siteInputs,
  upToDate,
} from '../build/cache/site-manifest.ts';
import type { ShardsReadAhead } from '../build/search/search-index.ts';
import type { PlainRecord } from '../build/workers/worker-jobs.ts';
import { DEFAULT_CONTENT_DIR } from '../load/content-dir.ts';
import { ContentChangedError, type ContentFile, readContent } from '../load/read-content.ts';
import { siteUrlFrom } from '../site/publish.ts';
import { recoverInterruptedSwap, type SwapStage } from './atomic-output.ts';
import type { BuildStage } from './build-site.ts';
import { failureMessage } from './failure-message.ts';
import { outputRefusal } from './output-guard.ts';
import { DEFAULT_LOCK_WAIT_MS, lockOutput, OutputLockError } from './output-lock.ts';
import { prepareCacheApart, prepareChangedApart } from './prepare-cache-apart.ts';
import { UpdateUndoneError } from './update-in-place.ts';

const { values } = parseArgs({
  options: {
    pathprefix: { type: 'string', default: '/' },
    output: { type: 'string', default: '_site' },
    content: { type: 'string', default: process.env['NEWS_ARCHIVE_CONTENT'] ?? DEFAULT_CONTENT_DIR },
    strict: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    cache: { type: 'string', default: defaultCacheDir() },
    'no-cache': { type: 'boolean', default: false },
    'search-processes': { type: 'string' },
    'render-batch-mb': { type: 'string' },
    'render-batch-pages': { type: 'string' },
    force: { type: 'boolean', default: false },
    wait: { type: 'string' },
  },
});
const cacheDir = values['no-cache'] ? undefined : values.cache;
const searchProcesses = wholeNumber('search-processes', values['search-processes']);
const waitSeconds = wholeNumber('wait', values.wait, 0);
// Record pages per Eleventy run (their view-models in MiB, and their count): more renders in fewer
// runs, with more memory. Defaults: RENDER_BATCH_LIMITS (render-plan.ts).
const renderBatchMiB = wholeNumber('render-batch-mb', values['render-batch-mb']);
const renderBatchPages = wholeNumber('render-batch-pages', values['render-batch-pages']);

// The output folder is replaced as a whole: never a source, nor a folder of someone else's files.
const { output, content, force } = values;
const refusal = outputRefusal({ output, content, cache: cacheDir, force, project: process.cwd() });
if (refusal !== undefined) {
  process.stderr.write(`Build refused: ${refusal}\n`);
  process.exit(2);
}
if (!existsSync(content)) {
  process.stderr.write(`Build refused: there is no content folder ${content}/: give one with --content=FOLDER\n`);
  process.exit(2);
}
// One build at a time per output: the lock is held until this process ends.
const lock = await lockOutput(values.output, {
  waitMs: waitSeconds === undefined ? DEFAULT_LOCK_WAIT_MS : waitSeconds * 1000,
  onWait: (owner) =>
    process.stderr.write(
      `Waiting for the build of ${owner ? `pid ${owner.pid}` : 'another process'} to finish with ${values.output}/ (--wait=SECONDS to change how long)\n`,
    ),
}).catch((error: unknown) => {
  if (!(error instanceof OutputLockError)) throw error;
  process.stderr.write(`Build refused: ${error.message}\n`);
  process.exit(1);
});

// Repair a swap cut off by a killed build first, even if this build is refused below.
await recoverInterruptedSwap(values.output);

// Reads, checks and links the content; the raw bytes are dropped once read, so they do not stay in memory.
async function load() {
  // A build that must parse everything (the first with the cache, or after an upgrade of the code)
  // parses in another process, whose memory goes when it ends; so does one that finds thousands of
  // files changed once it has read them.
  const early = cacheDir === undefined ? undefined : await prepareCacheApart(values.content, cacheDir);
  const {
    files: sources,
    read,
    changed,
  } = cacheDir === undefined
    ? { files: await readContent(path.resolve(values.content)), read: undefined, changed: 0 }
    : await readContentThroughCache(values.content, cacheDir);
  const prepared =
    early ?? (cacheDir === undefined ? undefined : await prepareChangedApart(values.content, cacheDir, changed));
  const apart = prepared && 'parsed' in prepared ? prepared.parsed : undefined;
  const reading = read === undefined ? undefined : { read, of: sources.length, apart };
  // Everything the site depends on besides content and code.
  const options = { pathPrefix: values.pathprefix, strict: values.strict, siteUrl: siteUrlFrom(process.env) };
  const inputs = cacheDir === undefined ? undefined : siteInputs(sources, await codeVersion(), options);
  const unchanged = cacheDir && inputs ? await upToDate(cacheDir, values.output, inputs) : undefined;
  if (unchanged) return { unchanged, inputs };
  // Eleventy too, before the archive is in memory: loaded after, its modules add to the build's peak.
  const [
    { loadAndReport },
    { buildArchiveCached },
    { withoutPositions },
    { buildSite },
    { readAheadFor },
    { urlOfRecord },
    { sitePresenceAhead },
  ] = await Promise.all([
    import('../load/load-archive.ts'),
    import('../build/build-archive-cached.ts'),
    import('../pipeline/build-archive.ts'),
    import('./build-site.ts'),
    import('../build/search/search-ahead.ts'),
    import('../link/urls.ts'),
    import('../build/plan/site-presence.ts'),
  ]);
  // With the cache, record pages and search shards that did not change are taken from the last build.
  const previous = cacheDir ? await builtFingerprints(cacheDir, values.output) : undefined;
  // Whether the previous site still has all its files is looked up on another thread meanwhile.
  const presence = previous && sitePresenceAhead(path.resolve(values.output), previous);
  // The shards that hold the pages of the changed files are read while the archive loads.
  let searchAhead: ShardsReadAhead | undefined;
  const onRead = (records: readonly PlainRecord[]) => {
    if (previous?.shards === undefined) return;
    searchAhead = readAheadFor(values.output, previous.shards, records.map(urlOfRecord));
  };
  const result = await loadAndReport(values.content, {
    strict: values.strict,
    sources,
    ...(cacheDir === undefined
      ? {}
      : { build: (read: readonly ContentFile[]) => buildArchiveCached(read, { cacheDir, onRead }) }),
  }).catch(async (error: unknown) => {
    await searchAhead?.close();
    throw error;
  });
  // The messages are printed: the site needs no positions, and nothing here keeps the original.
  const archive = result.ok && result.archive ? withoutPositions(result.archive) : undefined;
  if (archive === undefined) await searchAhead?.close();
  const present = await presence;
  return { archive, report: result.report, inputs, buildSite, reading, previous, present, searchAhead };
}

const { unchanged, archive, report, inputs, buildSite, reading, previous, present, searchAhead } = await load().catch(
  (error: unknown) => {
    if (!(error instanceof ContentChangedError)) throw error;
    process.stderr.write(`Build refused: ${error.message}. ${values.output}/ was left as it was.\n`);
    process.exit(1);
  },
);
if (unchanged) {
  if (unchanged.report !== '') process.stderr.write(`${unchanged.report}\n`);
  process.stdout.write(`${values.output}/ is up to date with ${values.content}/: nothing changed since it was built\n`);
  process.exit(0);
}
if (!archive || !buildSite) {
  process.stderr.write(`Build refused: fix the problems above. ${values.output}/ was left as it was.\n`);
  process.exit(1);
}

const pause = pauseAt(process.env['NEWS_ARCHIVE_PAUSE_AT']);
let swapReached: SwapStage | undefined;
try {
  const built = await buildSite({
    archive,
    output: values.output,
    siteUrl: siteUrlFrom(process.env),
    pathPrefix: values.pathprefix,
    verbose: values.verbose,
    onStage: async (stage) => {
      if (stage === 'swapping' || stage === 'swapped') swapReached = stage;
      await pause?.(stage);
    },
    // Recorded before a swap, so a cache that cannot be written fails the build while the old site is
    // in place; after an update in place, whose site no earlier record describes.
    ...(cacheDir && inputs
      ? {
          recordSite: (site, done, ahead) =>
            recordSite(cacheDir, values.output, inputs, report ?? '', done.fingerprints, site, ahead),
          encodeRecordAhead: encodeFingerprintsAhead,
        }
      : {}),
    beforeRename: lock.assertHeld,
    ...(searchProcesses === undefined ? {} : { searchProcesses }),
    ...(renderBatchMiB === undefined ? {} : { renderBatchBytes: renderBatchMiB * 2 ** 20 }),
    ...(renderBatchPages === undefined ? {} : { renderBatchPages }),
    ...(searchAhead === undefined ? {} : { searchAhead }),
    ...(cacheDir
      ? {
          incremental: {
            codeVersion: await codeVersion(),
            ...(previous ? { previous } : {}),
            ...(present ? { present } : {}),
          },
        }
      : {}),
  });
  process.stdout.write(`Built ${values.output}/ from ${values.content}/ (path prefix ${values.pathprefix})\n`);
  if (reading?.apart !== undefined) {
    process.stdout.write(
      `Parsed and rendered ${reading.apart} content files in a process of its own first, whose memory went when it ended\n`,
    );
  } else if (reading && reading.read < reading.of) {
    process.stdout.write(
      `Read ${reading.read} of ${reading.of} content files: the others had not changed since a build read them\n`,
    );
  }
  const { reuse } = built;
  if (reuse?.textEdits !== undefined) {
    const records = reuse.textEdits === 1 ? '1 record' : `${reuse.textEdits} records`;
    process.stdout.write(`Only the text of ${records} changed: the rest of the site was kept as it was\n`);
  }
  if (reuse?.nameEdit !== undefined) {
    const { records, views } = reuse.nameEdit;
    const renamed = records === 1 ? '1 record' : `${records} records`;
    process.stdout.write(
      `Only names, summaries or dates (and texts) changed, of ${renamed}: ${views} record pages show them, the rest was kept\n`,
    );
  }
  if (reuse && reuse.pages.reused + reuse.searchShards.reused + reuse.files.reused > 0) {
    const { pages, searchShards: shards, files } = reuse;
    process.stdout.write(
      `Kept what did not change: ${pages.reused} record pages (${pages.rendered} rendered), ` +
        `${shards.reused} search index shards (${shards.indexed} indexed${readAheadNote(shards.readAhead)}), ` +
        `${files.reused} feed and data files (${files.written} written)\n`,
    );
  }
} catch (error) {
  // How far the swap got decides what the message says of the output: only before it is it untouched.
  const after =
    swapReached === undefined || error instanceof UpdateUndoneError
      ? 'unchanged'
      : existsSync(values.output)
        ? 'replaced'
        : 'missing';
  process.stderr.write(`${failureMessage(error, values.output, after)}\n`);
  process.exit(1);
}

/** How many shards were indexed from pages read ahead, if any, as the build's message says it. */
function readAheadNote(shards: number): string {
  return shards === 0 ? '' : `, ${shards} from pages read ahead`;
}

/** A whole number of `least` (1 unless given) or more given as `--name=N`; anything else stops the command with a message. */
function wholeNumber(name: string, given: string | undefined, least = 1): number | undefined {
  if (given === undefined) return undefined;
  if (/^\d+$/.test(given) && Number(given) >= least) return Number(given);
  process.stderr.write(`--${name}=${given} is not a whole number of ${least} or more: give one, e.g. --${name}=1\n`);
  process.exit(2);
}

/**
 * `NEWS_ARCHIVE_PAUSE_AT=swapping` stops the build at that stage and waits to be killed, or to be
 * stopped and continued (SIGSTOP, SIGCONT), so tests can interrupt a real build exactly there (see
 * docs/security.md).
 */
function pauseAt(stage: string | undefined): ((reached: BuildStage) => Promise<void>) | undefined {
  if (stage === undefined || stage === '') return undefined;
  return async (reached) => {
    if (reached !== stage) return;
    const alive = setInterval(() => undefined, 60_000);
    const continued = new Promise((resolve) => process.once('SIGCONT', resolve));
    process.stderr.write(`paused at ${reached}\n`);
    await continued;
    clearInterval(alive);
  };
}
