import { lstatSync, readFileSync } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { KIND_FOLDERS, RECORD_KINDS, type RecordKind } from '../schema/index.ts';

/** A content file as read from disk: its kind comes from its folder. */
export interface SourceFile {
  /** Path as shown in messages, relative to the working directory. */
  readonly path: string;
  readonly kind: RecordKind | undefined;
  readonly bytes: Uint8Array;
  /** Set when the file was not read, with the reason. */
  readonly refused?: 'symlink-outside-content';
}

const KIND_BY_FOLDER = new Map<string, RecordKind>(RECORD_KINDS.map((kind) => [KIND_FOLDERS[kind], kind]));

/**
 * Reads every Markdown file under `contentDir`. This is the only module that touches content on disk.
 * Files outside the kind folders and links pointing outside `contentDir` are returned as refused,
 * so they are reported instead of silently skipped.
 */
export async function readContent(contentDir: string, cwd = process.cwd()): Promise<SourceFile[]> {
  const root = await realpath(contentDir);
  const files: SourceFile[] = [];
  for (const absolute of await listMarkdown(root)) {
    const shown = path.relative(cwd, absolute) || absolute;
    const folder = path.relative(root, absolute).split(path.sep);
    const kind = folder.length === 2 ? KIND_BY_FOLDER.get(folder[0] ?? '') : undefined;
    // Read synchronously: tens of thousands of small files, and nothing else to do meanwhile.
    const stats = lstatSync(absolute);
    if (stats.isSymbolicLink()) {
      const target = await realpath(absolute).catch(() => undefined);
      if (target === undefined || !target.startsWith(root + path.sep)) {
        files.push({ path: shown, kind, bytes: new Uint8Array(), refused: 'symlink-outside-content' });
        continue;
      }
    }
    files.push({ path: shown, kind, bytes: new Uint8Array(readFileSync(absolute)) });
  }
  return files;
}

async function listMarkdown(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const absolute = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...(await listMarkdown(absolute)));
    else if (entry.name.endsWith('.md')) found.push(absolute);
  }
  return found;
}
