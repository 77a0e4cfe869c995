import { existsSync, type FSWatcher, mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RECORD_EXTENSIONS } from '../../parse/source-file.ts';

/** A file Eleventy watches, written to make it rebuild. */
export interface RebuildTrigger {
  /** Give it to `config.addWatchTarget`. */
  readonly file: string;
  /** Stops watching and removes the trigger. */
  close(): void;
}

/**
 * Eleventy 3's watcher only logs a deleted file and builds nothing until the next save
 * (11ty/eleventy#2798, fixed in v4), so a deleted or renamed-away record would stay in the preview.
 * This watches `contentDir` itself and, on a deletion, writes a trigger file that Eleventy watches,
 * which makes it rebuild as for any save. The trigger lives in a temporary folder, never in content.
 */
export function rebuildOnDeletion(contentDir: string): RebuildTrigger {
  const folder = mkdtempSync(path.join(tmpdir(), 'news-archive-preview-'));
  const file = path.join(folder, 'deleted-content');
  writeFileSync(file, '');
  const pull = (reason: string) => writeFileSync(file, `${reason}\n`);
  // Records are `<kind folder>/<slug>.md`: the content folder and its folders are all there is to
  // watch, one watch a folder, where Node 20's recursive `fs.watch` opens one for every file.
  // A missing content folder is reported by the build itself.
  const folders = existsSync(contentDir) ? [contentDir, ...subfolders(contentDir)] : [];
  const watchers = folders.map((watched) => watchFolder(watched, contentDir, pull));
  const cleanUp = () => rmSync(folder, { recursive: true, force: true });
  process.once('exit', cleanUp);
  return {
    file,
    close: () => {
      for (const watcher of watchers) watcher.close();
      process.off('exit', cleanUp);
      cleanUp();
    },
  };
}

function watchFolder(folder: string, contentDir: string, pull: (reason: string) => void): FSWatcher {
  const watcher = watch(folder, (event, name) => {
    if (event !== 'rename' || name === null) return;
    const entry = path.join(folder, name);
    // An added file is built by Eleventy itself; editors' temporary files are not records.
    if (existsSync(entry)) return;
    if (folder !== contentDir && !RECORD_EXTENSIONS.some((extension) => name.endsWith(extension))) return;
    pull(entry);
  });
  // A watched folder that is deleted ends its watch; an unhandled error would stop the server.
  watcher.on('error', () => watcher.close());
  return watcher;
}

function subfolders(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(folder, entry.name));
}
