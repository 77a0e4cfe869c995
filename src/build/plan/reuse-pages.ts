import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { copyFile, link, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { mapInWindows } from '../../util/map-in-windows.ts';
import { pageFile } from './render-plan.ts';

/** Whether the site in `output` still has the page for `url`. */
export function hasPage(output: string, url: string): boolean {
  const file = pageFile(output, url);
  return file !== undefined && existsSync(file);
}

/** Whether the site in `output` still has the file at `relative` (a path under it, with or without a leading `/`). */
export function hasFile(output: string, relative: string): boolean {
  const root = path.resolve(output);
  const file = path.join(root, relative);
  return file.startsWith(`${root}${path.sep}`) && existsSync(file);
}

/**
 * Puts the previous site's unchanged record pages into the new one. Hard links cost no copy and no
 * space, and are safe: no build writes into a finished site, it always writes a new folder (see
 * atomic-output.ts).
 */
export async function reusePages(previousOutput: string, output: string, urls: readonly string[]): Promise<void> {
  await linkAll(
    urls.map((url): [string, string] => {
      const source = pageFile(previousOutput, url);
      const target = pageFile(output, url);
      if (source === undefined || target === undefined) throw new TypeError(`not a record page URL: ${url}`);
      return [source, target];
    }),
  );
}

/**
 * Puts every file of the previous site that the new one does not have yet into it, except under
 * the top-level folders `except`: for a build that made only the files that changed. Call it last,
 * once nothing more is written: writing to a linked file would change the previous site's too.
 */
export async function keepPreviousFiles(
  previousOutput: string,
  output: string,
  except: readonly string[],
): Promise<void> {
  const skipped = new Set(except);
  const files: [string, string][] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(previousOutput, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory() && !(relative === '' && skipped.has(entry.name))) visit(name);
      else if (entry.isFile()) files.push([path.join(previousOutput, name), path.join(output, name)]);
    }
  };
  visit('');
  await linkAll(files);
}

/**
 * Puts the previous site's files at `relative` (paths under the site, each starting with `/`) into
 * the new one, as {@link keepPreviousFiles} does. A path that would leave either site is a bug.
 */
export async function keepFiles(previousOutput: string, output: string, relative: readonly string[]): Promise<void> {
  const root = path.resolve(output);
  await linkAll(
    relative.map((file): [string, string] => {
      const target = path.join(root, file);
      if (!hasFile(previousOutput, file) || !target.startsWith(`${root}${path.sep}`)) {
        throw new TypeError(`not a file of the previous site: ${file}`);
      }
      return [path.join(path.resolve(previousOutput), file), target];
    }),
  );
}

/**
 * Links each `[source, target]` as {@link linkOrCopy} does, many at a time through libuv's thread
 * pool: the main thread renders or checks meanwhile, where one synchronous call after another held
 * it (25,000 record pages: 2.9–4.3 s synchronous, 1.5–2.9 s this way, in one sitting).
 */
async function linkAll(files: readonly (readonly [string, string])[]): Promise<void> {
  const folders = new Map<string, Promise<unknown>>();
  const folder = (directory: string) => {
    const made = folders.get(directory) ?? mkdir(directory, { recursive: true });
    folders.set(directory, made);
    return made;
  };
  await mapInWindows(files, LINKS_IN_FLIGHT, async ([source, target]) => {
    await folder(path.dirname(target));
    await keepFileLater(source, target);
  });
}

const LINKS_IN_FLIGHT = 32;

/** {@link keepFile}, through the thread pool. */
async function keepFileLater(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    if (!isLinkRefused(error)) throw error;
    await copyFile(source, target, constants.COPYFILE_EXCL).catch((copyError: NodeJS.ErrnoException) => {
      if (copyError.code !== 'EEXIST') throw copyError;
    });
  }
}

/**
 * Hard-links `source` to `target`, or copies it where a link is impossible, unless `target` exists:
 * what this build wrote stays, and nothing is ever written into an existing file, which could be
 * a link to the previous site's.
 */
function keepFile(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    if (!isLinkRefused(error)) throw error;
    try {
      copyFileSync(source, target, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code !== 'EEXIST') throw copyError;
    }
  }
}

/** {@link keepFile}, creating `target`'s folder first. */
export function linkOrCopy(source: string, target: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  keepFile(source, target);
}

function isLinkRefused(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EXDEV' || code === 'EPERM' || code === 'EMLINK' || code === 'ENOTSUP';
}
