import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { isProcessAlive } from '../util/process-alive.ts';
import { removeInBackground } from '../util/remove-in-background.ts';

/** Paths used while replacing an output folder. */
interface Staging {
  readonly output: string;
  readonly temporary: string;
  readonly previous: string;
  /** Where the replaced site is deleted from, after the swap. */
  readonly removing: string;
}

/**
 * Points in a swap where a build can be stopped: the new site is complete (`built`), the old one has
 * been moved aside and the output folder is briefly missing (`swapping`), the new one is in place
 * but the old one not yet removed (`swapped`).
 */
export type SwapStage = 'built' | 'swapping' | 'swapped';

/** Options of {@link writeAtomically}. */
export interface AtomicOptions {
  /** Called at each stage of the swap; tests use it to stop a real build there. Default: nothing. */
  readonly onStage?: (stage: SwapStage) => Promise<void> | void;
  /**
   * Called when the new site is complete, just before the swap; throwing stops the swap and deletes
   * the new site. The build checks there that it still holds the output's lock. Default: nothing.
   */
  readonly beforeSwap?: () => Promise<void> | void;
}

function stagingFor(output: string, id: string): Staging {
  const directory = path.dirname(output);
  const base = path.basename(output);
  return {
    output,
    temporary: path.join(directory, `.${base}.building-${id}`),
    previous: path.join(directory, `.${base}.previous-${id}`),
    removing: path.join(directory, `.${base}.removing-${id}`),
  };
}

/**
 * Builds into a sibling folder and swaps it in only when `build` succeeded, so `output` is always
 * either the last good site or the new one. The new site is flushed to disk before the swap, so a
 * power cut cannot leave a swapped-in folder of empty files. Between the two renames `output` is
 * missing for a moment; a swap interrupted there is undone by {@link recoverInterruptedSwap}, which
 * runs first on the next build.
 */
export async function writeAtomically(
  output: string,
  build: (temporary: string) => Promise<void>,
  options: AtomicOptions = {},
): Promise<void> {
  await recoverInterruptedSwap(output);
  const staging = stagingFor(path.resolve(output), `${process.pid}-${Date.now()}`);
  try {
    await build(staging.temporary);
    await syncTree(staging.temporary);
    await options.onStage?.('built');
    await options.beforeSwap?.();
  } catch (error) {
    await rm(staging.temporary, { recursive: true, force: true });
    throw error;
  }
  const hadOutput = existsSync(staging.output);
  if (hadOutput) await rename(staging.output, staging.previous);
  await options.onStage?.('swapping');
  await rename(staging.temporary, staging.output);
  await syncFile(path.dirname(staging.output));
  await options.onStage?.('swapped');
  if (hadOutput) await discard(staging);
}

/**
 * Removes the replaced site without making the build wait for it: tens of thousands of files take
 * seconds to delete. The folder is first renamed to a `.removing-` name, which recovery deletes but
 * never restores, so a half-deleted site can never come back as the output. A removal cut short is
 * finished by the next build's {@link recoverInterruptedSwap}.
 */
async function discard(staging: Staging): Promise<void> {
  await rename(staging.previous, staging.removing);
  if (process.platform === 'win32') return rm(staging.removing, { recursive: true, force: true });
  removeInBackground(staging.removing);
}

const run = promisify(execFile);

/**
 * Restores the previous site if a swap was cut off, and removes leftovers of killed builds and
 * replaced sites. Only what a dead process left is touched: a temporary or previous folder is named
 * after the pid of its build, and one whose build still runs is kept (call it holding the output's
 * lock, so no live build is between its two renames).
 */
export async function recoverInterruptedSwap(output: string): Promise<void> {
  const resolved = path.resolve(output);
  const directory = path.dirname(resolved);
  const base = path.basename(resolved);
  const entries = existsSync(directory) ? await readdir(directory) : [];
  const ofDeadBuild = (stage: 'building' | 'previous') =>
    entries
      .map((name) => ({ name, leftover: parseLeftover(base, stage, name) }))
      .filter(({ leftover }) => leftover !== undefined && !isProcessAlive(leftover.pid))
      .sort((a, b) => (a.leftover?.time ?? 0) - (b.leftover?.time ?? 0))
      .map(({ name }) => name);
  const previous = ofDeadBuild('previous');
  const restore = existsSync(resolved) ? undefined : previous.at(-1);
  if (restore !== undefined) await rename(path.join(directory, restore), resolved);
  for (const name of [...ofDeadBuild('building'), ...previous]) {
    if (name !== restore) await rm(path.join(directory, name), { recursive: true, force: true });
  }
  for (const name of entries) {
    // A site being removed is out of the way already, and an earlier build's remover may still be
    // at work on it: removed in the background, it does not hold this build up.
    if (name.startsWith(`.${base}.removing-`)) removeInBackground(path.join(directory, name));
  }
}

/** The build pid and time in a leftover's name, `.<base>.<stage>-<pid>-<time>`; `undefined` for any other name. */
function parseLeftover(base: string, stage: string, name: string): { pid: number; time: number } | undefined {
  const prefix = `.${base}.${stage}-`;
  const match = name.startsWith(prefix) ? /^(\d+)-(\d+)$/.exec(name.slice(prefix.length)) : null;
  return match ? { pid: Number(match[1]), time: Number(match[2]) } : undefined;
}

/** Flushes every file and folder under `directory` to disk. */
async function syncTree(directory: string): Promise<void> {
  if (await syncFileSystem(directory)) return;
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (entry.isFile() || entry.isDirectory()) await syncFile(path.join(entry.parentPath, entry.name));
  }
  await syncFile(directory);
}

/**
 * Flushes the whole file system holding `directory` with one syncfs(2) (`sync -f`, Linux): for a
 * site of tens of thousands of files that is seconds faster than an fsync per file. `false` where
 * it is not available, so the caller flushes file by file.
 */
async function syncFileSystem(directory: string): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  try {
    await run('sync', ['-f', directory]);
    return true;
  } catch {
    return false;
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
