import { readdirSync, readFileSync } from 'node:fs';
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
 * search index. Pagefind writes its filter files in hash-map order, so two builds of one site give
 * equal pages but differently named filter chunks; the index is checked by the search tests instead.
 */
export function snapshotSite(directory: string): Map<string, string> {
  const files = snapshotTree(directory);
  for (const file of files.keys()) if (file.startsWith(`pagefind${path.sep}`)) files.delete(file);
  return files;
}
