import type { Browser } from 'playwright-core';
import type { FoundResult } from './judge.ts';

/** Pagefind's search order: relevance, or newest first on the pages' `date` sort key. */
export type SearchOrder = 'relevance' | 'newest';

/**
 * Runs each query on the site served at `siteUrl` in Chromium, through Pagefind's JS API as the
 * search page's UI does: the bundles and ranking the page names (`data-bundle`, `data-merge`,
 * `data-ranking`), the first index given the ranking in `options()`, each merged one in
 * `mergeIndex()`. Returns the first `count` results of each query, in order.
 */
export async function searchInBrowser(
  browser: Browser,
  siteUrl: string,
  queries: readonly string[],
  options: {
    readonly order?: SearchOrder;
    readonly count?: number;
    /** Pagefind ranking options to try instead of the page's, without building again. */
    readonly ranking?: object;
  } = {},
): Promise<FoundResult[][]> {
  // The module is loaded by a function made from text (below), which the pages' policy forbids.
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(new URL('search/', siteUrl).href);
    const input = { queries, order: options.order ?? 'relevance', count: options.count ?? 3, ranking: options.ranking };
    return await page.evaluate(runQueries, input);
  } finally {
    await context.close();
  }
}

/** What runs in the page; the project's types have no DOM, so the page is described here. */
interface InPage {
  document: { getElementById(id: string): { dataset: Record<string, string | undefined> } | null };
}

interface PagefindResult {
  data(): Promise<{ url: string; content: string; meta: Record<string, string | undefined> }>;
}

interface PagefindApi {
  options(options: object): Promise<void>;
  mergeIndex(bundle: string, options: object): Promise<void>;
  search(query: string, options: object): Promise<{ results: PagefindResult[] }>;
}

async function runQueries(input: {
  queries: readonly string[];
  order: SearchOrder;
  count: number;
  ranking: object | undefined;
}): Promise<FoundResult[][]> {
  const root = (globalThis as unknown as InPage).document.getElementById('search');
  if (!root) throw new Error('the search page has no #search element');
  const { base = '/', bundle = '/pagefind/', merge = '', ranking = '{}' } = root.dataset;
  // Made from text: a bundler rewrites an `import()` written here into a helper the page lacks.
  const load = new Function('url', 'return import(url)') as (url: string) => Promise<PagefindApi>;
  const pagefind = await load(`${bundle}pagefind.js`);
  const parsedRanking: object = input.ranking ?? JSON.parse(ranking);
  await pagefind.options({ baseUrl: base, ranking: parsedRanking });
  for (const other of merge.split(' ').filter((path) => path !== '')) {
    await pagefind.mergeIndex(other, { baseUrl: base, ranking: parsedRanking });
  }
  const sort = input.order === 'newest' ? { date: 'desc' } : undefined;
  const found: FoundResult[][] = [];
  for (const query of input.queries) {
    const search = await pagefind.search(query, sort ? { sort } : {});
    const data = await Promise.all(search.results.slice(0, input.count).map((result) => result.data()));
    found.push(
      data.map((page) => ({
        url: page.url,
        title: page.meta['title'] ?? '',
        type: page.meta['type'] ?? '',
        content: page.content,
      })),
    );
  }
  return found;
}
