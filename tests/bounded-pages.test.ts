import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/write-corpus.ts';
import type { Archive } from '../src/pipeline/build-archive.ts';
import { publishTarget } from '../src/site/publish.ts';
import { TIMELINE_EVENTS } from '../src/site/view/pictures.ts';
import { type SiteView, toSiteView } from '../src/site/view/site-view.ts';
import { buildContentDir, siteDir } from './helpers/build-content-dir.ts';
import { shippedArchive } from './helpers/shipped-archive.ts';

const work = mkdtempSync(path.join(tmpdir(), 'archive-home-'));
const target = publishTarget('https://news.example.gov');

let large: Archive;
let site: SiteView;
const output = siteDir(work);

beforeAll(async () => {
  await writeCorpus(path.join(work, 'content'), { articles: 150, seed: 3 });
  large = await buildContentDir(work);
  site = toSiteView(large, target);
}, 180_000);

describe("the home page's timeline", () => {
  it('should show every event, undated ones last, while there are few', async () => {
    const shipped = toSiteView(await shippedArchive(), target);
    expect(shipped.timeline.map((event) => event.link.url).sort()).toEqual(
      shipped.events.map((event) => event.link.url).sort(),
    );
    expect(shipped.pictures.timeline).toContain('Timeline of events');
  });

  it('should show only the newest dated events once there are many, oldest first', () => {
    expect(site.events.length).toBeGreaterThan(TIMELINE_EVENTS);
    const shown = site.timeline.map((event) => event.date.iso ?? '');
    expect(shown).toHaveLength(TIMELINE_EVENTS);
    expect(shown.every((iso) => iso !== '')).toBe(true);
    expect([...shown].sort()).toEqual(shown);
    // No event left out is newer than the oldest one shown.
    const oldestShown = shown[0] ?? '';
    const shownUrls = new Set(site.timeline.map((event) => event.link.url));
    const newerLeftOut = site.events.filter(
      (event) => !shownUrls.has(event.link.url) && (event.date.iso ?? '') > oldestShown,
    );
    expect(newerLeftOut.map((event) => event.link.url)).toEqual([]);
    expect(site.pictures.timeline).toContain('Recent events');
  });

  it('should say on the published page that it shows the most recent events, and link them all', () => {
    const home = readFileSync(path.join(output, 'index.html'), 'utf8');
    expect(home).toContain('<h2 id="timeline">Recent events</h2>');
    expect(home).toContain(
      `The ${TIMELINE_EVENTS} most recent of the archive's ${site.events.length} events. <a href="/events/">All events, by kind</a>`,
    );
    // The timeline's events, and no other: the page no longer lists the whole archive.
    const eventPages = [...new Set(home.match(/\/events\/[a-z0-9-]+\//g))].sort();
    expect(eventPages).toEqual(site.timeline.map((event) => event.link.url).sort());
  });
});

describe("an official's timeline", () => {
  const timelineLinks = (page: string) =>
    [...(page.match(/<svg[\s\S]*?<\/svg>/)?.[0] ?? '').matchAll(/<a href="(\/events\/[^"]+)"/g)].map(
      (match) => match[1],
    );
  const pageOf = (slug: string) => readFileSync(path.join(output, 'officials', slug, 'index.html'), 'utf8');

  it('should draw the newest dated events of an official in many, and say the list below has them all', () => {
    const busy = site.officials.find((official) => official.events.length > TIMELINE_EVENTS);
    if (!busy) throw new Error('the corpus must have an official in more events than a timeline shows');
    const page = pageOf(busy.link.slug);
    expect(page).toContain(
      `The timeline shows the ${TIMELINE_EVENTS} most recent of ${busy.events.length} events; the list below has them all.`,
    );
    expect(page).toContain(`Recent events with ${busy.name}`);
    const newestDated = busy.events.filter((event) => event.date.iso !== undefined).slice(-TIMELINE_EVENTS);
    expect(timelineLinks(page).sort()).toEqual(newestDated.map((event) => event.link.url).sort());
    // The list still names every event.
    for (const event of busy.events) expect(page).toContain(`href="${event.link.url}"`);
  });

  it('should draw every event of an official in few, without the note', () => {
    const quiet = site.officials.find(
      (official) => official.events.length > 1 && official.events.length <= TIMELINE_EVENTS,
    );
    if (!quiet) throw new Error('the corpus must have an official in a few events');
    const page = pageOf(quiet.link.slug);
    expect(page).not.toContain('most recent of');
    expect(page).toContain(`Events with ${quiet.name}`);
    // Every event is drawn: the dated ones on the axis, the undated in a group of their own.
    expect(quiet.events.some((event) => event.date.iso !== undefined)).toBe(true);
    expect(new Set(timelineLinks(page))).toEqual(new Set(quiet.events.map((event) => event.link.url)));
  });
});

describe('articles by year', () => {
  const pageAt = (url: string) => readFileSync(path.join(output, url, 'index.html'), 'utf8');
  const articleLinks = (page: string) =>
    [...page.matchAll(/<a href="(\/articles\/[a-z0-9-]+\/)">/g)].map((match) => match[1] ?? '');

  it('should list each year on the articles index, with its count, and no article', () => {
    const index = pageAt('/articles/');
    const years = [...index.matchAll(/<li><a href="(\/years\/[^"]+\/)">([^<]*)<\/a> <span class="count">(\d+) /g)];
    expect(years.map((match) => match[1])).toEqual(site.years.map((year) => year.url));
    expect(years.map((match) => Number(match[3]))).toEqual(site.years.map((year) => year.articles.length));
    expect(articleLinks(index)).toEqual([]);
  });

  it("should put every article on its year's page, once, in the index's order", () => {
    expect(site.years.length).toBeGreaterThan(2);
    const listed = site.years.flatMap((year) => articleLinks(pageAt(year.url)));
    expect(listed).toEqual(site.articles.map((article) => article.link.url));
    for (const year of site.years) {
      const dated = year.id !== 'date-not-stated';
      const years = new Set(year.articles.map((article) => article.date.iso?.slice(0, 4)));
      expect([...years]).toEqual([dated ? year.label : undefined]);
      expect(pageAt(year.url)).toContain(`<h1 id="${year.id}">`);
    }
  });
});
