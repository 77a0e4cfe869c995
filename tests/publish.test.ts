import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { check, LinkState } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/cli/build-site.ts';
import { recordUrl } from '../src/link/urls.ts';
import { readContent } from '../src/load/read-content.ts';
import { type Archive, buildArchive } from '../src/pipeline/build-archive.ts';
import { type StaticHost, serveStatic } from '../src/serve/static-host.ts';
import { atomText } from './helpers/atom.ts';

// The site is built for, and served only under, a path prefix, the way a project page on GitHub
// Pages or a sub-folder of a ministry's site is.
const root = path.resolve(import.meta.dirname, '..');
const prefix = '/archive/';
const output = path.join(mkdtempSync(path.join(tmpdir(), 'archive-publish-')), '_site');
let archive: Archive;
let host: StaticHost;
const SHARD_PAGES = 8;

const read = (file: string) => readFileSync(path.join(output, file), 'utf8');
const xml = (file: string) => new DOMParser().parseFromString(read(file), 'application/xml');
const ATOM = 'http://www.w3.org/2005/Atom';

function atomEntries(file: string) {
  const document = xml(file);
  return Array.from(document.getElementsByTagNameNS(ATOM, 'entry')).map((entry) => ({
    title: atomText(entry.getElementsByTagNameNS(ATOM, 'title')[0]),
    link: entry.getElementsByTagNameNS(ATOM, 'link')[0]?.getAttribute('href') ?? '',
    updated: entry.getElementsByTagNameNS(ATOM, 'updated')[0]?.textContent ?? '',
    content: entry.getElementsByTagNameNS(ATOM, 'content')[0]?.textContent ?? '',
  }));
}

beforeAll(async () => {
  const result = buildArchive(await readContent(path.join(root, 'content'), root));
  if (!result.archive) throw new Error('shipped content must be valid');
  archive = result.archive;
  // Serve first, so the build can use the server's address as the site's own URL.
  host = await serveStatic(output, prefix);
  process.env['SITE_URL'] = new URL(host.url).origin;
  // Small search shards, so the seed archive is indexed in several, the way a large archive is.
  await buildSite({ archive, output, pathPrefix: prefix, searchShardPages: SHARD_PAGES });
}, 120_000);

afterAll(async () => {
  delete process.env['SITE_URL'];
  await host?.close();
});

