import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '../../util/process-alive.ts';

const PREFIX = 'archive-search-';
const OWNED = new RegExp(`^${PREFIX}(\\d+)-`);

/**
 * Makes the temporary folder of one Pagefind run. Its name carries this process's id, so that once
 * the process is gone (a killed build never removes its own) a later build can tell it is abandoned.
 */
export function makeSearchFolder(directory: string = tmpdir()): string {
  return mkdtempSync(path.join(directory, `${PREFIX}${process.pid}-`));
}

/**
 * Removes the search folders of processes that no longer run and returns their names. A folder of a
 * running process, or one whose owner cannot be told, is kept.
 */
export function removeAbandonedSearchFolders(
  directory: string = tmpdir(),
  isRunning: (pid: number) => boolean = isProcessAlive,
): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = Number(OWNED.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || isRunning(pid)) continue;
    try {
      rmSync(path.join(directory, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Another user's folder, in a shared temporary folder: theirs to remove.
    }
  }
  return removed;
}
