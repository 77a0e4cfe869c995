import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteFingerprints } from '../src/build/plan/render-plan.ts';
import { planSearchShards } from '../src/build/search/search-shards.ts';
import { buildSite } from '../src/cli/build-site.ts';
import { readContent } from '../src/load/read-content.ts';
import { type Archive, buildArchive } from '../src/pipeline/build-archive.ts';
import { PAGE_KIND_KEYS, pageKind } from '../src/site/page-kinds.ts';
import { publishTarget } from '../src/site/publish.ts';
import { LETTERS_SECTION } from '../src/site/view/index-view.ts';
import { type SiteView, toSiteView, YEARS_SECTION } from '../src/site/view/site-view.ts';
import { FIXTURES } from './helpers/fixtures.ts';
import { searchFragments, snapshotSite } from './helpers/tree.ts';

// The shipped content, which has every record kind, and the articles of the topics fixture, which
// give the page kind made from a label field its pages: every page kind of the table has pages.
const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'archive-page-kinds-'));
const output = path.join(work, '_site');
let archive: Archive;
let site: SiteView;

const read = (file: string) => readFileSync(path.join(output, file), 'utf8');
const page = (url: string) => read(path.join(url, 'index.html'));
const urlsOf = (key: (typeof PAGE_KIND_KEYS)[number]) =>
  (site[key] as readonly { readonly link: { readonly url: string } }[]).map((view) => view.link.url);

beforeAll(async () => {
  cpSync(path.join(root, 'content'), path.join(work, 'content'), { recursive: true });
  cpSync(path.join(FIXTURES, 'topics', 'content', 'articles'), path.join(work, 'content', 'articles'), {
    recursive: true,
  });
  const result = buildArchive(await readContent(path.join(work, 'content'), work));
  if (!result.archive) throw new Error('the content must be valid');
  archive = result.archive;
  site = toSiteView(archive, publishTarget('http://localhost:8080'));
  await buildSite({ archive, output });
}, 180_000);

describe('the table of page kinds', () => {
  it.each(PAGE_KIND_KEYS)('should give %s a section of its own, with pages in the site', (key) => {
    const sections = PAGE_KIND_KEYS.map((other) => pageKind(other).section);
    expect(sections.filter((section) => section === pageKind(key).section)).toHaveLength(1);
    expect(pageKind(key).section).toMatch(/^[a-z]+$/);
    // The pages by year and by letter have sections of their own, which no kind may take.
    expect([YEARS_SECTION, LETTERS_SECTION]).not.toContain(pageKind(key).section);
    expect(urlsOf(key).length).toBeGreaterThan(0);
    for (const url of urlsOf(key)) expect(url.startsWith(`/${pageKind(key).section}/`)).toBe(true);
  });

  it.each(PAGE_KIND_KEYS)('should render %s with a layout in layouts/pages that paginates its pages', (key) => {
    const layout = path.join(root, 'layouts', 'pages', pageKind(key).layout);
    expect(existsSync(layout)).toBe(true);
    expect(readFileSync(layout, 'utf8')).toContain(`data: recordPages.${key}\n`);
    for (const url of urlsOf(key)) expect(existsSync(path.join(output, url, 'index.html'))).toBe(true);
  });

  it.each(PAGE_KIND_KEYS)('should list %s in the navigation, the sitemap and a search shard', (key) => {
    const { section, title } = pageKind(key);
    const nav = page('/').match(/<ul class="site-nav">[\s\S]*?<\/ul>/)?.[0] ?? '';
    expect(nav).toContain(`<a href="/${section}/">${title}</a>`);
    const sitemap = read('sitemap.xml');
    const inShards = new Set(planSearchShards(site).flatMap((shard) => shard.urls));
    for (const url of [`/${section}/`, ...urlsOf(key)]) {
      expect(sitemap).toContain(`<loc>http://localhost:8080${url}</loc>`);
    }
    for (const url of urlsOf(key)) {
      expect(inShards.has(url)).toBe(true);
      expect(page(url)).toContain('data-pagefind-body');
    }
  });

  it.each(PAGE_KIND_KEYS)("should count %s in the home page's opening sentence", (key) => {
    const { section, title } = pageKind(key);
    const lede = page('/').match(/<p class="lede">Who met whom[\s\S]*?<\/p>/)?.[0] ?? '';
    expect(lede).toContain(`<a href="/${section}/">${urlsOf(key).length} ${title.toLowerCase()}</a>`);
  });

  it.each(PAGE_KIND_KEYS)('should publish the open data of %s that the footer links', (key) => {
    const { data } = pageKind(key);
    if (data === undefined) return;
    expect(page('/')).toContain(`<a href="${data}">`);
    expect(Array.isArray(JSON.parse(read(data)))).toBe(true);
  });

  it('should index every page the site has, no more', () => {
    const everyPage = PAGE_KIND_KEYS.flatMap(urlsOf).sort();
    expect(
      planSearchShards(site)
        .flatMap((shard) => shard.urls)
        .sort(),
    ).toEqual(everyPage);
  });
});

