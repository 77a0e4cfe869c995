import { constants, copyFileSync, existsSync, linkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type PreviousSite, pageFile, type SiteFingerprints, type SitePresence } from './render-plan.ts';

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

/** What a presence is looked up from: the previous site's record page URLs, files and other pages. */
export interface PresenceLists {
  readonly pages: readonly string[];
  readonly files: readonly string[];
  readonly others: readonly string[];
}

/** The files the fingerprints of a previous site list, as its presence is looked up from. */
export function presenceLists(fingerprints: SiteFingerprints): PresenceLists {
  return {
    pages: [...fingerprints.pages.keys()],
    files: [...fingerprints.files.keys()],
    others: fingerprints.others ?? [],
  };
}

/** Looks each listed file up in `output`, stopping at the first missing one of each part. */
export function presenceOf(output: string, lists: PresenceLists): SitePresence {
  const recordsAndFiles = stillHas(output, lists.pages, lists.files);
  return { recordsAndFiles, others: stillHas(output, [], lists.others) };
}

/**
 * Whether the previous site still has every record page and feed and open-data file its
 * fingerprints list, and with `others`, its other pages too: as looked up ahead (see
 * site-presence.ts), or now.
 */
export function previousIsWhole(previous: PreviousSite, others: boolean): boolean {
  const present = previous.present ?? presenceOf(previous.output, presenceLists(previous.fingerprints));
  return present.recordsAndFiles && (!others || present.others);
}

/**
 * The files of the previous site, as paths under it (`articles/forum/index.html`), that were found
 * on disk while the archive loaded (see site-presence.ts): its record pages, feeds, open data and
 * other pages, when every one of them was there; `undefined` when they were not looked up so.
 * A build that checks the links of its new pages need not look each of those up again.
 */
export function filesFoundIn(previous: PreviousSite): ReadonlySet<string> | undefined {
  if (!previous.present?.recordsAndFiles || !previous.present.others) return undefined;
  const { pages, files, others } = presenceLists(previous.fingerprints);
  const underSite = (file: string) => file.replace(/^\//, '');
  return new Set([...pages.map((url) => `${underSite(url)}index.html`), ...[...files, ...others].map(underSite)]);
}

/**
 * Links the previous site's unchanged record pages `urls` into the new site's folder, for Pagefind
 * to read beside the pages rendered now. Hard links cost no copy and no space, and are safe: no
 * build writes into a finished site, and a page in both folders is left as it is when the site is
 * updated in place (see cli/update-in-place.ts). Synchronous calls, thousands of them one after
 * the other, but the event loop gets a turn now and then: a Pagefind process waiting to be started
 * starts meanwhile.
 */
export async function reusePages(previousOutput: string, output: string, urls: readonly string[]): Promise<void> {
  for (const [position, url] of urls.entries()) {
    if (position % 512 === 511) await new Promise((resolve) => setImmediate(resolve));
    const source = pageFile(previousOutput, url);
    const target = pageFile(output, url);
    if (source === undefined || target === undefined) throw new TypeError(`not a record page URL: ${url}`);
    linkOrCopy(source, target);
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
function linkOrCopy(source: string, target: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  keepFile(source, target);
}

function isLinkRefused(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EXDEV' || code === 'EPERM' || code === 'EMLINK' || code === 'ENOTSUP';
}
