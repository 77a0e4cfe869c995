import { execFile } from 'node:child_process';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Flushes every file and folder under `directory` to disk. */
export async function syncTree(directory: string): Promise<void> {
  if (await syncFileSystem(directory)) return;
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (entry.isFile() || entry.isDirectory()) await syncFile(path.join(entry.parentPath, entry.name));
  }
  await syncFile(directory);
}

/**
 * Flushes the whole file system holding `directory` with one syncfs(2) (`sync -f`, Linux): for a
 * site of tens of thousands of files that is seconds faster than an fsync per file. `false` where
 * it is not available, so the caller flushes file by file.
 */
export async function syncFileSystem(directory: string): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  try {
    await run('sync', ['-f', directory]);
    return true;
  } catch {
    return false;
  }
}

/** Flushes one file or folder to disk. */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
