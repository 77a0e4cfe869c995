import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build-site.ts';
import { readContent } from '../../src/load/read-content.ts';
import { buildArchive } from '../../src/pipeline/build-archive.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { serveStatic } from '../helpers/static-server.ts';

// Pagefind's UI lists filter values (officials, cities) as HTML. Names full of markup
// (tests/fixtures/hostile-search) must show there as text, with no Content-Security-Policy to
// fall back on: the server sends no headers and the browser ignores the pages' own policy.

/** The hostile names, exactly as written in their front matter. */
const NAMES = {
  phishing: 'Li <a href="https://phish.example/login">Archive notice: your session expired, sign in again</a>',
  image: 'Wang <img src=x onerror="window.__pwned=1"> Fang',
  script: `Zhao <script>window.__pwned=1</script> & 'Min'`,
  attribute: 'Dalian "><svg onload=window.__pwned=1> City',
  // An entity written in the name is part of the name, not a character to decode.
  entity: 'Yingkou <b onmouseover=window.__pwned=1>&amp; Port</b>',
};

/** Elements, links and handlers that could only have come from a name. */
const FROM_A_NAME = [
  'a[href*="phish"]',
  'img[src="x"]',
  'svg',
  'b',
  'script',
  '[onerror]',
  '[onload]',
  '[onmouseover]',
  '.pagefind-ui__filter-label *',
];

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  const { archive } = buildArchive(await readContent(path.join(FIXTURES, 'hostile-search/content'), FIXTURES));
  if (!archive) throw new Error('the hostile-search fixture must be valid content');
  const output = path.join(mkdtempSync(path.join(tmpdir(), 'archive-filters-')), '_site');
  await buildSite({ archive, output });
  // No `headersFile`: like GitHub Pages, this host sends no Content-Security-Policy.
  server = await serveStatic(output);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the page-side checks use of the browser (the project's types have no DOM). */
interface InPage {
  __pwned?: number;
}

/** Opens the search page for `query` with every filter group open, with no policy in force. */
async function searchWithFiltersOpen(query: string): Promise<{ page: Page; dialogs: string[] }> {
  // The pages repeat the policy in a <meta> element; bypassing it shows what escaping alone does.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  expect(response?.headers()['content-security-policy']).toBeUndefined();
  await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 30_000 });
  for (const filter of ['Official', 'City']) {
    await page.locator('.pagefind-ui__filter-name', { hasText: filter }).click();
  }
  // Three officials and two cities.
  await expect.poll(() => page.locator('.pagefind-ui__filter-label').filter({ visible: true }).count()).toBe(5);
  // A broken image reports its error only once its request has failed.
  await page.waitForLoadState('networkidle');
  return { page, dialogs };
}

describe('search filters named with markup, on a host that sends no policy', () => {
  it('should show every name as text, with no element, link or handler from it', async () => {
    const { page, dialogs } = await searchWithFiltersOpen('Dalian');
    const labels = page.locator('.pagefind-ui__filter-label');
    // The labels of the open groups: a handler on a name would fire on hover.
    for (const label of await labels.filter({ visible: true }).all()) await label.hover();
    const found: string[] = [];
    for (const selector of FROM_A_NAME) {
      const count = await page.locator(`#search ${selector}`).count();
      if (count > 0) found.push(`${count} × ${selector}`);
    }
    expect(found).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as InPage).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // Each label reads "name (count of results)".
    const shown = (await labels.allTextContents()).map((text) => text.replace(/ \(\d+\)$/, ''));
    expect(shown).toEqual(expect.arrayContaining(Object.values(NAMES)));
    // A result's title and excerpt show the name too, as text (the excerpt is Pagefind's own HTML).
    expect(await page.locator('.pagefind-ui__result-link').allTextContents()).toContain(NAMES.attribute);
    expect((await page.locator('.pagefind-ui__result-excerpt').allTextContents()).join('\n')).toContain(
      NAMES.attribute,
    );
    await page.context().close();
  });

  it('should still narrow the results by a name full of markup', async () => {
    // Dalian's record and the article, which names the city in its own text (a record's lists of
    // articles are not indexed, so the record alone would not bring the article).
    const { page } = await searchWithFiltersOpen('Dalian');
    const results = page.locator('.pagefind-ui__result-link');
    await expect.poll(() => results.count()).toBeGreaterThan(1);
    const before = await results.count();
    // The label shows the name as text, then the count of results; clicking it ticks its checkbox.
    await page.locator('.pagefind-ui__filter-label', { hasText: NAMES.phishing }).click();
    await expect.poll(() => results.count()).toBeLessThan(before);
    const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toContain('/articles/notice/');
    expect(hrefs).not.toContain('/cities/dalian/');
    await page.context().close();
  });
});
