import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/bench/write-corpus.ts';
import { buildSite } from '../../src/cli/build-site.ts';
import { readContent } from '../../src/load/read-content.ts';
import { buildArchive } from '../../src/pipeline/build-archive.ts';
import { EVAL_CORPUS, evaluateQueries } from '../../src/search-eval/evaluate.ts';
import { formatJudgements } from '../../src/search-eval/judge.ts';
import { readQueries } from '../../src/search-eval/queries.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { serveStatic } from '../helpers/static-server.ts';

// The kept query set (tests/fixtures/search-queries.json), run as `npm run eval:search` runs it,
// and the search page's result cards and order control as a reader uses them.

const root = path.resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(path.join(tmpdir(), 'archive-ranking-'));
const sites = { shipped: path.join(temp, 'shipped'), 'corpus-1000': path.join(temp, 'corpus-1000') };
// A small corpus indexed in several shards, as every archive past a few thousand pages is.
const sharded = path.join(temp, 'sharded');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;

async function build(content: string, output: string, searchShardPages?: number): Promise<void> {
  const { archive } = buildArchive(await readContent(content, root));
  if (!archive) throw new Error(`${content} must be valid content`);
  await buildSite({ archive, output, ...(searchShardPages ? { searchShardPages } : {}) });
}

beforeAll(async () => {
  const corpus = path.join(temp, 'corpus');
  await writeCorpus(corpus, EVAL_CORPUS);
  await build(path.join(root, 'content'), sites.shipped);
  await build(corpus, sites['corpus-1000']);
  const small = path.join(temp, 'small-corpus');
  await writeCorpus(small, { articles: 150, seed: 1 });
  await build(small, sharded, 100);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

/** The result cards on the page: each one's link and tags, in order. */
const cards = (page: Page) =>
  page.locator('.pagefind-ui__result').evaluateAll((results) =>
    results.map((result) => ({
      url: result.querySelector('a')?.getAttribute('href') ?? '',
      tags: [...result.querySelectorAll('.pagefind-ui__result-tag')].map((tag) => tag.textContent?.trim() ?? ''),
    })),
  );

/** The result cards once each has its link: Pagefind fills a card in after drawing it. */
async function shownCards(page: Page): Promise<Awaited<ReturnType<typeof cards>>> {
  await expect
    .poll(
      async () => {
        const shown = await cards(page);
        return shown.length > 0 && shown.every((card) => card.url !== '');
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return cards(page);
}

describe('the kept search queries', () => {
  it('should each find what they expect in the first three results', async () => {
    const judgements = await evaluateQueries(browser, sites, readQueries());
    const failed = judgements.filter((judgement) => !judgement.passed);
    expect(failed.length, formatJudgements(judgements)).toBe(0);
    expect(judgements.length).toBeGreaterThanOrEqual(25);
  }, 300_000);
});

describe('search results on the shipped site', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(sites.shipped);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function search(query: string, width: number, sort = ''): Promise<Page> {
    // axe is injected as an inline script, which the pages' own policy would block.
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}${sort}`);
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 30_000 });
    return page;
  }

  it('should show an article card with its type, its date as stated and its place', async () => {
    const page = await search('Huludao', 1280);
    const article = (await cards(page)).find(
      (card) => card.url === '/articles/tan-chengxu-visits-huludao-and-jinzhou/',
    );
    expect(article?.tags[0]).toBe('Type: Article');
    expect(article?.tags.some((tag) => tag.startsWith('Date: '))).toBe(true);
    expect(article?.tags.some((tag) => tag.startsWith('Place: '))).toBe(true);
    await page.context().close();
  });

  it('should keep the newest-first order in the address and across a reload', async () => {
    const page = await search('Dalian', 1280);
    await page.getByRole('radio', { name: 'Newest first' }).check();
    await expect.poll(() => page.url()).toContain('sort=newest');
    await expect.poll(async () => (await cards(page)).length).toBeGreaterThan(0);
    // Reloading keeps the order.
    await page.reload();
    await expect.poll(() => page.getByRole('radio', { name: 'Newest first' }).isChecked()).toBe(true);
    await page.context().close();
  });

  for (const width of [1280, 375]) {
    it(`should have no WCAG 2.2 A/AA violation in the results and the order control at ${width}px`, async () => {
      const page = await search('Huludao', width);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as { axe: { run: (context: string, options: unknown) => Promise<AxeResult> } }
        ).axe;
        return axe.run('main', {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
      });
      const violations = result.violations.map(
        (violation) => `${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(' ')}`,
      );
      expect(violations).toEqual([]);
      // Nothing wider than the screen.
      const overflow = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document;
        return doc.documentElement.scrollWidth;
      });
      expect(overflow).toBeLessThanOrEqual(width);
      await page.context().close();
    });
  }
});

describe('the order of results on an archive indexed in shards', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(sharded);
  });
  afterAll(async () => {
    await server?.close();
  });

  // Pagefind's UI empties the merged indexes' options and destroys the search module it shares
  // with the next UI without waiting: each change of order must still show its results, however fast.
  it('should show the results of each order after every change, slow or quick', async () => {
    const query = `search/?q=${encodeURIComponent('Li Zhaochang')}`;
    // Each order's results as a reader opening the page with it sees them.
    const firstSeen = async (sort: string) => {
      const page = await browser.newPage();
      await page.goto(`${server.url}${query}${sort}`);
      const merged = await page.locator('#search').getAttribute('data-merge');
      expect(merged?.trim(), 'the corpus is indexed in several shards, merged into the first').not.toBe('');
      const seen = await shownCards(page);
      await page.context().close();
      return seen;
    };
    const byRelevance = await firstSeen('');
    const byNewest = await firstSeen('&sort=newest');
    expect(byNewest, 'the two orders differ on this query').not.toEqual(byRelevance);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}${query}`);
    await shownCards(page);
    for (const [order, expected] of [
      ['Newest first', byNewest],
      ['Most relevant', byRelevance],
      ['Newest first', byNewest],
    ] as const) {
      await page.getByRole('radio', { name: order }).check();
      await expect.poll(() => cards(page), { timeout: 15_000 }).toEqual(expected);
    }
    expect(page.url()).toContain('sort=newest');
    expect(errors).toEqual([]);
    // Four changes at once, before any can start a search: the last one is shown.
    await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelector(selector: string): { click(): void } } })
        .document;
      for (const value of ['relevance', 'newest', 'relevance', 'newest']) {
        doc.querySelector(`input[name="sort"][value="${value}"]`).click();
      }
    });
    await expect.poll(() => cards(page), { timeout: 15_000 }).toEqual(byNewest);
    expect(page.url()).toContain('sort=newest');
    // A search cut short by the next change rejects inside Pagefind ("Pagefind worker terminated");
    // nothing else may fail.
    expect(errors.filter((message) => message !== 'Pagefind worker terminated')).toEqual([]);
    await page.context().close();
  });
});

interface AxeResult {
  violations: { id: string; nodes: { target: string[] }[] }[];
}
