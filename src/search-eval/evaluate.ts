import type { Browser } from 'playwright-core';
import { serveStatic } from '../serve/static-host.ts';
import { type Judgement, judge } from './judge.ts';
import type { EvalQuery, EvalSite } from './queries.ts';
import { searchInBrowser } from './search-in-browser.ts';

/** The corpus the `corpus-1000` queries were written for: `generateCorpus` with these options. */
export const EVAL_CORPUS = { articles: 1000, seed: 1 } as const;

/**
 * Serves each built site (`sites`: site → output folder), runs its queries in Chromium as the
 * search page would, and judges the first three results of each, in the order of `queries`.
 */
export async function evaluateQueries(
  browser: Browser,
  sites: Readonly<Record<EvalSite, string>>,
  queries: readonly EvalQuery[],
): Promise<Judgement[]> {
  const judged = new Map<EvalQuery, Judgement>();
  for (const [site, folder] of Object.entries(sites)) {
    const own = queries.filter((query) => query.site === site);
    if (own.length === 0) continue;
    const host = await serveStatic(folder);
    try {
      const results = await searchInBrowser(
        browser,
        host.url,
        own.map((query) => query.query),
      );
      for (const [index, query] of own.entries()) judged.set(query, judge(query, results[index] ?? []));
    } finally {
      await host.close();
    }
  }
  return queries.flatMap((query) => judged.get(query) ?? []);
}
