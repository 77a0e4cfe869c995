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
  const prefix = normalisePathPrefix(pathPrefix);
  const broken: BrokenLink[] = [];
  // Every page links the same sections and many of the same records: each link, as written, is
  // resolved and looked up once. At 10,000 articles (2.2 million links in 25,000 pages) resolving
  // each one took the whole check from 4.4 to 6.9 s, at the end of a cold build.
  const isThere = targetFinder(outputDir, kept);
  const linked = new Map<string, boolean>();
  const reaches = (written: string) => {
    const known = linked.get(written);
    if (known !== undefined) return known;
    const target = resolveTarget(outputDir, prefix, written.replaceAll('&amp;', '&'));
    const there = target !== undefined && isThere(target);
    // A copy, not `written` itself: a substring keeps the whole page it was cut from alive.
    linked.set(Buffer.from(written).toString(), there);
    return there;
  };
  const pages = only ? [...new Set(only)].sort() : await listHtml(outputDir);
  for (const [position, page] of pages.entries()) {
    // Read synchronously, one page after the other, but let the search indexing that runs alongside
    // be fed now and then.
    if (position % 256 === 255) await new Promise((resolve) => setImmediate(resolve));
    const html = readFileSync(page, 'utf8');
    for (const match of html.matchAll(LINK_ATTRIBUTE)) {
      const written = match[1] ?? '';
      if (!written.startsWith('/') || written.startsWith('//') || reaches(written)) continue;
      broken.push({ page: path.relative(outputDir, page), href: written.replaceAll('&amp;', '&') });
    }
  }
  return broken;
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