describe('a site built under a path prefix', () => {
  it('should have no broken link when crawled from the home page, served only under the prefix', async () => {
    const result = await check({ path: host.url, recurse: true, concurrency: 8 });
    const broken = result.links.filter((link) => link.state === LinkState.BROKEN);
    expect(broken.map((link) => `${link.parent} → ${link.url} (${link.status})`)).toEqual([]);
    const crawled = new Set(result.links.map((link) => link.url));
    expect(crawled.size).toBeGreaterThan(250);
    // The crawl reached the pages, feeds and data, all under the prefix.
    expect(crawled).toContain(`${host.url}officials/tan-chengxu/`);
    expect(crawled).toContain(`${host.url}feed.xml`);
    expect(crawled).toContain(`${host.url}data/officials/tan-chengxu.json`);
    expect([...crawled].filter((url) => url.startsWith(new URL(host.url).origin) && !url.startsWith(host.url))).toEqual(
      [],
    );
  }, 120_000);

  it('should list every page in the sitemap, and name the sitemap in robots.txt', () => {
    const pages = readdirSync(output, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html') && file !== '404.html')
      .map((file) => `${host.url}${file.replace(/index\.html$/, '')}`)
      .sort();
    const listed = Array.from(xml('sitemap.xml').getElementsByTagName('loc'))
      .map((loc) => loc.textContent ?? '')
      .sort();
    expect(listed).toEqual(pages);
    expect(listed.length).toBeGreaterThan(100);
    expect(read('robots.txt')).toContain(`Sitemap: ${host.url}sitemap.xml`);
  });

  it('should publish an Atom feed of every article with absolute, prefixed links', () => {
    const entries = atomEntries('feed.xml');
    expect(entries.map((entry) => entry.link).sort()).toEqual(
      [...archive.records.article.keys()].map((slug) => `${host.url}articles/${slug}/`).sort(),
    );
    for (const entry of entries) {
      // The day the archive took the article in, as midnight UTC.
      expect(new Date(entry.updated).toISOString()).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
      // Links inside the article text work from a feed reader, away from the site.
      expect(entry.content).toContain(`href="${host.url}officials/`);
      expect(entry.content).not.toMatch(/href="\/(?!\/)/);
    }
    expect(entries.map((entry) => entry.title)).toContain(
      'Tan Chengxu visited Huludao city and Jinzhou city, the "three regions" cities of the province, to study and research.',
    );
  });

  it('should publish a feed per official, city and event with the articles its page lists', () => {
    const official = atomEntries('officials/tan-zuojun/feed.xml').map((entry) => entry.link);
    expect(official).toEqual([`${host.url}articles/second-shanghai-dalian-joint-conference/`]);
    const city = atomEntries('cities/huludao/feed.xml').map((entry) => entry.link);
    expect(city).toEqual([`${host.url}articles/tan-chengxu-visits-huludao-and-jinzhou/`]);
    const event = atomEntries('events/dalian-huludao-coastal-economic-belt-forum/feed.xml').map((entry) => entry.link);
    expect(event).toEqual([`${host.url}articles/tan-chengxu-visits-huludao-and-jinzhou/`]);
    for (const slug of archive.records.official.keys()) {
      const page = read(`officials/${slug}/index.html`);
      expect(page).toContain(`<link rel="alternate" type="application/atom+xml"`);
      expect(page).toContain(`href="${prefix}officials/${slug}/feed.xml"`);
    }
  });

  it('should publish the same articles as a JSON Feed', () => {
    const feed = JSON.parse(read('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${host.url}feed.json`);
    expect(feed.items.map((item: { url: string }) => item.url)).toEqual(atomEntries('feed.xml').map((e) => e.link));
    expect(read('index.html')).toContain(
      `type="application/feed+json" title="Press Release Archive: latest articles (JSON Feed)" href="${prefix}feed.json"`,
    );
  });

  it('should link each record page to its own JSON, whose URLs carry the prefix', () => {
    const page = read('officials/tan-chengxu/index.html');
    expect(page).toContain(`href="${prefix}data/officials/tan-chengxu.json"`);
    const record = JSON.parse(read('data/officials/tan-chengxu.json'));
    expect(record).toMatchObject({ id: 'tan-chengxu', kind: 'official', url: `${host.url}officials/tan-chengxu/` });
    const list = JSON.parse(read('data/officials.json'));
    expect(list).toContainEqual(record);
  });

  it('should index only article and record pages for search, with filters, each page in one shard', () => {
    // The search page names the first bundle and merges the others.
    const search = read('search/index.html');
    const first = /data-bundle="([^"]*)"/.exec(search)?.[1] ?? '';
    const merged = (/data-merge="([^"]*)"/.exec(search)?.[1] ?? '').split(' ').filter(Boolean);
    expect(first).toBe(`${prefix}pagefind/`);
    expect(merged.length).toBeGreaterThan(1);
    const bundles = [first, ...merged].map((bundle) => path.join(output, bundle.slice(prefix.length)));
    const fragments = bundles.flatMap((bundle) => {
      const folder = path.join(bundle, 'fragment');
      const files = readdirSync(folder);
      expect(files.length).toBeGreaterThan(0);
      return files.map((file) =>
        JSON.parse(
          gunzipSync(readFileSync(path.join(folder, file)))
            .toString()
            .replace(/^pagefind_dcd/, ''),
        ),
      );
    });
    // Record pages only: no index, home, search or 404 page, and no navigation in the text.
    const records = Object.values(archive.records).flatMap((records) =>
      [...records.values()].map((record) => recordUrl(archive.records, record)),
    );
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(records.sort());
    const article = fragments.find((fragment) => fragment.url === '/articles/second-shanghai-dalian-joint-conference/');
    expect(article.content).not.toContain('Skip to content');
    expect(article.filters).toMatchObject({ type: ['Article'], official: expect.arrayContaining(['Ying Yong']) });
    // A record page is found by what it says about its record (kind, name, other names), not by its
    // lists: the officials and the titles of the articles it lists are on the page but not indexed.
    const dalian = fragments.find((fragment) => fragment.url === '/cities/dalian/');
    expect(dalian.content).toContain('Dalian Municipality');
    expect(read('cities/dalian/index.html')).toContain('Tan Zuojun');
    expect(dalian.content).not.toContain('Tan Zuojun');
    expect(read('cities/dalian/index.html')).toContain('Was Held in Shanghai</a>');
    expect(dalian.content).not.toContain('Was Held in Shanghai');
    expect(read('search/index.html')).toContain(`src="${prefix}pagefind/pagefind-ui.js"`);
  });
});

describe('npm run preview', () => {
  const preview = path.join(root, 'src/cli/preview.ts');
  const tsx = path.join(root, 'node_modules/.bin/tsx');

  it('should serve the built site under its prefix, and nothing outside it', async () => {
    const child = spawn(tsx, [preview, `--output=${output}`, `--pathprefix=${prefix}`, '--port=0'], { cwd: root });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const match = /at (http:\S+)/.exec(chunk.toString());
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`preview exited with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/archive\/$/);
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain(`href="${prefix}assets/style.css"`);
      const outside = await fetch(new URL('/officials/tan-chengxu/', url));
      expect(outside.status).toBe(404);
      expect((await fetch(new URL(`${prefix}pagefind/wasm.en.pagefind`, url))).status).toBe(200);
    } finally {
      child.kill();
    }
  });

  it('should refuse to serve a site built for another prefix, and say how to fix it', async () => {
    const failed = await promisify(execFile)(tsx, [preview, `--output=${output}`, '--pathprefix=/']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('was not built for the path prefix /');
  });
});
