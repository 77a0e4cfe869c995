import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { pageFile } from './render-plan.ts';
import { linkOrCopy } from './reuse-pages.ts';
import type { SearchShard } from './search-shards.ts';

/** Thrown when Pagefind cannot index the site; the build fails rather than ship a broken search. */
export class SearchIndexError extends Error {
  override readonly name = 'SearchIndexError';
}

/** Shards to take from the previous site instead of indexing them again. */
export interface ReusableShards {
  /** The previous site's output folder. */
  readonly from: string;
  readonly keys: ReadonlySet<string>;
}

/** What {@link writeSearchIndex} did. */
export interface SearchIndexResult {
  /** Pages indexed by this build. */
  readonly pages: number;
  readonly indexed: readonly string[];
  readonly reused: readonly string[];
}

/**
 * Indexes the rendered record pages with Pagefind, one index per shard, each written to its bundle
 * folder; the search page merges them. Only elements marked `data-pagefind-body` are indexed, so
 * navigation and footers never turn up as results. Shards in `reuse` are hard-linked from the
 * previous site; one that cannot be is indexed instead.
 */
export async function writeSearchIndex(
  outputDir: string,
  shards: readonly SearchShard[],
  reuse?: ReusableShards,
): Promise<SearchIndexResult> {
  const output = path.resolve(outputDir);
  const result = { pages: 0, indexed: [] as string[], reused: [] as string[] };
  // The first bundle holds the others' folders: it is written first, so nothing it does touches them.
  for (const shard of shards) {
    if (reuse?.keys.has(shard.key) && (await reuseBundle(reuse.from, output, shard))) {
      result.reused.push(shard.key);
      continue;
    }
    result.pages += await indexShard(output, shard);
    result.indexed.push(shard.key);
  }
  return result;
}

async function indexShard(output: string, shard: SearchShard): Promise<number> {
  const { index, errors } = await pagefind.createIndex();
  try {
    if (!index) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ')}`);
    // Pagefind reads the shard's pages from disk itself, on its own threads: about twice as fast as
    // sending each page's HTML through its Node API, and the pages never pass through this process.
    // An empty shard (a site without record pages) still gets its bundle, so the search page loads.
    const added =
      shard.urls.length === 0
        ? { errors: [], page_count: 0 }
        : await index.addDirectory({ path: output, glob: shardGlob(output, shard) });
    if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index: ${added.errors.join('; ')}`);
    if (added.page_count !== shard.urls.length) {
      throw new SearchIndexError(
        `Pagefind indexed ${added.page_count} of the ${shard.urls.length} pages of shard "${shard.key}"`,
      );
    }
    const written = await index.writeFiles({ outputPath: path.join(output, shard.bundle) });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    // Ends Pagefind's process, and with it the memory of this shard's index, before the next one.
    await pagefind.close();
  }
}

/** Characters a page path may hold and still be a literal in a Pagefind glob; slugs never need more. */
const GLOB_LITERAL = /^[a-z0-9/._-]+$/;

/** A glob matching exactly the shard's page files, relative to the output folder. */
export function shardGlob(output: string, shard: SearchShard): string {
  const files = shard.urls.map((url) => {
    const file = pageFile(output, url);
    const relative = file === undefined ? undefined : path.relative(output, file).split(path.sep).join('/');
    if (relative === undefined || !GLOB_LITERAL.test(relative)) {
      throw new SearchIndexError(`not a record page URL: ${url}`);
    }
    return relative;
  });
  return files.length === 1 ? (files[0] ?? '') : `{${files.join(',')}}`;
}

/** Links a shard's bundle from the previous site; `false`, leaving nothing behind, if it cannot. */
async function reuseBundle(from: string, output: string, shard: SearchShard): Promise<boolean> {
  const source = path.join(from, shard.bundle);
  const linked: string[] = [];
  try {
    const files = readdirSync(source, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(source, path.join(entry.parentPath, entry.name)))
      // The first bundle's folder also holds the other shards' folders: those are not part of it.
      .filter((file) => !file.startsWith(`shards${path.sep}`));
    if (!files.includes('pagefind-entry.json')) return false;
    for (const file of files) {
      const target = path.join(output, shard.bundle, file);
      linkOrCopy(path.join(source, file), target);
      linked.push(target);
    }
    return true;
  } catch {
    await Promise.all(linked.map((file) => rm(file, { force: true })));
    return false;
  }
}
