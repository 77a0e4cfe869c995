import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { removeInBackground } from '../../util/remove-in-background.ts';
import { hashOf } from './hash.ts';

/** A folder of byte strings keyed by hash. Every key already names its inputs, so entries never go stale. */
export interface DiskCache {
  readonly directory: string;
  /**
   * The bytes stored under `key`, or `undefined` when there are none. With `scratch`, they are read
   * into it when they fit, and are valid only until it is used again: for reading many entries in
   * a row without an allocation each.
   */
  readonly get: (key: string, scratch?: Buffer) => Uint8Array | undefined;
  /** Stores `bytes` under `key`; a reader never sees a half-written entry. */
  readonly set: (key: string, bytes: Uint8Array) => void;
}

/**
 * The cache in `directory`, one file per entry, spread over 256 sub-folders. Reads and writes are
 * synchronous: entries are small, and a build reads tens of thousands of them, where each
 * asynchronous read would cost four round trips through libuv's thread pool.
 */
export function openDiskCache(directory: string): DiskCache {
  const fileOf = (key: string) => path.join(directory, key.slice(0, 2), key);
  // Each sub-folder is made once per process, not once per entry: a cold build writes tens of
  // thousands of entries, and every `mkdir` is a system call even when the folder is there.
  const made = new Set<string>();
  return {
    directory,
    get: (key, scratch) => {
      try {
        return scratch === undefined ? readFileSync(fileOf(key)) : readInto(fileOf(key), scratch);
      } catch {
        return undefined;
      }
    },
    set: (key, bytes) => {
      const file = fileOf(key);
      // Written beside the entry and renamed into place, so a killed build leaves no torn entry.
      const temporary = temporaryBeside(file);
      const folder = path.dirname(file);
      try {
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        writeFileSync(temporary, bytes);
        renameSync(temporary, file);
      } catch {
        // A cache that cannot be written (a full disk, a folder removed meanwhile) only costs time;
        // the next entry makes its folder again.
        made.delete(folder);
        removeIfThere(temporary);
      }
    },
  };
}

/**
 * The cache in `directory` for one version of the code, in a folder of its own: entries are keyed
 * by the code version, so another version's are never read again. Those folders are removed in
 * the background, so that the cache does not grow by a whole archive's parses with every upgrade.
 * (A cache folder shared by two versions of the code at once would be emptied by each in turn.)
 */
export function openVersionedCache(directory: string, version: string): DiskCache {
  const current = versionFolder(version);
  const present = existsSync(directory) ? readdirSync(directory) : [];
  for (const name of present.filter((other) => other !== current)) {
    // Renamed first, so the version's name is free at once: were this version built again soon,
    // it would not write into a folder being deleted.
    const removing = name.startsWith(REMOVING) ? name : `${REMOVING}${process.pid}-${randomId()}`;
    try {
      if (removing !== name) renameSync(path.join(directory, name), path.join(directory, removing));
      removeInBackground(path.join(directory, removing));
    } catch {
      // Another build got to it first.
    }
  }
  // Made now, even if nothing is written to it: its being there says this version of the code has
  // opened the cache (a build that finds it missing parses apart, see src/cli/prepare-cache-apart.ts).
  try {
    mkdirSync(path.join(directory, current), { recursive: true });
  } catch {
    // A cache that cannot be written only costs time.
  }
  return openDiskCache(path.join(directory, current));
}

const REMOVING = '.removing-';

/** The bytes of `file`, read into `scratch` when they fit, or else into a buffer of their own. */
function readInto(file: string, scratch: Buffer): Uint8Array {
  const descriptor = openSync(file, 'r');
  try {
    const { size } = fstatSync(descriptor);
    const into = size <= scratch.length ? scratch : Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const count = readSync(descriptor, into, read, size - read, read);
      if (count === 0) break;
      read += count;
    }
    return into.subarray(0, read);
  } finally {
    closeSync(descriptor);
  }
}

function randomId(): string {
  return Math.random().toString(36).slice(2);
}

/** A name for a file written beside `file` and then renamed to it, so no reader sees it half-written. */
export function temporaryBeside(file: string): string {
  return `${file}.${process.pid}.${randomId()}`;
}

/**
 * Writes `contents` to `file` (making its folder) through a temporary file and a rename, so no
 * reader sees half of it; when it cannot be written, nothing is left: for records that only save time.
 */
export function writeWholeOrNothing(file: string, contents: string | Uint8Array): void {
  const temporary = temporaryBeside(file);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, contents);
    renameSync(temporary, file);
  } catch {
    removeIfThere(temporary);
  }
}

/** Removes `file` if it is there; a cache that cannot be cleaned up only costs space. */
export function removeIfThere(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was written, or nothing can be done.
  }
}

/** The folder of one code version's entries. */
export function versionFolder(version: string): string {
  return `v-${hashOf(version).slice(0, 16)}`;
}
