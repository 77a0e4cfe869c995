import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build-site.ts';
import { readContent } from '../../src/load/read-content.ts';
import { buildArchive } from '../../src/pipeline/build-archive.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { PAGE_KINDS } from '../helpers/page-kinds.ts';
import { serveStatic } from '../helpers/static-server.ts';

// Every page kind under the real Content-Security-Policy, served from the site's own `_headers` file.

const root = path.resolve(import.meta.dirname, '../..');
const prefix = '/archive/';

type Server = Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let site: { output: string; server: Server };
let hostile: { output: string; server: Server };

async function buildAndServe(content: string, pathPrefix: string) {
  const { archive } = buildArchive(await readContent(content, root));
  if (!archive) throw new Error(`${content} must be valid content`);
  const output = path.join(mkdtempSync(path.join(tmpdir(), 'archive-csp-')), '_site');
  await buildSite({ archive, output, pathPrefix });
  return { output, server: await serveStatic(output, pathPrefix, { headersFile: true }) };
}

beforeAll(async () => {
  site = await buildAndServe(path.join(root, 'content'), prefix);
  hostile = await buildAndServe(path.join(FIXTURES, 'hostile/content'), '/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.server.close();
  await hostile?.server.close();
});

/** What the page-side functions below use of the browser (the project's types have no DOM). */
interface InPage {
  readonly document: {
    addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
    createElement(tag: string): { textContent: string };
    readonly head: { append(node: unknown): void };
  };
  __violations: string[];
  __inlineRan?: boolean;
  __pwned?: number;
}

interface Watched {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Every policy violation the page reported, by event or on the console. */
  readonly violations: () => Promise<string[]>;
}

async function watchPage(): Promise<Watched> {
  const context = await browser.newContext();
  // Init scripts run before the page's own, and are not subject to its policy.
  await context.addInitScript(() => {
    const seen: string[] = [];
    const inPage = globalThis as unknown as InPage;
    inPage.__violations = seen;
    inPage.document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) console.push(message.text());
  });
  const violations = async () => [
    ...(await page.evaluate(() => (globalThis as unknown as InPage).__violations)),
    ...console,
  ];
  return { page, context, violations };
}

/** Adds an inline script to the page and checks that the policy stopped it, and said so. */
async function expectInlineScriptBlocked(page: Page, violations: () => Promise<string[]>): Promise<void> {
  const ran = await page.evaluate(() => {
    const inPage = globalThis as unknown as InPage;
    const script = inPage.document.createElement('script');
    script.textContent = 'globalThis.__inlineRan = true';
    inPage.document.head.append(script);
    return inPage.__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(async () => (await violations()).join('\n')).toMatch(/^script-src(-elem)? blocked inline/);
}

describe('the Content-Security-Policy in a real browser', () => {
  it('should be sent with every page kind, and no page should break it', async () => {
    const { page, context, violations } = await watchPage();
    const found: string[] = [];
    for (const [kind, url] of Object.entries(PAGE_KINDS)) {
      const response = await page.goto(`${site.server.url}${url}`, { waitUntil: 'load' });
      expect(response?.headers()['content-security-policy'], kind).toContain("script-src 'self'");
      found.push(...(await violations()).map((violation) => `${kind}: ${violation}`));
    }
    expect(found).toEqual([]);
    await context.close();
  });

  it('should block inline script, so the check above can fail', async () => {
    const { page, context, violations } = await watchPage();
    await page.goto(`${site.server.url}${PAGE_KINDS.article}`);
    await expectInlineScriptBlocked(page, violations);
    await context.close();
  });

  it('should block inline script from the pages themselves on a host that sends no headers', async () => {
    const bare = await serveStatic(site.output, prefix);
    const { page, context, violations } = await watchPage();
    const response = await page.goto(`${bare.url}${PAGE_KINDS.article}`);
    expect(response?.headers()['content-security-policy']).toBeUndefined();
    await expectInlineScriptBlocked(page, violations);
    await context.close();
    await bare.close();
  });

  it('should let search run under the policy', async () => {
    expect(existsSync(path.join(site.output, 'search/index.html'))).toBe(true);
    const { page, context, violations } = await watchPage();
    await page.goto(`${site.server.url}search/?q=Dalian`);
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 30_000 });
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('should show hostile names as text on every page, with nothing run and nothing blocked', async () => {
    const { page, context, violations } = await watchPage();
    const pages = readdirSync(hostile.output, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('index.html'))
      .map((file) => file.replace(/index\.html$/, ''));
    const found: string[] = [];
    for (const url of pages) {
      await page.goto(`${hostile.server.url}${url}`, { waitUntil: 'load' });
      const pwned = await page.evaluate(() => (globalThis as unknown as InPage).__pwned);
      if (pwned !== undefined) found.push(`${url}: script from content ran`);
      found.push(...(await violations()).map((violation) => `${url}: ${violation}`));
    }
    expect(found).toEqual([]);
    await page.goto(`${hostile.server.url}officials/tan-chengxu/`);
    expect(await page.locator('h1').textContent()).toBe(`Tan <script>window.__pwned=1</script> & "Chengxu" 'Jr'`);
    expect(await page.title()).toContain('Tan <script>window.__pwned=1</script>');
    await context.close();
  });
});
