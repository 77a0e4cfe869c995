// The commands' code compiled by esbuild into one JavaScript file per command (see run.mjs), and
// compiled again whenever a file under src/ changes. Plain JavaScript, run without a loader.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Each command's source, and the worker thread the build starts (build/workers/worker-pool.ts). */
export const ENTRIES = {
  build: 'src/cli/build.ts',
  check: 'src/cli/check.ts',
  'prepare-cache': 'src/cli/prepare-cache.ts',
  'archive-worker': 'src/build/workers/archive-worker.ts',
  'search-ahead-worker': 'src/build/search/search-ahead-worker.ts',
  'searched-copies-worker': 'src/build/search/searched-copies-worker.ts',
  'site-presence-worker': 'src/build/plan/site-presence-worker.ts',
  'link-scan-worker': 'src/cli/link-scan-worker.ts',
};

/** Compiled code of older sources kept beside the newest: a build that started on them may still start workers. */
const KEPT_VERSIONS = 4;

/**
 * A hash of every file under `src/` as the file system describes it: path, size, modification and
 * change times. An edit, a checkout or a restored file changes one of them, so the code is compiled
 * again; reading the files' bytes instead would cost more than the compiled code saves.
 */
export function sourceStamp(root = ROOT) {
  const hash = createHash('sha256');
  const files = readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    const stats = statSync(file);
    hash.update(`${path.relative(root, file)}\0${stats.size}\0${stats.mtimeMs}\0${stats.ctimeMs}\n`);
  }
  hash.update(process.version);
  return hash.digest('hex').slice(0, 16);
}

/** Where compiled code is kept: node_modules/.cache, where tools keep what they make from the project. */
export const COMPILED_FOLDER = path.join(ROOT, 'node_modules', '.cache', 'news-archive', 'compiled');

/**
 * The folder, under `folder`, of the code compiled from the sources under `root` as they are now;
 * compiled first if it is not there.
 */
export async function compiledCode(root = ROOT, folder = COMPILED_FOLDER) {
  const target = path.join(folder, sourceStamp(root));
  if (existsSync(path.join(target, 'build.mjs'))) return target;
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  const esbuild = await import('esbuild');
  // esbuild's service process would otherwise live as long as the command: about 36 MB beside the
  // whole build that follows a change of code.
  await esbuild
    .build({
      absWorkingDir: root,
      entryPoints: ENTRIES,
      outdir: temporary,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      // Code a command imports only when it needs it (`npm run build` loads Eleventy and the parsers
      // once there is something to build) stays in files of its own, loaded as late. They are in
      // the entries' folder, so a worker thread's file is found beside the code that starts it.
      splitting: true,
      // Dependencies load from node_modules as they do from the sources.
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Not read by default: `NODE_OPTIONS=--enable-source-maps` makes stack traces name the sources.
      sourcemap: 'linked',
      logLevel: 'error',
    })
    .finally(() => esbuild.stop());
  try {
    renameSync(temporary, target);
  } catch (error) {
    // Another command compiled the same sources meanwhile: its code is the same.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(path.join(target, 'build.mjs'))) throw error;
  }
  removeOlderVersions(folder, target);
  return target;
}

/** An hour: what a compile that was stopped left behind, and never one still running (0.3 s). */
const ABANDONED_MS = 60 * 60 * 1000;

function removeOlderVersions(folder, current) {
  // Another command may be removing some of them at the same moment: one gone is no error.
  const timeOf = (entry) => statSync(entry, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
  const entries = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const entry of entries.filter(({ name }) => name.endsWith('.tmp'))) {
    const abandoned = path.join(folder, entry.name);
    if (Date.now() - timeOf(abandoned) > ABANDONED_MS) rmSync(abandoned, { recursive: true, force: true });
  }
  const versions = entries
    .filter((entry) => !entry.name.endsWith('.tmp'))
    .map((entry) => path.join(folder, entry.name))
    .filter((version) => version !== current)
    .map((version) => ({ version, time: timeOf(version) }))
    .sort((a, b) => b.time - a.time);
  for (const { version } of versions.slice(KEPT_VERSIONS - 1)) rmSync(version, { recursive: true, force: true });
}
