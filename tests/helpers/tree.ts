import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `directory` with its bytes, for byte-for-byte comparisons. */
export function snapshotTree(directory: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(directory, absolute), readFileSync(absolute).toString('base64'));
  }
  return files;
}

/**
 * A built site for comparison with another build of the same content: every file except the
 * search index. Pagefind reads pages in parallel and writes its filter chunks in hash-map order, so
 * two builds of one site give equal pages but a differently chunked index; the search tests check it.
 */
export function snapshotSite(directory: string): Map<string, string> {
  const files = snapshotTree(directory);
  for (const file of files.keys()) if (file.startsWith(`pagefind${path.sep}`)) files.delete(file);
  return files;
}

/** Inode of every search index file, by path. */
export function searchInodes(site: string): Map<string, number> {
  const root = path.join(site, 'pagefind');
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(root, file), statSync(file).ino];
      }),
  );
}

/**
 * Every search index fragment and word index chunk, as bundle folder and file name, with its bytes:
 * both are named by a hash of what they hold, so two indexes of the same pages have the same ones.
 */
export function searchFragments(site: string): Map<string, string> {
  const files = snapshotTree(path.join(site, 'pagefind'));
  for (const file of files.keys()) if (!/\.pf_(fragment|index)$/.test(file)) files.delete(file);
  return files;
}
