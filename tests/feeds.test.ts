import { describe, expect, it } from 'vitest';
import { FEED_ENTRIES, type FeedArticle, toFeed, toJsonFeed } from '../src/site/feeds.ts';
import { publishTarget } from '../src/site/publish.ts';

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
  it('should carry only the newest entries, in the order given', () => {
    const feed = toFeed(target, spec, articles);
    expect(feed.entries).toHaveLength(FEED_ENTRIES);
    expect(feed.entries[0]?.url).toBe('https://news.example.gov/archive/articles/a0/');
    expect(feed.selfUrl).toBe('https://news.example.gov/archive/officials/li-qiang/feed.xml');
  });

  it('should date entries by the day the archive took them in, and publish only stated days', () => {
    const [first, second] = toFeed(target, spec, articles).entries;
    expect(first).toMatchObject({ updated: '2026-11-22T00:00:00Z', published: '2018-06-20T00:00:00Z' });
    expect(second?.published).toBeUndefined();
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
});
