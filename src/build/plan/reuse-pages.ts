import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
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
 * Whether the site in `output` still has every record page at `urls` and every file at `files`.
 * A build that keeps the rest of the previous site checks this before it plans: a page, feed or JSON
 * file deleted by hand is made again by a full build.
 */
export function stillHas(output: string, urls: Iterable<string>, files: Iterable<string>): boolean {
  for (const url of urls) if (!hasPage(output, url)) return false;
  for (const file of files) if (!hasFile(output, file)) return false;
  return true;
}

/**
 * Puts the previous site's unchanged record pages into the new one. Hard links cost no copy and no
 * space, and are safe: no build writes into a finished site, it always writes a new folder (see
 * atomic-output.ts).
 */
export async function reusePages(previousOutput: string, output: string, urls: readonly string[]): Promise<void> {
  await linkEach(urls, (url) => {
    const source = pageFile(previousOutput, url);
    const target = pageFile(output, url);
    if (source === undefined || target === undefined) throw new TypeError(`not a record page URL: ${url}`);
    return [source, target];
  });
}

/**
 * Links each item's `[source, target]` ({@link linkOrCopy}). Synchronous calls, thousands of them
 * one after the other, but the event loop gets a turn now and then: a Pagefind process waiting to
 * be started starts meanwhile.
 */
async function linkEach<T>(items: readonly T[], paths: (item: T) => readonly [string, string]): Promise<void> {
  for (const [position, item] of items.entries()) {
    if (position % 512 === 511) await new Promise((resolve) => setImmediate(resolve));
    linkOrCopy(...paths(item));
  }
}

/**
 * Puts every file of the previous site that the new one does not have yet into it, except under
 * the top-level folders `except`: for a build that made only the files that changed. Call it last,
 * once nothing more is written: writing to a linked file would change the previous site's too.
 */
export function keepPreviousFiles(previousOutput: string, output: string, except: readonly string[]): void {
  const skipped = new Set(except);
  const visit = (relative: string) => {
    const folder = path.join(output, relative);
    mkdirSync(folder, { recursive: true });
    for (const entry of readdirSync(path.join(previousOutput, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory() && !(relative === '' && skipped.has(entry.name))) visit(name);
      else if (entry.isFile()) keepFile(path.join(previousOutput, name), path.join(output, name));
    }
  };
  visit('');
}

/**
 * Puts the previous site's files at `relative` (paths under the site, each starting with `/`) into
 * the new one, as {@link keepPreviousFiles} does. A path that would leave either site is a bug.
 */
export async function keepFiles(previousOutput: string, output: string, relative: readonly string[]): Promise<void> {
  const [from, to] = [path.resolve(previousOutput), path.resolve(output)];
  await linkEach(relative, (file) => {
    const [source, target] = [path.join(from, file), path.join(to, file)];
    if (!source.startsWith(`${from}${path.sep}`) || !target.startsWith(`${to}${path.sep}`)) {
      throw new TypeError(`not a file of the site: ${file}`);
    }
    return [source, target];
  });
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
