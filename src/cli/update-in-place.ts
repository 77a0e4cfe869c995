import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { syncFile, syncFileSystem } from '../util/flush.ts';

/** What an update keeps of the previous site: see `KeptFiles` (build/plan/kept-files.ts). */
export interface KeptPaths {
  /** Whether the previous site's file at `relative` (`/`-separated) stays. */
  has(relative: string): boolean;
  /** Whether the site's top-level entry `name` stays whole, but for the files {@link dropped} names. */
  keepsWhole(name: string): boolean;
  /** Files of the previous site the build no longer makes, besides those it finds in what it does not keep whole. */
  dropped(): readonly string[];
}

/**
 * The journal of an update in place, written and flushed before the first change to the output
 * folder: a build stopped in the middle is finished from it by the next one.
 */
interface Journal {
  /** The base name of the folder with the new and changed files, beside the output folder. */
  readonly from: string;
  /** The base name of the folder the replaced and dropped files are moved to, beside it too. */
  readonly aside: string;
  /** What goes of the previous site (see {@link UpdatePlan}). */
  readonly plan: UpdatePlan;
}

/** What an update takes out of the previous site, besides the files it replaces. */
export interface UpdatePlan {
  /** Top-level folders of which nothing is kept: each is replaced whole, with one rename. */
  readonly whole: readonly string[];
  /** Other files of the previous site that the new one does not have, relative to it. */
  readonly dropped: readonly string[];
}

/** Thrown when an update in place failed and was undone: the output folder is as it was. */
export class UpdateUndoneError extends Error {
  override readonly name = 'UpdateUndoneError';
}

/** The folders and the journal of one update, all beside the output folder (see atomic-output.ts). */
export interface UpdateFolders {
  readonly output: string;
  /** The build's folder, with the new and changed files. */
  readonly temporary: string;
  readonly journal: string;
  /** Where the files replaced or dropped are moved. */
  readonly aside: string;
}

/**
 * Updates the site in `output` into the one a build made of `temporary` and of what `kept` keeps:
 * moves each file of `temporary` in, and the previous site's files that are neither written again
 * nor kept out, aside. A reader meanwhile sees each file either old or new. Should a move fail,
 * every one made is undone and {@link UpdateUndoneError} thrown; should the build be stopped, the
 * next one finishes the update ({@link finishInterruptedUpdate}). `halfway` is called once half
 * the files are in, so tests can stop a real build there. The caller removes `temporary` and
 * `aside` after.
 */
