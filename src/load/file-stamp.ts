import type { Stats } from 'node:fs';

/**
 * What `stat` says of a file, as one string: two stamps alike mean the same file, unchanged. Every
 * write to a file sets its change time (`ctime`) to the clock's time, and no tool can set it back
 * (`touch`, `cp -p` and `rsync -a` set only `mtime`); a file replaced by another has a new inode.
 */
export function stampOf(stats: Stats): string {
  return `${stats.size} ${stats.mtimeMs} ${stats.ctimeMs} ${stats.ino} ${stats.dev} ${stats.mode}`;
}

// More than a tick of the coarsest clock of a common file system (FAT's 2 s): a file whose change
// time is that far behind the clock cannot change again without its change time moving.
const SETTLE_MS = 3000;

/**
 * Whether a file's stamp, taken at `now`, vouches for its content from then on. A file changed
 * within a tick of the file system's clock may change again in the same tick, so that its times
 * stay the same while its content does not: only a file changed longer ago than that has settled.
 */
export function hasSettled(stats: Pick<Stats, 'ctimeMs'>, now: number): boolean {
  return stats.ctimeMs < now - SETTLE_MS;
}
