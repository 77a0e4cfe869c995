import { createHash } from 'node:crypto';
import { type BigIntStats, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** What the files under a content folder look like on disk, without reading them. */
export interface ContentStamp {
  /** Hash of every file's path, size, times, inode and mode. */
  readonly hash: string;
  /**
   * The files (relative to the folder) changed shortly before the stamp was taken. A file changed
   * within a tick of the file system's clock may change again in the same tick, so that its times
   * stay the same while its content does not: the stamp vouches only for the other files.
   */
  readonly unsettled: readonly string[];
}

// More than a tick of the coarsest clock of a common file system (FAT's 2 s): a file whose change
// time is that far behind the stamp's cannot change again without its change time moving.
const SETTLE_NS = 3_000_000_000n;

/**
 * Stamps the files under `root` as `stat` sees them; `undefined` when the folder holds a symbolic
 * link or anything but files and folders, whose content a stamp cannot vouch for. Every write to a
 * file sets its change time (`ctime`) to the clock's time, and no tool can set it back (`touch`,
 * `cp -p` and `rsync -a` set only `mtime`), so an unchanged stamp means unchanged files, but for
 * those it lists as unsettled.
 * Taking it costs one `lstat` a file: reading 25,000 files costs three times as much.
 */
export function stampContent(root: string, now: number = Date.now()): ContentStamp | undefined {
  try {
    return stampFiles(root, BigInt(now) * 1_000_000n - SETTLE_NS);
  } catch {
    // A folder that cannot be listed: the check reports on it as it reads it.
    return undefined;
  }
}

function stampFiles(root: string, settledBefore: bigint): ContentStamp | undefined {
  // Hashed in the order the folders list their entries, with no list kept and sorted: half the time
  // of a sorted list at 25,000 files. A folder that lists them in another order only costs a check.
  const hash = createHash('sha256');
  const relativeFrom = root.length + 1;
  const unsettled: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) continue;
    if (!entry.isFile()) return undefined;
    const file = `${entry.parentPath}${path.sep}${entry.name}`;
    // Gone since it was listed, or replaced by something else: the check reads the folder as it is.
    const stats: BigIntStats | undefined = lstatSync(file, { bigint: true, throwIfNoEntry: false });
    if (!stats?.isFile()) return undefined;
    const relative = file.slice(relativeFrom);
    if (stats.ctimeNs >= settledBefore) unsettled.push(relative);
    const { size, mtimeNs, ctimeNs, ino, dev, mode } = stats;
    hash.update(`${relative}\0${size} ${mtimeNs} ${ctimeNs} ${ino} ${dev} ${mode}\n`);
  }
  return { hash: hash.digest('hex'), unsettled };
}
