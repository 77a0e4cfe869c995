import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { syncFile, syncTree } from '../util/flush.ts';
import { isProcessAlive } from '../util/process-alive.ts';
import { removeInBackground } from '../util/remove-in-background.ts';
import { finishInterruptedUpdate, type KeptPaths, UpdateUndoneError, updateInPlace } from './update-in-place.ts';

/** Paths used while replacing an output folder. */
interface Staging {
  readonly output: string;
  readonly temporary: string;
  readonly previous: string;
  /** Where the replaced site is deleted from, after the swap. */
  readonly removing: string;
  /** The journal of an update in place (see update-in-place.ts). */
  readonly journal: string;
  /** Where an update in place sets the files it replaces or drops. */
  readonly aside: string;
}

/**
 * Points in a swap where a build can be stopped: the new site is complete (`built`), the old one has
 * been moved aside and the output folder is briefly missing (`swapping`), the new one is in place
 * but the old one not yet removed (`swapped`). In an update in place, `swapping` is halfway through
 * moving the new files in.
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
  /** Called once an update in place is complete (see {@link writeAtomically}). Default: nothing. */
  readonly afterUpdate?: () => Promise<void> | void;
}

function stagingFor(output: string, id: string): Staging {
  const directory = path.dirname(output);
  const base = path.basename(output);
  return {
    output,
    temporary: path.join(directory, `.${base}.building-${id}`),
    previous: path.join(directory, `.${base}.previous-${id}`),
    removing: path.join(directory, `.${base}.removing-${id}`),
    journal: path.join(directory, `.${base}.updating-${id}`),
    aside: path.join(directory, `.${base}.replaced-${id}`),
  };
}

/**
 * Builds into a sibling folder and swaps it in only when `build` succeeded, so `output` is always
 * either the last good site or the new one. The new site is flushed to disk before the swap, so a
 * power cut cannot leave a swapped-in folder of empty files. Between the two renames `output` is
 * missing for a moment; a swap interrupted there is undone by {@link recoverInterruptedSwap}, which
 * runs first on the next build.
 *
 * A build that returns what it kept of the previous site wrote only the new and changed files: the
 * site in `output` is then updated in place (update-in-place.ts), once the build succeeded. While
 * the files move in, a reader sees each page old or new; an update interrupted there is finished by
 * the next build.
 */
export async function writeAtomically(
  output: string,
  build: (temporary: string) => Promise<KeptPaths | undefined>,
  options: AtomicOptions = {},
): Promise<void> {
  await recoverInterruptedSwap(output);
  const staging = stagingFor(path.resolve(output), `${process.pid}-${Date.now()}`);
  let kept: KeptPaths | undefined;
  try {
    kept = await build(staging.temporary);
    if (kept && !existsSync(staging.output)) {
      throw new Error(`${output} was removed while the build was updating it: build again`);
    }
    // A build that made nothing new wrote no folder.
    if (kept) await mkdir(staging.temporary, { recursive: true });
    await syncTree(staging.temporary);
    await options.onStage?.('built');
    await options.beforeSwap?.();
  } catch (error) {
    await rm(staging.temporary, { recursive: true, force: true });
    throw error;
  }
  if (kept) return update(staging, kept, options);
  const hadOutput = existsSync(staging.output);
  if (hadOutput) await rename(staging.output, staging.previous);
  await options.onStage?.('swapping');
  await rename(staging.temporary, staging.output);
  await syncFile(path.dirname(staging.output));
  await options.onStage?.('swapped');
  if (hadOutput) await discard(staging);
}

/**
 * Updates the previous site in place with the new and changed files of `staging.temporary` (see
 * update-in-place.ts), then removes that folder, which holds only folders and the links the search
 * index needed, with the files the update replaced or dropped.
 */
async function update(staging: Staging, kept: KeptPaths, options: AtomicOptions): Promise<void> {
  const { aside } = staging;
  try {
    await updateInPlace(staging, kept, () => options.onStage?.('swapping'));
  } catch (error) {
    // Undone: nothing of this build is left in the output, and nothing of it need be kept.
    if (error instanceof UpdateUndoneError) await rm(staging.temporary, { recursive: true, force: true });
    throw error;
  }
  await options.onStage?.('swapped');
  await options.afterUpdate?.();
  await mkdir(aside, { recursive: true });
  await rename(staging.temporary, path.join(aside, path.basename(staging.temporary)));
  await rename(aside, staging.removing);
  removeInBackground(staging.removing);
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
  const ofDeadBuild = (stage: LeftoverStage) =>
    leftoversIn(entries, base, stage)
      .filter((leftover) => !isProcessAlive(leftover.pid))
      .sort((a, b) => a.time - b.time)
      .map(({ name }) => name);
  // An update stopped halfway is finished first, from its build's folder, which is removed below
  // with the files it set aside.
  for (const journal of ofDeadBuild('updating')) await finishInterruptedUpdate(resolved, path.join(directory, journal));
  const previous = ofDeadBuild('previous');
  const restore = existsSync(resolved) ? undefined : previous.at(-1);
  if (restore !== undefined) await rename(path.join(directory, restore), resolved);
  for (const name of [...ofDeadBuild('building'), ...previous]) {
    if (name !== restore) await rm(path.join(directory, name), { recursive: true, force: true });
  }
  for (const name of ofDeadBuild('replaced')) removeInBackground(path.join(directory, name));
  for (const name of entries) {
    // A site being removed is out of the way already, and an earlier build's remover may still be
    // at work on it: removed in the background, it does not hold this build up.
    if (name.startsWith(`.${base}.removing-`)) removeInBackground(path.join(directory, name));
  }
}

/** What a build leaves beside its output folder at each stage, named `.<base>.<stage>-<pid>-<time>`. */
export type LeftoverStage = 'building' | 'previous' | 'updating' | 'replaced';

/** A leftover beside an output folder, and the pid and start time of the build that left it. */
export interface Leftover {
  readonly name: string;
  readonly pid: number;
  readonly time: number;
}

/** The leftovers at `stage` beside the output folder `output` (for `npm run preview`, which only reads). */
export function leftoversBeside(output: string, stage: LeftoverStage): Leftover[] {
  const { dir, base } = path.parse(path.resolve(output));
  return existsSync(dir) ? leftoversIn(readdirSync(dir), base, stage) : [];
}

function leftoversIn(entries: readonly string[], base: string, stage: LeftoverStage): Leftover[] {
  return entries.flatMap((name) => {
    const leftover = parseLeftover(base, stage, name);
    return leftover ? [{ name, ...leftover }] : [];
  });
}

/** The build pid and time in a leftover's name, `.<base>.<stage>-<pid>-<time>`; `undefined` for any other name. */
function parseLeftover(base: string, stage: string, name: string): { pid: number; time: number } | undefined {
  const prefix = `.${base}.${stage}-`;
  const match = name.startsWith(prefix) ? /^(\d+)-(\d+)$/.exec(name.slice(prefix.length)) : null;
  return match ? { pid: Number(match[1]), time: Number(match[2]) } : undefined;
}
