import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../parse/source-file.ts';
import { hashOf } from '../cache/hash.ts';

// A check after a checkout or a newly generated archive finds every file just changed; a record
// of them all would make each replay read them all, so none is kept.
const MOST_UNSETTLED = 100;

/**
 * Hashes of the files a stamp could not vouch for (paths relative to `root`), from the bytes the
 * check read (`sources`, paths relative to `cwd`); `undefined` when there are too many, or one of
 * them was not read as a whole file.
 */
export function hashUnsettled(
  root: string,
  cwd: string,
  unsettled: readonly string[],
  sources: readonly SourceFile[],
): [file: string, hash: string][] | undefined {
  if (unsettled.length > MOST_UNSETTLED) return undefined;
  const wanted = new Set(unsettled);
  const hashes = sources.flatMap((source): [string, string][] => {
    const file = path.relative(root, path.resolve(cwd, source.path));
    const whole = source.refused === undefined && source.size === undefined;
    return wanted.has(file) && whole ? [[file, hashOf(source.bytes)]] : [];
  });
  return hashes.length === wanted.size ? hashes : undefined;
}

/** Whether every file still holds the bytes it held when it was hashed. */
export function unchangedSince(root: string, hashes: readonly (readonly [file: string, hash: string])[]): boolean {
  return hashes.every(([file, hash]) => {
    try {
      return hashOf(readFileSync(path.join(root, file))) === hash;
    } catch {
      return false;
    }
  });
}