export async function updateInPlace(
  { output, temporary, journal, aside }: UpdateFolders,
  kept: KeptPaths,
  halfway?: () => Promise<void> | void,
): Promise<void> {
  const plan = planUpdate(output, temporary, kept);
  const recorded: Journal = { from: path.basename(temporary), aside: path.basename(aside), plan };
  await writeDurably(journal, JSON.stringify(recorded));
  const update = new Update(output, temporary, aside);
  try {
    await update.run(plan, halfway);
  } catch (error) {
    // Undone, the site is the previous one again, and the journal must not finish the update.
    update.undo();
    await rm(journal, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new UpdateUndoneError(`the update of ${output} failed and was undone: ${reason}`, { cause: error });
  }
  await syncFileSystem(output);
  await rm(journal, { force: true });
}

/**
 * Finishes the update that the journal `journal` describes, which a build stopped in the middle,
 * and removes the journal. The new files still in the build's folder go in; the dropped files
 * still there go aside. The caller removes both folders after.
 */
export async function finishInterruptedUpdate(output: string, journal: string): Promise<void> {
  const recorded = JSON.parse(await readFile(journal, 'utf8')) as Journal;
  const beside = (name: string) => path.join(path.dirname(journal), name);
  const from = beside(recorded.from);
  if (existsSync(output) && existsSync(from)) await new Update(output, from, beside(recorded.aside)).run(recorded.plan);
  await syncFileSystem(path.dirname(journal));
  await rm(journal, { force: true });
}

/**
 * What the update of the site in `output` takes out: its files neither made again in `temporary`
 * nor kept, and its top-level folders of which nothing is kept (after a change of code, nearly
 * all). Top-level folders kept whole are not walked: only the files `kept` drops there go.
 */
export function planUpdate(output: string, temporary: string, kept: KeptPaths): UpdatePlan {
  const whole: string[] = [];
  const gone = (file: string) => !existsSync(path.join(temporary, file));
  const dropped = kept.dropped().filter((file) => existsSync(path.join(output, file)) && gone(file));
  for (const entry of readdirSync(output, { withFileTypes: true })) {
    if (kept.keepsWhole(entry.name)) continue;
    if (!entry.isDirectory()) {
      if (!kept.has(entry.name) && gone(entry.name)) dropped.push(entry.name);
      continue;
    }
    const files = filesUnder(path.join(output, entry.name)).map((file) => `${entry.name}/${file}`);
    if (!files.some((file) => kept.has(file))) {
      whole.push(entry.name);
      continue;
    }
    for (const file of files) {
      if (!kept.has(file) && gone(file)) dropped.push(file);
    }
  }
  return { whole, dropped };
}

/**
 * The moves of one update: each file of `from` into `output`, each file it replaces or drops into
 * `aside`. Every move is renames in one file system, noted so it can be undone in reverse.
 */
class Update {
  readonly #output: string;
  readonly #from: string;
  readonly #aside: string;
  readonly #undo: (() => void)[] = [];
  readonly #made = new Set<string>();
  readonly #madeAside = new Set<string>();

  constructor(output: string, from: string, aside: string) {
    this.#output = output;
    this.#from = from;
    this.#aside = aside;
  }

  /** Replaces the whole folders, moves every other file of `from` in, the deepest first, then the dropped files aside. */
  async run({ whole, dropped }: UpdatePlan, halfway?: () => Promise<void> | void): Promise<void> {
    for (const folder of whole) {
      // Finishing a stopped update, a folder already aside is not set aside again: the one in its
      // place may be the new one.
      if (!existsSync(path.join(this.#aside, folder))) this.#setAside(folder);
      if (existsSync(path.join(this.#from, folder))) this.#put(folder);
    }
    // The deepest first: a search bundle's fragments are in before the entry file that names them.
    const moves = filesUnder(this.#from).sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : a > b ? 1 : 0));
    const half = Math.ceil(moves.length / 2);
    for (const [position, file] of moves.entries()) {
      if (position === half) await halfway?.();
      this.#put(file);
    }
    if (moves.length === 0) await halfway?.();
    for (const file of dropped) {
      this.#setAside(file);
      this.#removeEmptyFolders(path.posix.dirname(file));
    }
  }

  /** Undoes every move made, the last first. */
  undo(): void {
    for (const step of this.#undo.reverse()) step();
    this.#undo.length = 0;
  }

  /**
   * Moves `from`'s `file` (or folder) to `output`'s. What the previous site had there goes aside first: the
   * file it replaces, a folder where the file goes, a file where one of its folders goes. A file
   * that is already there (a page linked for the search index) stays.
   */
  #put(file: string): void {
    const [source, target] = [path.join(this.#from, file), path.join(this.#output, file)];
    this.#makeFolder(path.posix.dirname(file));
    const before = statSync(target, { throwIfNoEntry: false });
    if (before?.isFile() && before.ino === statSync(source).ino) return;
    if (before) this.#setAside(file);
    renameSync(source, target);
    this.#undo.push(() => renameSync(target, source));
  }

  /** Makes `output`'s `folder` (relative), setting aside a file that stands on its path. */
  #makeFolder(folder: string): void {
    if (folder === '.' || this.#made.has(folder)) return;
    const parts = folder.split('/');
    for (const [position] of parts.entries()) {
      const at = parts.slice(0, position + 1).join('/');
      const stats = statSync(path.join(this.#output, at), { throwIfNoEntry: false });
      if (stats?.isDirectory()) continue;
      if (stats) this.#setAside(at);
      const created = path.join(this.#output, at);
      mkdirSync(path.join(this.#output, folder), { recursive: true });
      this.#undo.push(() => rmSync(created, { recursive: true, force: true }));
      break;
    }
    this.#made.add(folder);
  }

  /** Moves `output`'s `relative` (a file or a folder) aside, if it is there. */
  #setAside(relative: string): void {
    const [source, target] = [path.join(this.#output, relative), path.join(this.#aside, relative)];
    const folder = path.dirname(target);
    if (!this.#madeAside.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#madeAside.add(folder);
    }
    try {
      renameSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    this.#undo.push(() => renameSync(target, source));
  }

  /** Removes `relative` under `output` and its parents while they are empty, never `output` itself. */
  #removeEmptyFolders(relative: string): void {
    for (let at = relative; at !== '.' && at !== ''; at = path.posix.dirname(at)) {
      const folder = path.join(this.#output, at);
      try {
        rmdirSync(folder);
      } catch {
        return;
      }
      this.#undo.push(() => mkdirSync(folder, { recursive: true }));
    }
  }
}

/** Every file under `folder`, relative to it, with `/`. */
function filesUnder(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    // Sliced rather than `path.relative`: a site has tens of thousands of files.
    const parent = entry.parentPath.slice(folder.length + 1);
    files.push(parent === '' ? entry.name : `${parent.split(path.sep).join('/')}/${entry.name}`);
  }
  return files;
}

function depth(file: string): number {
  return file.split('/').length;
}

/** Writes `text` to `file` and flushes it and its folder, so it survives a power cut. */
async function writeDurably(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncFile(path.dirname(file));
}
