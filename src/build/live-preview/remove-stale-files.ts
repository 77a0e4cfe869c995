import { lstat, readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * File times come from the kernel's coarse clock, which can lag `Date.now()` by a tick (up to
 * 10 ms): a build's start is taken this much earlier, so nothing the build writes looks older.
 */
const CLOCK_SLACK_MS = 50;

/** When a build starts, as the time before which its output folder's files are stale. */
export function buildStartTime(now = Date.now()): number {
  return now - CLOCK_SLACK_MS;
}

/**
 * Removes every file under `output` that was not written since `since`, and the folders that
 * leaves empty, except in the folders named in `keep`. Eleventy writes into its output folder
 * without removing anything, so in `npm start` the page of a deleted or renamed record would
 * otherwise be served on. The change time is used, not the modification time: a copy that keeps
 * its source's modification time (the assets) still gets a new change time.
 */
export async function removeStaleFiles(output: string, since: number, keep: readonly string[] = []): Promise<void> {
  const entries = await readdir(output, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const entryPath = path.join(output, entry.name);
    if (keep.includes(entry.name)) continue;
    if (entry.isDirectory()) {
      await removeStaleFiles(entryPath, since);
      // Only an empty folder goes; one with fresh files fails to go, which is fine.
      await rmdir(entryPath).catch(() => undefined);
    } else if ((await lstat(entryPath)).ctimeMs < since) {
      await unlink(entryPath).catch(() => undefined);
    }
  }
}

/**
 * Why `output` must not be cleared of stale files, or `undefined` when it is safe: it must be a
 * folder of its own, neither the project nor a folder with sources (`sources`) in or around it.
 */
export function staleFilesRefusal(output: string, sources: readonly string[], cwd = process.cwd()): string | undefined {
  const resolved = path.resolve(output);
  if (contains(resolved, cwd)) return `${output} holds the project folder`;
  for (const source of sources) {
    if (contains(resolved, path.resolve(source)) || contains(path.resolve(source), resolved)) {
      return `${output} overlaps ${source}`;
    }
  }
  return undefined;
}

/** Whether `inner` is `outer` or inside it. */
function contains(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}
