import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/cli/build-site.ts';
import { readContent } from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import { FIXTURES } from './helpers/fixtures.ts';

// Names and titles full of markup characters must come out as text in every published format:
// HTML, JSON-LD, Atom, JSON Feed, the sitemap, open data and the search index.
const TITLE = `Talks on <script>alert("t")</script> & "ports" at O'Brien's`;
const OFFICIAL = 'Wang "Tiger" <Li>';
const CITY = 'Port <City>';
const EVENT = 'Talks <img src=x onerror=alert(1)> & more';

const output = path.join(mkdtempSync(path.join(tmpdir(), 'archive-escaping-')), '_site');
const read = (file: string) => readFileSync(path.join(output, file), 'utf8');
const files = () => readdirSync(output, { recursive: true, encoding: 'utf8' });

beforeAll(async () => {
  const caseDir = path.join(FIXTURES, 'hostile-names');
  const { archive, files: checked } = buildArchive(await readContent(path.join(caseDir, 'content'), caseDir));
  if (!archive) throw new Error(checked.flatMap((file) => file.messages.map(String)).join('\n'));
  await buildSite({ archive, output });
}, 120_000);

describe('markup characters in names and titles', () => {
  it('should never reach any HTML page as markup', () => {
    for (const file of files().filter((name) => name.endsWith('.html'))) {
      const html = read(file);
      expect(html, file).not.toContain('<script>alert');
      expect(html, file).not.toContain('<img src=x');
      expect(html, file).not.toMatch(/<Li>|<City>/);
    }
    const article = read('articles/talks/index.html');
    expect(article).toContain('Talks on &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &quot;ports&quot;');
  });

  it('should keep JSON-LD a single, parseable script with the exact title', () => {
    const article = read('articles/talks/index.html');
    const blocks = [...article.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]?.[1] ?? '')).toMatchObject({ headline: TITLE });
  });

  it('should give the exact text in Atom feeds, which stay well-formed XML', () => {
    const text = (file: string, tag: string) => {
      const document = new DOMParser().parseFromString(read(file), 'application/xml');
      return Array.from(document.getElementsByTagName(tag)).map((node) => node.textContent);
    };
    expect(text('feed.xml', 'title')).toContain(TITLE);
    expect(text('officials/wang-tiger/feed.xml', 'title')[0]).toContain(`Articles naming ${OFFICIAL}`);
    expect(text('cities/port-city/feed.xml', 'title')[0]).toContain(`Articles about ${CITY}`);
    expect(text('events/talks-event/feed.xml', 'title')[0]).toContain(`Articles reporting ${EVENT}`);
    // The entry's HTML is escaped once: a reader shows the names as text, not as tags.
    const [content] = text('feed.xml', 'content');
    expect(content).toContain('Wang "Tiger" &#x3C;Li>');
    expect(content).not.toContain('<Li>');
  });

  it('should give the exact text in the JSON Feed and open data', () => {
    expect(JSON.parse(read('feed.json')).items[0].title).toBe(TITLE);
    expect(JSON.parse(read('data/officials/wang-tiger.json')).name).toBe(OFFICIAL);
  });

  it('should keep the sitemap well-formed', () => {
    const document = new DOMParser().parseFromString(read('sitemap.xml'), 'application/xml');
    expect(document.getElementsByTagName('loc').length).toBeGreaterThan(5);
  });

  it('should index the exact text for search, as text', () => {
    const fragments = files()
      .filter((file) => file.endsWith('.pf_fragment'))
      .map((file) =>
        JSON.parse(
          gunzipSync(readFileSync(path.join(output, file)))
            .toString()
            .replace(/^pagefind_dcd/, ''),
        ),
      );
    const article = fragments.find((fragment) => fragment.url === '/articles/talks/');
    expect(article.meta.title).toBe(TITLE);
    expect(article.filters.official).toEqual([OFFICIAL]);
    expect(article.filters.city).toEqual([CITY]);
    expect(article.content).toContain(`${OFFICIAL} met officials in ${CITY} & more.`);
  });
});
