import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pageFile } from '../plan/render-plan.ts';
import { firstAnswer, startWorker } from '../workers/start-worker.ts';
import { type SearchShard, shardHoldsRecordsAlone } from './search-shards.ts';
import { searchedHtml } from './searched-html.ts';

/**
 * Whether Pagefind reads `shard` from copies of its pages cut to what it indexes, rather than from
 * the pages themselves. Pagefind parses all of a page, also what it is told to leave out: an
 * official's page lists every article and event they appear in, and is 25 times the size of what
 * is searched of it. At 10,000 articles the records' shard is 184 MB of pages and 9.8 MB of
 * copies; Pagefind took 7.7 s of CPU (4.7 s) over the pages and 1.4 s (0.9 s) over the copies,
 * with the same fragments and word index. An article's page is mostly searched, so a year's shard
 * is read as it is: copying it would cost the build more than it saves Pagefind.
 */
export function indexedFromCopies(shard: SearchShard): boolean {
  return shardHoldsRecordsAlone(shard);
}

/** What the copying thread is started with (see searched-copies-worker.ts). */
export interface CopiesData {
  readonly output: string;
  readonly urls: readonly string[];
  readonly folder: string;
}

/**
 * Writes the pages of `shard` in `output` to `folder`, at the same paths, as Pagefind reads them
 * (see searched-html.ts), and returns `folder`. Pagefind gives a page its URL from its path under
 * the folder it reads, so an index made from the copies is the index of the pages. The copying
 * (about 1 s at 10,000 articles) runs on a thread of its own: the records' shard is handed over as
 * the build goes on to the feeds and the link check, which would otherwise hold it back.
 */
export function writeSearchedCopies(output: string, shard: SearchShard, folder: string): Promise<string> {
  const data: CopiesData = { output, urls: shard.urls, folder };
  const source = new URL('./searched-copies-worker.ts', import.meta.url);
  const worker = startWorker(source, 'searched-copies-worker', data);
  return firstAnswer<string>(worker, `the thread copying the pages of search shard "${shard.key}"`);
}

/** The copying itself, as {@link writeSearchedCopies} describes it; returns `folder`. */
export function copySearchedPages({ output, urls, folder }: CopiesData): string {
  const made = new Set<string>();
  for (const url of urls) {
    const page = pageFile(output, url);
    if (page === undefined) throw new Error(`not a record page URL: ${url}`);
    const copy = path.join(folder, path.relative(output, page));
    const parent = path.dirname(copy);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(copy, searchedHtml(readFileSync(page, 'utf8')));
  }
  return folder;
}
