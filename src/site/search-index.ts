import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Thrown when Pagefind cannot index the site; the build fails rather than ship a broken search. */
export class SearchIndexError extends Error {
  override readonly name = 'SearchIndexError';
}

/**
 * Indexes the rendered site with Pagefind and writes the index and its UI to `<output>/pagefind/`.
 * Only elements marked `data-pagefind-body` (article and record pages) are indexed, so navigation,
 * indexes and footers never turn up as results.
 */
export async function writeSearchIndex(outputDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex();
  try {
    if (!index) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ')}`);
    // One page at a time, in path order: Pagefind numbers pages as they arrive, so a folder scan
    // (which reads in parallel) would give a different index for the same site on every build.
    const root = path.resolve(outputDir);
    const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
    for (const page of pages) {
      const added = await index.addHTMLFile({
        url: pageUrl(page),
        content: await readFile(path.join(root, page), 'utf8'),
      });
      if (added.errors.length > 0)
        throw new SearchIndexError(`Pagefind could not index ${page}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(path.resolve(outputDir), 'pagefind') });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write: ${written.errors.join('; ')}`);
    return { pages: pages.length };
  } finally {
    await pagefind.close();
  }
}

/** The URL Pagefind should give a page: `articles/x/index.html` → `/articles/x/`. */
function pageUrl(file: string): string {
  return `/${file.split(path.sep).join('/')}`.replace(/index\.html$/, '');
}