describe('topics', () => {
  it('should give each topic a page listing its articles newest first, the undated last', () => {
    const trade = page('/topics/trade/');
    const order = ['/articles/trade-fair/', '/articles/port-agreement/', '/articles/export-figures/'];
    const positions = order.map((url) => trade.indexOf(`<a href="${url}">`));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(trade).not.toContain('/articles/river-clean-up/');
    expect(trade).toContain('<h1 data-pagefind-weight="7">Trade</h1>');
  });

  it('should list the topics A to Z with their counts, at the slug of their words', () => {
    const index = page('/topics/');
    expect(index).toContain('<a href="/topics/economie/">Économie</a> <span class="count">1 article</span>');
    expect(index).toContain('<a href="/topics/trade/">Trade</a> <span class="count">3 articles</span>');
    const letters = [...index.matchAll(/<h2 id="letter-(\w+)">/g)].map((match) => match[1]);
    expect(letters).toEqual(['E', 'T']);
    expect(readdirSync(path.join(output, 'topics')).sort()).toEqual([
      'economie',
      'environment',
      'index.html',
      'trade',
      'transport',
    ]);
  });

  it("should publish a topic's Atom feed of its articles, linked from its page", () => {
    const feed = read('topics/trade/feed.xml');
    expect(feed).toContain('<title>Articles on Trade · Press Release Archive</title>');
    const entries = [...feed.matchAll(/<id>http:\/\/localhost:8080(\/articles\/[^<]+)<\/id>/g)].map((m) => m[1]);
    expect(entries.sort()).toEqual(['/articles/export-figures/', '/articles/port-agreement/', '/articles/trade-fair/']);
    expect(page('/topics/trade/')).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Articles on Trade" href="/topics/trade/feed.xml">',
    );
  });

  it('should link an article to its topics, and file it and the topic page under the Topic filter', () => {
    const article = page('/articles/port-agreement/');
    expect(article).toContain('<h3>Topics</h3>');
    expect(article).toContain('<a href="/topics/trade/">Trade</a>');
    expect(article).toContain('<a href="/topics/transport/">Transport</a>');
    expect(article).toContain('<span data-pagefind-filter="topic">Trade</span>');
    expect(page('/articles/weather-report/')).not.toContain('<h3>Topics</h3>');
    const topic = page('/topics/transport/');
    expect(topic).toContain('<span data-pagefind-filter="type">Topic</span>');
    expect(topic).toContain('<span data-pagefind-filter="topic">Transport</span>');
  });

  it('should write valid HTML for topics, their index and articles with topics', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const url of ['/topics/', '/topics/trade/', '/articles/port-agreement/', '/search/']) {
      const report = await validator.validateFile(path.join(output, url, 'index.html'));
      for (const message of report.results.flatMap((result) => result.messages)) {
        problems.push(`${url}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('should publish the topics as open data, and list them in the sitemap', () => {
    const topics = JSON.parse(read('data/topics.json')) as { id: string; label: string; articles: string[] }[];
    expect(topics.map((topic) => [topic.id, topic.label, topic.articles.length])).toEqual([
      ['economie', 'Économie', 1],
      ['environment', 'Environment', 1],
      ['trade', 'Trade', 3],
      ['transport', 'Transport', 1],
    ]);
    expect(read('sitemap.xml')).toContain('<loc>http://localhost:8080/topics/trade/</loc>');
  });
});

describe('topics in the build after an edit', () => {
  const source = path.join(work, 'topics-content');
  const incremental = path.join(work, 'topics-incremental');
  let fingerprints: SiteFingerprints | undefined;
  const archiveNow = async () => {
    const result = buildArchive(await readContent(source, work));
    if (!result.archive) throw new Error('the content must be valid');
    return result.archive;
  };
  const build = async () => {
    const built = await buildSite({
      archive: await archiveNow(),
      output: incremental,
      renderBatchPages: 3,
      incremental: { codeVersion: 'c1', ...(fingerprints && { previous: fingerprints }) },
    });
    fingerprints = built.fingerprints;
    return built;
  };

  it('should make the pages of new topics, remove those of gone ones, and equal a full build', async () => {
    cpSync(path.join(FIXTURES, 'topics', 'content'), source, { recursive: true });
    const cold = await build();
    // At most three record pages a run: at least a run per three pages, then one for the other pages.
    const pages = cold.reuse?.pages.rendered ?? 0;
    expect(pages).toBeGreaterThan(3);
    expect(cold.runs).toBeGreaterThanOrEqual(Math.ceil(pages / 3) + 1);
    const file = path.join(source, 'articles', 'port-agreement.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('topics: [Trade, Transport]', 'topics: [Trade, Ports]'));
    const built = await build();
    expect(built.reuse?.pages.rendered).toBeGreaterThan(0);
    expect(readdirSync(path.join(incremental, 'topics')).sort()).toEqual([
      'economie',
      'environment',
      'index.html',
      'ports',
      'trade',
    ]);
    const full = path.join(work, 'topics-full');
    rmSync(full, { recursive: true, force: true });
    await buildSite({ archive: await archiveNow(), output: full });
    expect(snapshotSite(incremental)).toEqual(snapshotSite(full));
    expect(searchFragments(incremental)).toEqual(searchFragments(full));
  }, 120_000);
});
