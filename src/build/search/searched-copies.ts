import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapInWindows } from '../../util/map-in-windows.ts';
import { pageFile } from '../plan/render-plan.ts';
import { type SearchShard, shardHoldsRecordsAlone } from './search-shards.ts';
import { searchedHtml } from './searched-html.ts';

/** Pages copied at once: enough to keep the file system busy, few enough to hold little. */
const COPIES_IN_FLIGHT = 16;

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

/**
 * Writes the pages of `shard` in `output` to `folder`, at the same paths, as Pagefind reads them
 * (see searched-html.ts), and returns `folder`. Pagefind gives a page its URL from its path under
 * the folder it reads, so an index made from the copies is the index of the pages.
 */
export async function writeSearchedCopies(output: string, shard: SearchShard, folder: string): Promise<string> {
  await mapInWindows(shard.urls, COPIES_IN_FLIGHT, async (url) => {
    const page = pageFile(output, url);
    if (page === undefined) throw new Error(`not a record page URL: ${url}`);
    const copy = path.join(folder, path.relative(output, page));
    const html = await readFile(page, 'utf8');
    await mkdir(path.dirname(copy), { recursive: true });
    await writeFile(copy, searchedHtml(html));
  });
  return folder;
}
