import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../parse/decode.ts';
import { RECORD_EXTENSIONS, type Refusal, type SourceFile } from '../parse/source-file.ts';
import { KIND_FOLDERS, RECORD_KINDS, type RecordKind } from '../schema/index.ts';
import { appendAll } from '../util/append-all.ts';

export type { Refusal, SourceFile } from '../parse/source-file.ts';

const KIND_BY_FOLDER = new Map<string, RecordKind>(RECORD_KINDS.map((kind) => [KIND_FOLDERS[kind], kind]));

/** A path found under the content folder, and what a symbolic link there resolves to. */
interface Entry {
  readonly absolute: string;
  readonly refused?: Refusal;
  /** The file to read: the entry itself, or the target of a link that stays inside content/. */
  readonly target: string;
}

/**
 * Reads every content file (Markdown, or YAML for records without a body) under `contentDir`. This
 * is the only module that touches content on disk. Files outside the kind folders, links pointing
 * outside `contentDir` (to files or to folders) and paths that are not regular files are returned as
 * refused, so they are reported instead of silently skipped.
 */
export async function readContent(contentDir: string, cwd = process.cwd()): Promise<SourceFile[]> {
  const root = await realpath(contentDir);
  return (await listContentFiles(root, root)).map((entry): SourceFile => {
    const shown = path.relative(cwd, entry.absolute) || entry.absolute;
    const folder = path.relative(root, entry.absolute).split(path.sep);
    const kind = folder.length === 2 ? KIND_BY_FOLDER.get(folder[0] ?? '') : undefined;
    const read = entry.refused ? { refused: entry.refused } : readRegularFile(entry.target);
    return { path: shown, kind, bytes: new Uint8Array(), ...read };
  });
}

async function listContentFiles(directory: string, root: string): Promise<Entry[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const found: Entry[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const absolute = path.join(directory, entry.name);
    const isContentFile = RECORD_EXTENSIONS.some((extension) => entry.name.endsWith(extension));
    if (entry.isDirectory()) {
      appendAll(found, await listContentFiles(absolute, root));
    } else if (entry.isSymbolicLink()) {
      const target = await realpath(absolute).catch(() => undefined);
      const inside = target?.startsWith(root + path.sep) === true;
      // A linked folder inside content/ is read where it really is; one outside would bring in foreign files.
      const isFolder = target !== undefined && (await stat(target).catch(() => undefined))?.isDirectory() === true;
      if (!inside && (isContentFile || isFolder))
        found.push({ absolute, target: absolute, refused: 'symlink-outside-content' });
      else if (inside && isContentFile && !isFolder) found.push({ absolute, target });
    } else if (isContentFile) {
      found.push({ absolute, target: absolute });
    }
  }
  return found;
}

/**
 * Reads a regular file without following a link swapped in since it was listed, and without
 * blocking on a pipe or device. A file over the size limit is measured but not read. Synchronous:
 * tens of thousands of small files, where each asynchronous read costs several round trips through
 * libuv's thread pool. The 25,000 files of a 10,000-article archive took 2 s to read that way, and
 * take 0.45 s this way.
 */
function readRegularFile(file: string): Pick<SourceFile, 'bytes' | 'size' | 'refused'> {
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  let descriptor: number;
  try {
    descriptor = openSync(file, flags);
  } catch {
    return { bytes: new Uint8Array(), refused: 'not-a-file' };
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { bytes: new Uint8Array(), refused: 'not-a-file' };
    if (stats.size > MAX_FILE_BYTES) return { bytes: new Uint8Array(), size: stats.size };
    return { bytes: new Uint8Array(readFileSync(descriptor)) };
  } finally {
    closeSync(descriptor);
  }
}
