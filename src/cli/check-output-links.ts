import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { normalisePathPrefix } from '../site/publish.ts';
import type { KeptPaths } from './update-in-place.ts';

/** An internal link whose target is not in the built site. */
export interface BrokenLink {
  readonly page: string;
  readonly href: string;
}

const LINK_ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;

/**
 * Finds every root-relative `href`/`src` in the built HTML that points at no file, so a build with
 * a dangling internal link can be refused before it replaces the published site. Reads the HTML
 * files `only` (absolute paths), or without them every HTML file under `outputDir`. A target the
 * build keeps of the previous site (`kept`) is looked for there.
 */
export async function findBrokenLinks(
  outputDir: string,
  pathPrefix = '/',
  only?: readonly string[],
  kept?: KeptFrom,
): Promise<BrokenLink[]> {
  const book = new LinkBook(outputDir, pathPrefix, kept);
  const pages = only ? [...new Set(only)].sort() : await listHtml(outputDir);
  for (const [position, page] of pages.entries()) {
    // Read synchronously, one page after the other, but let the search indexing that runs alongside
    // be fed now and then.
    if (position % 256 === 255) await new Promise((resolve) => setImmediate(resolve));
    book.read(page);
  }
  return book.broken();
}

/**
 * The internal links of the pages read so far, each link, as written, resolved and looked up once:
 * every page links the same sections and many of the same records. At 10,000 articles (2.2 million
 * links in 25,000 pages) resolving each one took the whole check from 4.4 to 6.9 s. A link whose
 * target is missing when it is first read is looked up again in {@link broken}: pages read while
 * the site is still being written (see link-scan.ts) may link pages written after them.
 */
export class LinkBook {
  readonly #outputDir: string;
  readonly #prefix: string;
  readonly #isThere: (target: string) => boolean;
  /** Links whose target was there, as written. */
  readonly #found = new Set<string>();
  /** Links whose target was missing when read, as written, each with its number in `#missingLinks`. */
  readonly #missing = new Map<string, number>();
  readonly #missingLinks: string[] = [];
  /** Pages with a link in `#missing`, by number. */
  readonly #pages: string[] = [];
  /**
   * Each read of a link in `#missing`, in reading order, as two numbers: the link's and its page's.
   * Pages read while the site is written miss every record page at first: about a million reads at
   * 10,000 articles, which as arrays of numbers took the scan's thread to 62 MB of heap.
   */
  #reads = new Int32Array(4096);
  #readCount = 0;

  constructor(outputDir: string, pathPrefix: string, kept?: KeptFrom) {
    this.#outputDir = outputDir;
    this.#prefix = normalisePathPrefix(pathPrefix);
    this.#isThere = targetFinder(outputDir, kept);
  }

  /** Reads the links of the page `page` (an absolute path). */
  read(page: string): void {
    const html = readFileSync(page, 'utf8');
    let pageNumber: number | undefined;
    for (const match of html.matchAll(LINK_ATTRIBUTE)) {
      const written = match[1] ?? '';
      if (!written.startsWith('/') || written.startsWith('//') || this.#found.has(written)) continue;
      let linkNumber = this.#missing.get(written);
      if (linkNumber === undefined) {
        // A copy, not `written` itself: a substring keeps the whole page it was cut from alive.
        const link = Buffer.from(written).toString();
        if (this.#reaches(written)) {
          this.#found.add(link);
          continue;
        }
        linkNumber = this.#missingLinks.push(link) - 1;
        this.#missing.set(link, linkNumber);
      }
      pageNumber ??= this.#pages.push(path.relative(this.#outputDir, page)) - 1;
      this.#noteRead(linkNumber, pageNumber);
    }
  }

  /** The links read whose target is missing now, by page in reading order, each as it reads decoded. */
  broken(): BrokenLink[] {
    const stillMissing = this.#missingLinks.map((written) => !this.#reaches(written));
    const broken: BrokenLink[] = [];
    for (let at = 0; at < this.#readCount * 2; at += 2) {
      const [linkNumber, pageNumber] = [this.#reads[at] ?? 0, this.#reads[at + 1] ?? 0];
      if (!stillMissing[linkNumber]) continue;
      const href = (this.#missingLinks[linkNumber] ?? '').replaceAll('&amp;', '&');
      broken.push({ page: this.#pages[pageNumber] ?? '', href });
    }
    return broken;
  }

  #noteRead(linkNumber: number, pageNumber: number): void {
    if (this.#readCount * 2 === this.#reads.length) {
      const grown = new Int32Array(this.#reads.length * 2);
      grown.set(this.#reads);
      this.#reads = grown;
    }
    this.#reads[this.#readCount * 2] = linkNumber;
    this.#reads[this.#readCount * 2 + 1] = pageNumber;
    this.#readCount += 1;
  }

  #reaches(written: string): boolean {
    const target = resolveTarget(this.#outputDir, this.#prefix, written.replaceAll('&amp;', '&'));
    return target !== undefined && this.#isThere(target);
  }
}

/**
 * The links of `links` whose target is still missing: for a check run while some files (the search
 * index) were still being written, or before the build had said what it keeps of the previous site.
 */
export function stillBroken(
  outputDir: string,
  pathPrefix: string,
  links: readonly BrokenLink[],
  kept?: KeptFrom,
): BrokenLink[] {
  const prefix = normalisePathPrefix(pathPrefix);
  const isThere = targetFinder(outputDir, kept);
  return links.filter((link) => {
    const target = resolveTarget(outputDir, prefix, link.href);
    return target === undefined || !isThere(target);
  });
}

/** Whether a file of the site in `outputDir` is there, or kept in the previous site: one lookup either way. */
function targetFinder(outputDir: string, kept: KeptFrom | undefined): (target: string) => boolean {
  if (kept === undefined) return existsSync;
  return (target) => {
    const relative = path.relative(outputDir, target).split(path.sep).join('/');
    if (!kept.files.has(relative)) return existsSync(target);
    return kept.found?.has(relative) === true || existsSync(path.join(kept.output, relative));
  };
}

/**
 * The site a build updates in place and what it keeps of it: a link from a new page to a kept one
 * has its target there.
 */
export interface KeptFrom {
  readonly output: string;
  readonly files: KeptPaths;
  /**
   * Files of that site found on disk while the build loaded, as paths under it: not looked up
   * again. After a rename the home page, indexes and A–Z pages link every record page, 25,000
   * lookups at 10,000 articles.
   */
  readonly found?: ReadonlySet<string>;
}

function resolveTarget(outputDir: string, prefix: string, href: string): string | undefined {
  const pathname = decodePath(href.split(/[?#]/)[0] ?? '');
  if (pathname === undefined) return undefined;
  if (!pathname.startsWith(prefix)) return undefined;
  const relative = pathname.slice(prefix.length);
  const file = path.join(outputDir, relative);
  if (!file.startsWith(outputDir)) return undefined;
  return pathname.endsWith('/') ? path.join(file, 'index.html') : file;
}

// A path whose percent-encoding is not UTF-8 (`/%E0%A4`) names no file: a broken link of its page,
// not a reason for the whole check to throw without saying where.
function decodePath(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

async function listHtml(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
