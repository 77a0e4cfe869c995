import { readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { mapInWindows } from '../util/map-in-windows.ts';
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

const FILES_IN_FLIGHT = 32;

async function indexShard(output: string, shard: SearchShard): Promise<number> {
  const { index, errors } = await pagefind.createIndex();
  try {
    if (!index) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ')}`);
    // A few pages in flight at a time: enough to keep Pagefind busy, without holding a whole
    // shard's HTML in this process.
    const added = await mapInWindows(shard.urls, FILES_IN_FLIGHT, async (url) => {
      const file = pageFile(output, url);
      if (file === undefined) throw new SearchIndexError(`not a record page URL: ${url}`);
      const content = await readFile(file, 'utf8');
      return index.addHTMLFile({ sourcePath: path.relative(output, file), content });
    });
    const failed = added.flatMap((response) => response.errors);
    if (failed.length > 0) throw new SearchIndexError(`Pagefind could not index: ${failed.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(output, shard.bundle) });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write: ${written.errors.join('; ')}`);
    return added.length;
  } finally {
    // Ends Pagefind's process, and with it the memory of this shard's index, before the next one.
    await pagefind.close();
  }
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
