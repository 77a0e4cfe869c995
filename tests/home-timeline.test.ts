import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/write-corpus.ts';
import { buildSite } from '../src/cli/build-site.ts';
import { readContent } from '../src/load/read-content.ts';
import { type Archive, buildArchive } from '../src/pipeline/build-archive.ts';
import { publishTarget } from '../src/site/publish.ts';
import { HOME_TIMELINE_EVENTS, type SiteView, toSiteView } from '../src/site/view/site-view.ts';

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'archive-home-'));
const target = publishTarget('https://news.example.gov');

const archiveOf = async (content: string, base: string): Promise<Archive> => {
  const { archive } = buildArchive(await readContent(content, base));
  if (!archive) throw new Error(`${content} must be valid`);
  return archive;
};

let large: Archive;
let site: SiteView;

beforeAll(async () => {
  await writeCorpus(path.join(work, 'content'), { articles: 80, seed: 3 });
  large = await archiveOf(path.join(work, 'content'), work);
  site = toSiteView(large, target);
}, 60_000);

describe("the home page's timeline", () => {
  it('should show every event, undated ones last, while there are few', async () => {
    const shipped = toSiteView(await archiveOf(path.join(root, 'content'), root), target);
    expect(shipped.timeline.map((event) => event.link.url).sort()).toEqual(
      shipped.events.map((event) => event.link.url).sort(),
    );
    expect(shipped.pictures.timeline).toContain('Timeline of events');
  });

  it('should show only the newest dated events once there are many, oldest first', () => {
    expect(site.events.length).toBeGreaterThan(HOME_TIMELINE_EVENTS);
    const shown = site.timeline.map((event) => event.date.iso ?? '');
    expect(shown).toHaveLength(HOME_TIMELINE_EVENTS);
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

  it('should say on the published page that it shows the most recent events, and link them all', async () => {
    const output = path.join(work, 'site');
    await buildSite({ archive: large, output });
    const home = readFileSync(path.join(output, 'index.html'), 'utf8');
    expect(home).toContain('<h2 id="timeline">Recent events</h2>');
    expect(home).toContain(
      `The ${HOME_TIMELINE_EVENTS} most recent of the archive's ${site.events.length} events. <a href="/events/">All events, by kind</a>`,
    );
    // The timeline's events, and no other: the page no longer lists the whole archive.
    const eventPages = [...new Set(home.match(/\/events\/[a-z0-9-]+\//g))].sort();
    expect(eventPages).toEqual(site.timeline.map((event) => event.link.url).sort());
  }, 120_000);
});
