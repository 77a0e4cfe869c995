import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPack } from '../src/build/cache/cache-pack.ts';
import { openDiskCache } from '../src/build/cache/disk-cache.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | undefined) => (data === undefined ? undefined : new TextDecoder().decode(data));
const keys = Array.from({ length: 100 }, (_, at) => `${String(at).padStart(2, '0')}key${at}`);

/** A cache folder holding `keys`, each entry its own key's text, and a pack of them. */
function packedFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'archive-pack-'));
  const cache = withPack(openDiskCache(folder));
  for (const key of keys) cache.set(key, bytes(`entry ${key}`));
  cache.repack(keys);
  return folder;
}

/** Removes every entry's own file, leaving the pack. */
function removeEntryFiles(folder: string): void {
  for (const name of readdirSync(folder)) if (name !== 'pack') rmSync(path.join(folder, name), { recursive: true });
}

describe('the cache pack', () => {
  it('should give every packed entry from the pack alone', () => {
    const folder = packedFolder();
    removeEntryFiles(folder);
    const cache = withPack(openDiskCache(folder));
    for (const key of keys) expect(text(cache.get(key))).toBe(`entry ${key}`);
    expect(cache.get('absent')).toBeUndefined();
  });

  it('should read an entry into a scratch buffer when it fits, and into its own when it does not', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'archive-scratch-'));
    const cache = openDiskCache(folder);
    const large = 'x'.repeat(100);
    cache.set('00small', bytes('small'));
    cache.set('00large', bytes(large));
    const scratch = Buffer.alloc(16);
    const small = cache.get('00small', scratch);
    expect(text(small)).toBe('small');
    expect(small?.buffer).toBe(scratch.buffer);
    const own = cache.get('00large', scratch);
    expect(text(own)).toBe(large);
    expect(own?.buffer).not.toBe(scratch.buffer);
    expect(cache.get('00absent', scratch)).toBeUndefined();
  });

  it('should pack entries larger than its reading buffer whole', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'archive-pack-large-'));
    const cache = withPack(openDiskCache(folder));
    const large = 'y'.repeat(3 * 2 ** 20);
    const wanted = [...keys, '00large'];
    for (const key of keys) cache.set(key, bytes(`entry ${key}`));
    cache.set('00large', bytes(large));
    cache.repack(wanted);
    removeEntryFiles(folder);
    const packed = withPack(openDiskCache(folder));
    for (const key of keys) expect(text(packed.get(key))).toBe(`entry ${key}`);
    expect(text(packed.get('00large'))).toBe(large);
  });

  it('should read entries from their own files when the pack is damaged', () => {
    const folder = packedFolder();
    // Empty, not a pack, an index longer than the file, an entry past the end.
    const outOfRange = '[["00key0",0,999999]]';
    const past = `${outOfRange}${String.fromCharCode(outOfRange.length)}\u0000\u0000\u0000`;
    for (const damage of ['', 'garbage', '[]\u0000\u0000\u0010\u0000', past]) {
      writeFileSync(path.join(folder, 'pack'), damage);
      const cache = withPack(openDiskCache(folder));
      for (const key of keys) expect(text(cache.get(key))).toBe(`entry ${key}`);
    }
  });

  it('should leave the pack as it is for a few new entries, and rewrite it for many', () => {
    const folder = packedFolder();
    const pack = path.join(folder, 'pack');
    const before = statSync(pack).ino;
    const cache = withPack(openDiskCache(folder));
    cache.set('new-one', bytes('new'));
    cache.repack([...keys, 'new-one']);
    expect(statSync(pack).ino).toBe(before);

    const many = Array.from({ length: 80 }, (_, at) => `many${at}`);
    for (const key of many) cache.set(key, bytes(key));
    cache.repack([...keys, 'new-one', ...many]);
    expect(statSync(pack).ino).not.toBe(before);
    removeEntryFiles(folder);
    const reopened = withPack(openDiskCache(folder));
    for (const key of [...keys, 'new-one', ...many]) expect(reopened.get(key)).toBeDefined();
  });
});
