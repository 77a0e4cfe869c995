import path from 'node:path';
import { pageFile } from './render-plan.ts';

/** A folder of the previous site kept whole, but for some of its subfolders. */
interface KeptFolder {
  readonly folder: string;
  readonly except: readonly string[];
}

/**
 * What a build takes unchanged from the previous site in its output folder: the files it did not
 * make again. The build writes only what changed into a folder of its own, and the output folder is
 * then updated in place (cli/update-in-place.ts): linking each of the 90,000 files of a
 * 10,000-article site into a new folder cost about 3 s of every edit, and removing the replaced
 * site as much again in the background. Paths are relative to the site, with `/` and no leading
 * `/`.
 */
export class KeptFiles {
  readonly #files = new Set<string>();
  readonly #folders: KeptFolder[] = [];
  #allBut: ReadonlySet<string> | undefined;
  readonly #dropped = new Set<string>();

  /** Keeps the page of each record page URL of `urls`. */
  pages(urls: Iterable<string>): void {
    for (const url of urls) {
      const file = pageFile(SITE, url);
      if (file === undefined) throw new TypeError(`not a record page URL: ${url}`);
      this.#files.add(siteRelative(path.relative(SITE, file)));
    }
  }

  /** Keeps each file of `relative` (paths under the site, with or without a leading `/`). */
  files(relative: Iterable<string>): void {
    for (const file of relative) this.#files.add(siteRelative(file));
  }

  /** Keeps every file under `folder`, but those under its subfolders `except`. */
  folder(folder: string, except: readonly string[] = []): void {
    this.#folders.push({ folder: siteRelative(folder), except: except.map(siteRelative) });
  }

  /**
   * Keeps every file of the previous site but those under the top-level folders `folders`, and
   * those {@link drop} names: nothing else of it need be looked at.
   */
  everythingBut(folders: readonly string[]): void {
    this.#allBut = new Set(folders.map(siteRelative));
  }

  /** Drops each file of `relative`, which the build no longer makes, where everything else is kept. */
  drop(relative: Iterable<string>): void {
    for (const file of relative) this.#dropped.add(siteRelative(file));
  }

  /** The files {@link drop} named. */
  dropped(): readonly string[] {
    return [...this.#dropped];
  }

  /** Whether nothing is kept: the build made the whole site, which then replaces the previous one. */
  isEmpty(): boolean {
    return this.#files.size === 0 && this.#folders.length === 0 && this.#allBut === undefined;
  }

  /** Whether the top-level entry `name` is kept whole, so nothing under it need be looked at. */
  keepsWhole(name: string): boolean {
    return this.#allBut !== undefined && !this.#allBut.has(name);
  }

  /** Whether the previous site's file at `relative` stays in the updated one. */
  has(relative: string): boolean {
    if (this.#dropped.has(relative)) return false;
    if (this.#files.has(relative)) return true;
    const top = relative.split('/', 1)[0] ?? '';
    if (this.keepsWhole(top)) return true;
    return this.#folders.some(
      ({ folder, except }) => within(relative, folder) && !except.some((excluded) => within(relative, excluded)),
    );
  }
}

/** Any folder: pages' paths are taken relative to it. */
const SITE = path.resolve('/site');

function within(file: string, folder: string): boolean {
  return file.startsWith(`${folder}/`);
}

/**
 * A path as the build names its files, `/data/…`, that needs no normalising: no segment is empty
 * or starts with a dot, so none is `.` or `..`.
 */
const PLAIN_PATH = /^\/?(?:[\w-][\w.-]*\/)*[\w-][\w.-]*$/;

/** `relative` as {@link KeptFiles} keeps paths: `/`-separated, without a leading or trailing `/`. */
function siteRelative(relative: string): string {
  // Tens of thousands of feeds and open-data files are kept after an edit: the plain ones are sliced.
  if (PLAIN_PATH.test(relative)) {
    return relative.startsWith('/') ? relative.slice(1) : relative;
  }
  const normal = path.posix.normalize(relative.split(path.sep).join('/')).replace(/^\/+|\/+$/g, '');
  if (normal === '..' || normal.startsWith('../')) throw new TypeError(`not a path in the site: ${relative}`);
  return normal;
}
