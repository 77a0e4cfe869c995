import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { type DiskCache, removeIfThere, temporaryBeside } from './disk-cache.ts';

/** A disk cache whose entries a build reads are also kept in one file, read in one go. */
export interface PackedCache extends DiskCache {
  /**
   * Writes the entries under `keys` (those a build relies on) into the pack, when enough of them are
   * not in it yet; a few missing ones are read from their own files rather than the pack rewritten.
   */
  readonly repack: (keys: Iterable<string>) => void;
}

const PACK = 'pack';
// Rewrite the pack once more than this share of the entries a build reads is outside it.
const STALE_SHARE = 0.05;
const STALE_MIN = 64;
// Larger than almost every entry (a rendered article is about 10 KB); a larger one gets its own.
const SCRATCH_BYTES = 1 << 20;

/**
 * `cache` with a pack of the entries the last build relied on. Tens of thousands of entries are
 * tens of thousands of files to open and read; one pack is one read, also when the files are no
 * longer in the page cache. Entries stay in their own files too: the pack only saves reading them.
 */
export function withPack(cache: DiskCache): PackedCache {
  const file = path.join(cache.directory, PACK);
  const pack = readPack(file);
  return {
    directory: cache.directory,
    get: (key, scratch) => pack.get(key) ?? cache.get(key, scratch),
    set: cache.set,
    repack: (keys) => {
      const wanted = [...new Set(keys)];
      const outside = wanted.filter((key) => !pack.has(key)).length;
      if (outside <= Math.max(STALE_MIN, wanted.length * STALE_SHARE)) return;
      // Each entry is written before the next is read, so one buffer serves them all: tens of
      // thousands of short-lived buffers left memory behind that the C library never gave back.
      const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
      writePack(file, wanted, (key) => pack.get(key) ?? cache.get(key, scratch));
    },
  };
}

/**
 * The pack's entries by key; none when there is no pack or it is damaged. Layout: the entries'
 * bytes, then an index as JSON (`[key, offset, length]` per entry), then the index's length in 4
 * bytes, little-endian: written in one pass, with no entry held longer than it takes to write it.
 */
function readPack(file: string): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  try {
    const bytes = readFileSync(file);
    const indexStart = bytes.length - 4 - bytes.readUInt32LE(bytes.length - 4);
    const index = JSON.parse(bytes.subarray(indexStart, bytes.length - 4).toString('utf8')) as [
      string,
      number,
      number,
    ][];
    for (const [key, offset, length] of index) {
      if (typeof key !== 'string' || !(offset >= 0 && length >= 0 && offset + length <= indexStart)) {
        return new Map();
      }
      entries.set(key, bytes.subarray(offset, offset + length));
    }
  } catch {
    return new Map();
  }
  return entries;
}

function writePack(file: string, keys: readonly string[], read: (key: string) => Uint8Array | undefined): void {
  const temporary = temporaryBeside(file);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'w');
    const index: [string, number, number][] = [];
    let offset = 0;
    for (const key of keys) {
      const bytes = read(key);
      if (bytes === undefined) continue;
      writeSync(descriptor, bytes);
      index.push([key, offset, bytes.byteLength]);
      offset += bytes.byteLength;
    }
    const indexBytes = Buffer.from(JSON.stringify(index));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(indexBytes.byteLength);
    writeSync(descriptor, indexBytes);
    writeSync(descriptor, length);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, file);
  } catch {
    // Without a pack, entries are read from their own files.
    if (descriptor !== undefined) closeSync(descriptor);
    removeIfThere(temporary);
  }
}
