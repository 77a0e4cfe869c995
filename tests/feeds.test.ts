import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { FEED_ENTRIES, type FeedArticle, toAtom, toFeed, toJsonFeed } from '../src/site/feeds.ts';
import { publishTarget } from '../src/site/publish.ts';
import { atomText } from './helpers/atom.ts';

const target = publishTarget('https://news.example.gov', '/archive/');
const article = (n: number): FeedArticle => ({
  link: { url: `/articles/a${n}/` },
  title: `Article ${n}`,
  summary: `Summary ${n}`,
  html: `<p>Text of <a href="/officials/li-qiang/">Li Qiang</a> ${n}</p>`,
  date:
    n % 2 === 0
      ? { label: '20 June 2018', iso: '2018-06-20', inferred: false }
      : { label: 'Date not stated', inferred: false },
  added: { label: '22 November 2026', iso: '2026-11-22', inferred: false },
});
const articles = Array.from({ length: FEED_ENTRIES + 10 }, (_, n) => article(n));
const spec = { page: '/officials/li-qiang/', title: 'Articles naming Li Qiang', path: '/officials/li-qiang/feed.xml' };

describe('feeds', () => {
  it('should carry only the newest entries, dated ones of the same day first', () => {
    const feed = toFeed(target, spec, articles);
    expect(feed.entries).toHaveLength(FEED_ENTRIES);
    expect(feed.entries[0]?.url).toBe('https://news.example.gov/archive/articles/a0/');
    // The 30 dated articles of the same `added` day come first, then the undated ones.
    expect(feed.entries[30]?.url).toBe('https://news.example.gov/archive/articles/a1/');
    expect(feed.selfUrl).toBe('https://news.example.gov/archive/officials/li-qiang/feed.xml');
  });

  it('should put a new undated article first, however many dated articles there are', () => {
    const dated = Array.from({ length: 60 }, (_, n): FeedArticle => {
      const day = `2018-06-${String((n % 28) + 1).padStart(2, '0')}`;
      return { ...article(n), date: { label: day, iso: day, inferred: false } };
    });
    const added = { label: '23 November 2026', iso: '2026-11-23', inferred: false };
    const undated: FeedArticle = { ...article(99), date: { label: 'Date not stated', inferred: false }, added };
    // The site lists articles by the source's date, undated last; the feed must not keep that order.
    for (const feed of [toFeed(target, spec, [...dated, undated]), toFeed(target, spec, [undated, ...dated])]) {
      expect(feed.entries).toHaveLength(FEED_ENTRIES);
      expect(feed.entries[0]).toMatchObject({ title: 'Article 99', updated: '2026-11-23T00:00:00Z' });
      expect(feed.entries[0]).not.toHaveProperty('published');
      expect(feed.entries[1]?.published).toBe('2018-06-28T00:00:00Z');
      expect(feed.updated).toBe('2026-11-23T00:00:00Z');
    }
  });

  it('should order the newest additions by the source date, month before undated', () => {
    const month = { ...article(1), date: { label: 'June 2018', iso: '2018-06', inferred: false } };
    const day = { ...article(3), date: { label: '2 May 2018', iso: '2018-05-02', inferred: false } };
    const titles = toFeed(target, spec, [article(5), day, month]).entries.map((entry) => entry.title);
    expect(titles).toEqual(['Article 1', 'Article 3', 'Article 5']);
  });

  it('should date entries by the day the archive took them in, and publish only stated days', () => {
    const inferred = { ...article(0), date: { label: '20 June 2018', iso: '2018-06-20', inferred: true } };
    const [first, second, third] = toFeed(target, spec, [article(0), article(1), inferred]).entries;
    expect(first).toMatchObject({ updated: '2026-11-22T00:00:00Z', published: '2018-06-20T00:00:00Z' });
    // An inferred date or none: the entry says only when the archive took it in.
    expect(second?.published).toBeUndefined();
    expect(third).toMatchObject({ updated: '2026-11-22T00:00:00Z' });
    expect(third).not.toHaveProperty('published');
  });

  it('should carry text with absolute links only when asked, and summaries always', () => {
    const summaries = toFeed(target, spec, articles);
    expect(summaries.entries[0]).not.toHaveProperty('html');
    const full = toFeed(target, { ...spec, fullText: true, jsonPath: '/feed.json' }, articles);
    expect(full.entries[0]?.html).toBe(
      '<p>Text of <a href="https://news.example.gov/archive/officials/li-qiang/">Li Qiang</a> 0</p>',
    );
    const json = JSON.parse(toJsonFeed(full, 'Press Release Archive', 'en'));
    expect(json.items[0]).toHaveProperty('content_html');
    expect(JSON.parse(toJsonFeed(summaries, 'Press Release Archive', 'en')).items[0].content_text).toBe('Summary 0');
  });

  it('should give an empty feed a valid updated time', () => {
    expect(toFeed(target, spec, [], '2026-11-22T00:00:00Z').updated).toBe('2026-11-22T00:00:00Z');
  });

  it('should write Atom with its ids, links, dates and language, and every text exactly', () => {
    const site = { title: 'Archive &amp; Co', description: 'Press releases', language: 'zh-Hans' };
    const hostile: FeedArticle = {
      ...article(0),
      title: 'A "q" & <script>x</script> &amp;',
      html: '<p>a ]]> b ]]> <b>c</b></p>',
    };
    const feed = toFeed(target, { ...spec, fullText: true }, [hostile, article(1)]);
    const text = toAtom(feed, site);
    const ATOM = 'http://www.w3.org/2005/Atom';
    const root = new DOMParser().parseFromString(text, 'application/xml').documentElement;
    if (!root) throw new Error('no root element');
    const child = (parent: typeof root, tag: string) => parent.getElementsByTagNameNS(ATOM, tag)[0];
    const links = Array.from(root.childNodes)
      .filter((node) => node.nodeName === 'link')
      .map((node) => `${(node as typeof root).getAttribute('rel')} ${(node as typeof root).getAttribute('href')}`);
    expect(root.getAttribute('xml:lang')).toBe('zh-Hans');
    expect(child(root, 'id')?.textContent).toBe(feed.selfUrl);
    expect(links.sort()).toEqual([`alternate ${feed.pageUrl}`, `self ${feed.selfUrl}`]);
    expect(atomText(child(root, 'title'))).toBe('Articles naming Li Qiang · Archive &amp; Co');
    expect(child(root, 'author')?.textContent?.trim()).toBe('Archive &amp; Co');
    expect(new Date(child(root, 'updated')?.textContent ?? '').toISOString()).toBe('2026-11-22T00:00:00.000Z');
    const [first, second] = Array.from(root.getElementsByTagNameNS(ATOM, 'entry'));
    if (!first || !second) throw new Error('two entries expected');
    expect(atomText(child(first, 'title'))).toBe(hostile.title);
    expect(text).not.toContain('<script>');
    expect(child(first, 'id')?.textContent).toBe('https://news.example.gov/archive/articles/a0/');
    expect(child(first, 'link')?.getAttribute('href')).toBe('https://news.example.gov/archive/articles/a0/');
    expect(atomText(child(first, 'summary'))).toBe('Summary 0');
    expect(atomText(child(first, 'content'))).toBe('a ]]> b ]]> c');
    expect(new Date(child(first, 'published')?.textContent ?? '').toISOString()).toBe('2018-06-20T00:00:00.000Z');
    // An undated article: the day the archive took it in, and no publication date.
    expect(new Date(child(second, 'updated')?.textContent ?? '').toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(child(second, 'published')).toBeUndefined();
  });
});
