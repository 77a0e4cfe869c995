import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Paths used while replacing an output folder. */
interface Staging {
  readonly output: string;
  readonly temporary: string;
  readonly previous: string;
}

function stagingFor(output: string, id: string): Staging {
  const directory = path.dirname(output);
  const base = path.basename(output);
  return {
    output,
    temporary: path.join(directory, `.${base}.building-${id}`),
    previous: path.join(directory, `.${base}.previous-${id}`),
  };
}

/**
 * Builds into a sibling folder and swaps it in only when `build` succeeded, so `output` is always
 * either the last good site or the new one. A swap interrupted between its two renames is
 * repaired on the next run, before anything else is touched.
 */
export async function writeAtomically(output: string, build: (temporary: string) => Promise<void>): Promise<void> {
  await recoverInterruptedSwap(output);
  const staging = stagingFor(path.resolve(output), `${process.pid}-${Date.now()}`);
  try {
    await build(staging.temporary);
  } catch (error) {
    await rm(staging.temporary, { recursive: true, force: true });
    throw error;
  }
  const hadOutput = existsSync(staging.output);
  if (hadOutput) await rename(staging.output, staging.previous);
  await rename(staging.temporary, staging.output);
  if (hadOutput) await rm(staging.previous, { recursive: true, force: true });
}

/** Restores the previous site if a swap was cut off, and removes leftovers of killed builds. */
export async function recoverInterruptedSwap(output: string): Promise<void> {
  const resolved = path.resolve(output);
  const directory = path.dirname(resolved);
  const base = path.basename(resolved);
  const entries = existsSync(directory) ? await readdir(directory) : [];
  const previous = entries.filter((name) => name.startsWith(`.${base}.previous-`)).sort();
  const newestPrevious = previous.at(-1);
  if (!existsSync(resolved) && newestPrevious !== undefined) {
    await rename(path.join(directory, newestPrevious), resolved);
  }
  for (const name of entries) {
    if (name.startsWith(`.${base}.building-`) || name.startsWith(`.${base}.previous-`)) {
      await rm(path.join(directory, name), { recursive: true, force: true });
    }
  }
}
