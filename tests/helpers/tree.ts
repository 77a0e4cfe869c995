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
