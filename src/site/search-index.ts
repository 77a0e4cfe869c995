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
    const added = await index.addDirectory({ path: path.resolve(outputDir) });
    if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(path.resolve(outputDir), 'pagefind') });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
