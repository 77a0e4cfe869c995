import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { versionFolder } from '../build/cache/disk-cache.ts';
import { codeVersion } from '../build/cache/hash.ts';
import { knownFilesFile } from '../build/cache/known-files.ts';
import { entryModule } from '../build/workers/start-worker.ts';

/**
 * Content files to parse from which a build parses and renders them in a process of its own first
 * (`NEWS_ARCHIVE_PREPARE_FROM` in tests). Below, parsing leaves little memory behind, and starting
 * a second process would cost more time than the memory is worth.
 */
export const PREPARE_FROM_FILES = 2000;

/** {@link PREPARE_FROM_FILES}, or what `NEWS_ARCHIVE_PREPARE_FROM` says instead. */
function prepareFrom(): number {
  return Number(process.env['NEWS_ARCHIVE_PREPARE_FROM'] ?? PREPARE_FROM_FILES);
}

/**
 * What the other process did: how many content files it parsed, or that it failed (the build then
 * parses them itself).
 */
export type PreparedApart = { readonly parsed: number } | { readonly failed: true };

/**
 * Before a build that must parse every file of `contentDir` (its cache knows nothing of the folder,
 * or this version of the code never opened it: after an upgrade), parses and renders its files into
 * the cache in a child process, which then ends; the build then loads them from the cache, as after
 * an edit. The memory that parsing on two threads leaves with the C library (about 300 MB at 10,000
 * articles, which a process does not give back until it ends) goes with the child, instead of
 * staying beside Pagefind until the build ends (docs/performance.md, "Preparing the cache apart").
 *
 * Returns `undefined` when the cache knows the content and has parses of this code, or the content is
 * small. Whatever the child did, the build then parses what the cache lacks itself, as before, so
 * nothing depends on the child.
 */
export async function prepareCacheApart(
  contentDir: string,
  cacheDir: string,
  from = prepareFrom(),
): Promise<PreparedApart | undefined> {
  const root = await realpath(contentDir);
  const parses = path.join(cacheDir, 'parse', versionFolder(await codeVersion()));
  if (existsSync(knownFilesFile(cacheDir, root)) && existsSync(parses)) return undefined;
  if ((await countFiles(root)) < from) return undefined;
  return parseApart(contentDir, cacheDir);
}

/**
 * After the build has read the content, parses the `changed` files (new, or with other bytes: see
 * `ChangedContent.changed`) in a process of its own when there are at least `from` of them: an
 * import of thousands of releases, or an edit of thousands at once. The build keeps what it read;
 * the child reads the changed files again, and the build then finds their parses in the cache.
 * Measured at 10,000 articles, 3,000 of them edited at once and parsed in the build: 1,122 MiB.
 */
export async function prepareChangedApart(
  contentDir: string,
  cacheDir: string,
  changed: number,
  from = prepareFrom(),
): Promise<PreparedApart | undefined> {
  return changed < from ? undefined : parseApart(contentDir, cacheDir);
}

/** Runs `prepare-cache` in a child process, which parses and renders into the cache what it lacks. */
async function parseApart(contentDir: string, cacheDir: string): Promise<PreparedApart> {
  // The same Node options (a larger heap, `--expose-gc`); from the sources, the TypeScript loader too.
  const entry = entryModule(new URL('./prepare-cache.ts', import.meta.url), 'prepare-cache');
  const loader = entry.typescript ? ['--import', import.meta.resolve('tsx')] : [];
  const args = [
    ...process.execArgv,
    ...loader,
    fileURLToPath(entry.url),
    `--content=${contentDir}`,
    `--cache=${cacheDir}`,
  ];
  const running = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  // A build stopped meanwhile stops its child too.
  const stop = () => running.kill();
  process.once('exit', stop);
  let output = '';
  running.stdout.setEncoding('utf8').on('data', (text: string) => {
    output += text;
  });
  const code = await new Promise<number | null>((resolve) => {
    running.on('error', () => resolve(null));
    running.on('close', resolve);
  });
  process.off('exit', stop);
  const parsed = code === 0 ? parsedCount(output) : undefined;
  if (parsed !== undefined) return { parsed };
  process.stderr.write(`Preparing the cache in a process of its own failed (exit ${code}): building in this one\n`);
  return { failed: true };
}

/** What the child printed last: `{"parsed":N}`. */
function parsedCount(output: string): number | undefined {
  try {
    const { parsed } = JSON.parse(output.trim().split('\n').at(-1) ?? '') as { parsed?: unknown };
    return typeof parsed === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** How many files there are under `root`. */
async function countFiles(root: string): Promise<number> {
  return (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
}
