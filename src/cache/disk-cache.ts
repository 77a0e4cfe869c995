import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A folder of byte strings keyed by hash. Every key already names its inputs, so entries never go stale. */
export interface DiskCache {
  readonly directory: string;
  /** The bytes stored under `key`, or `undefined` when there are none. */
  readonly get: (key: string) => Uint8Array | undefined;
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
  return {
    directory,
    get: (key) => {
      try {
        return readFileSync(fileOf(key));
      } catch {
        return undefined;
      }
    },
    set: (key, bytes) => {
      const file = fileOf(key);
      mkdirSync(path.dirname(file), { recursive: true });
      // Written beside the entry and renamed into place, so a killed build leaves no torn entry.
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
    },
  };
}
