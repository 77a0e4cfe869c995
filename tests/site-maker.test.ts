import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/write-corpus.ts';
import { archiveShape } from '../src/build/plan/archive-shape.ts';
import { planBuild } from '../src/build/plan/build-plan.ts';
import { planColdBuild } from '../src/build/plan/cold-plan.ts';
import { recordsShownBy } from '../src/build/plan/page-reach.ts';
import { sharedByPages } from '../src/build/plan/render-plan.ts';
import { estimatedViewSizes } from '../src/build/plan/view-weights.ts';
import type { Archive } from '../src/pipeline/build-archive.ts';
import { PAGE_KIND_KEYS } from '../src/site/page-kinds.ts';
import { publishTarget } from '../src/site/publish.ts';
import { type SitePages, siteMaker, toSiteView } from '../src/site/view/site-view.ts';
import { buildContentDir } from './helpers/build-content-dir.ts';

const work = mkdtempSync(path.join(tmpdir(), 'archive-maker-'));
const target = publishTarget('https://news.example.gov', '/archive/');

let archive: Archive;

beforeAll(async () => {
  await writeCorpus(path.join(work, 'content'), { articles: 120, seed: 11 });
  archive = await buildContentDir(work);
}, 180_000);

/** Every page of `pages`, by URL, as JSON. */
function byUrl(pages: SitePages): Map<string, string> {
  return new Map(
    PAGE_KIND_KEYS.flatMap((key) =>
      (pages[key] as readonly { link: { url: string } }[]).map((view) => [view.link.url, JSON.stringify(view)]),
    ),
  );
}

describe('record pages made some at a time', () => {
  it('should list every page before its view is made, in the order of the pages, with the date shards go by', () => {
    const site = toSiteView(archive, target);
    for (const key of PAGE_KIND_KEYS) {
      const views = site[key] as readonly { link: { url: string }; date?: { iso?: string } }[];
      expect(site.entries[key].map((entry) => entry.link.url)).toEqual(views.map((view) => view.link.url));
      expect(site.home.counts[key]).toBe(views.length);
      if (key === 'articles' || key === 'events') {
        expect(site.entries[key].map((entry) => entry.date?.iso)).toEqual(views.map((view) => view.date?.iso));
      }
    }
  });

  it('should make each page, and its feed, exactly as the whole site makes them, whatever pages share a run', () => {
    const whole = toSiteView(archive, target);
    const all = byUrl(whole);
    const urls = [...all.keys()];
    // Pages of every kind, shuffled into runs of unequal size.
    const runs = [new Set(urls.filter((_, position) => position % 3 === 0)), new Set<string>()];
    runs.push(new Set(urls.filter((_, position) => position % 3 === 1)));
    runs.push(new Set(urls.filter((_, position) => position % 3 === 2)));
    const maker = siteMaker(archive, target);
    const made = new Map<string, string>();
    // Each run's feeds are taken as it ends: together they are the whole site's, each once.
    const taken = [...maker.takeFeeds()];
    expect(taken.map((feed) => feed.path)).toEqual(['/feed.xml']);
    for (const run of runs) {
      for (const [url, json] of byUrl(maker.pages(run))) {
        expect(run.has(url)).toBe(true);
        expect(made.has(url)).toBe(false);
        made.set(url, json);
      }
      const feeds = maker.takeFeeds();
      expect(feeds.every((feed) => run.has(feed.path.replace(/feed\.xml$/, '')))).toBe(true);
      taken.push(...feeds);
    }
    expect(made).toEqual(all);
    expect(maker.takeFeeds()).toEqual([]);
    const feeds = (list: readonly { path: string }[]) =>
      new Map(list.map((feed) => [feed.path, JSON.stringify(feed)] as const));
    expect(feeds(taken)).toEqual(feeds(whole.feeds));
    expect(taken).toHaveLength(whole.feeds.length);
    expect(JSON.stringify(maker.outline.years)).toBe(JSON.stringify(whole.years));
  });

  it("should count a city's articles and events, and an official's events, as their pages list them", () => {
    const site = toSiteView(archive, target);
    const cities = new Map(site.cities.map((city) => [city.link.url, city]));
    expect(site.home.cities.length).toBe(site.cities.length);
    for (const listing of site.home.cities) {
      const city = cities.get(listing.link.url);
      expect([listing.articleCount, listing.eventCount]).toEqual([city?.articles.length, city?.events.length]);
    }
    const officials = new Map(site.officials.map((official) => [official.link.url, official]));
    expect(site.home.officials.some((official) => official.eventCount > 1)).toBe(true);
    for (const listing of site.home.officials) {
      expect(listing.eventCount).toBe(officials.get(listing.link.url)?.events.length);
    }
  });
});

describe('a cold build, whose runs make their own views', () => {
  it('should plan the same shards, and record the same fingerprints and feeds, as a plan made from every view', () => {
    const incremental = {
      codeVersion: 'c1',
      shape: archiveShape(archive, sharedByPages('c1', target)),
      showsOf: recordsShownBy(archive),
    };
    const limits = { pages: 40, bytes: 400_000 };
    const site = toSiteView(archive, target);
    const whole = planBuild(site, target, incremental, 60, limits);
    const maker = siteMaker(archive, target);
    const cold = planColdBuild(maker, archive, target, incremental, limits, 60);
    expect(cold.shards).toEqual(whole.shards);
    expect(cold.search).toEqual(whole.search);
    expect(cold.batches.length).toBeGreaterThan(3);
    expect(cold.pages?.fingerprints.size).toBe(0);
    const rendered: string[] = [];
    for (const batch of cold.batches) {
      if (typeof batch.pages !== 'function') throw new Error('a cold run makes its views as it starts');
      const pages = batch.pages();
      rendered.push(...PAGE_KIND_KEYS.flatMap((key) => pages[key].map((view) => view.link.url)));
      expect(() => (batch.pages as () => unknown)()).toThrow(/twice/);
    }
    expect(rendered.sort()).toEqual([...(whole.pages?.fingerprints.keys() ?? [])].sort());
    expect(new Map(cold.pages?.fingerprints)).toEqual(new Map(whole.pages?.fingerprints));
    expect(new Set(maker.takeFeeds().map((feed) => JSON.stringify(feed)))).toEqual(
      new Set(site.feeds.map((feed) => JSON.stringify(feed))),
    );
  });
});

describe("a page's view size, estimated before it is made", () => {
  // Fitted at 10,000 articles, where the estimate of the whole site is within 1% (5% at 1,000):
  // on a small archive it is rougher, but must stay in the range that cuts runs sensibly.
  it("should come near the size of the whole site's views as JSON, and give every page a size", () => {
    const site = toSiteView(archive, target);
    const estimated = estimatedViewSizes(archive, site.entries);
    const views = PAGE_KIND_KEYS.flatMap((key) => site[key] as readonly { link: { url: string } }[]);
    expect(estimated.size).toBe(views.length);
    const actual = views.reduce((sum, view) => sum + JSON.stringify(view).length, 0);
    const guess = views.reduce((sum, view) => sum + (estimated.get(view.link.url) ?? 0), 0);
    expect(guess / actual).toBeGreaterThan(0.75);
    expect(guess / actual).toBeLessThan(1.4);
    const articles = site.articles.map((view) => [estimated.get(view.link.url) ?? 0, JSON.stringify(view).length]);
    for (const [guessed, size] of articles)
      expect(Math.abs((guessed ?? 0) - (size ?? 0)) / (size ?? 1)).toBeLessThan(0.3);
  });
});
