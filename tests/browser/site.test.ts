import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build-site.ts';
import { readContent } from '../../src/load/read-content.ts';
import { buildArchive } from '../../src/pipeline/build-archive.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { PAGE_KINDS } from '../helpers/page-kinds.ts';
import { serveStatic } from '../helpers/static-server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const prefix = '/archive/';
const output = path.join(mkdtempSync(path.join(tmpdir(), 'archive-browser-')), '_site');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  const { archive } = buildArchive(await readContent(path.join(root, 'content'), root));
  if (!archive) throw new Error('shipped content must be valid');
  // Search index shards of 8 pages: search merges several indexes here, as on a large archive.
  // (csp.test.ts searches a site with one index.)
  await buildSite({ archive, output, pathPrefix: prefix, searchShardPages: 8 });
  server = await serveStatic(output, prefix);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(width: number): Promise<Page> {
  // axe is injected as an inline script, which the pages' own policy would block.
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    javaScriptEnabled: true,
    bypassCSP: true,
  });
  return context.newPage();
}

describe('a reader in Chromium', () => {
  it('should walk article → official → event → city → article by clicking', async () => {
    const page = await openPage(1280);
    await page.goto(`${server.url}articles/tan-chengxu-visits-huludao-and-jinzhou/`);
    await page.locator('.article-body').getByRole('link', { name: 'Tan Chengxu', exact: true }).first().click();
    await expect.poll(() => page.url()).toBe(`${server.url}officials/tan-chengxu/`);
    expect(await page.locator('h1').textContent()).toBe('Tan Chengxu');

    await page
      .locator('#events ~ ul')
      .getByRole('link', { name: 'Second Joint Conference on Counterpart Cooperation', exact: false })
      .click();
    await expect
      .poll(() => page.url())
      .toContain('/events/second-joint-conference-on-shanghai-dalian-counterpart-cooperation/');

    await page.locator('.facts').getByRole('link', { name: 'Shanghai', exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}cities/shanghai/`);

    await page
      .locator('#articles ~ ul')
      .getByRole('link', { name: /The Second Joint Conference on Counterpart Cooperation/ })
      .click();
    await expect.poll(() => page.url()).toBe(`${server.url}articles/second-shanghai-dalian-joint-conference/`);
    await page.context().close();
  });

  for (const width of [1280, 375]) {
    it(`should have no WCAG 2.2 A/AA violation on any page kind at ${width}px`, async () => {
      const page = await openPage(width);
      const violations: string[] = [];
      for (const [kind, url] of Object.entries(PAGE_KINDS)) {
        await page.goto(`${server.url}${url}`);
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run: (options: unknown) => Promise<AxeResult> } }).axe;
          return axe.run({
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          });
        });
        for (const violation of result.violations) {
          violations.push(
            `${kind}: ${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(' ')}`,
          );
        }
      }
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }

  it('should serve every asset under the path prefix', async () => {
    const page = await openPage(1280);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    await page.goto(`${server.url}${PAGE_KINDS.article}`);
    const color = await page.locator('.site-header').evaluate((element) => {
      const view = globalThis as unknown as { getComputedStyle: (node: unknown) => { backgroundColor: string } };
      return view.getComputedStyle(element).backgroundColor;
    });
    expect(color).toBe('rgb(8, 58, 102)');
    expect(failed).toEqual([]);
    await page.context().close();
  });
});

describe('search in Chromium', () => {
  const results = (page: Page) => page.locator('.pagefind-ui__result-link');
  const articleUrl = `${prefix}articles/second-shanghai-dalian-joint-conference/`;

  it('should find the article that names an official, and narrow the results with a filter', async () => {
    const page = await openPage(1280);
    await page.goto(`${server.url}search/`);
    await page.getByRole('textbox', { name: 'Search the archive' }).fill('Ying Yong');
    await expect.poll(() => results(page).count()).toBeGreaterThan(1);
    const message = page.locator('.pagefind-ui__message');
    await expect.poll(() => message.textContent()).toMatch(/^\d+ results? for Ying Yong$/);
    const unfiltered = Number((await message.textContent())?.split(' ')[0]);

    await page.locator('.pagefind-ui__filter-name', { hasText: 'Type' }).click();
    await page.getByRole('checkbox', { name: /^Article/ }).check();
    await expect.poll(async () => Number((await message.textContent())?.split(' ')[0])).toBeLessThan(unfiltered);
    const hrefs = await results(page).evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual([articleUrl]);
    await expect.poll(() => page.locator('.pagefind-ui__result').first().textContent()).toContain('Date not stated');

    await results(page).first().click();
    await expect.poll(() => page.url()).toBe(`${server.url}articles/second-shanghai-dalian-joint-conference/`);
    await page.context().close();
  });

  it('should run a search from the header form', async () => {
    const page = await openPage(375);
    await page.goto(`${server.url}cities/dalian/`);
    await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('Huludao');
    await page.getByRole('button', { name: 'Go' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}search/?q=Huludao`);
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('should point readers without JavaScript to the indexes', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}search/`);
    await expect.poll(() => page.getByText('Search runs in your browser and needs JavaScript').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Officials A to Z' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}officials/`);
    await context.close();
  });
});

interface AxeResult {
  violations: { id: string; nodes: { target: string[] }[] }[];
}
