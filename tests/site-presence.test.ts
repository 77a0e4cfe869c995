import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PreviousSite, SiteFingerprints } from '../src/build/plan/render-plan.ts';
import { filesFoundIn, previousIsWhole } from '../src/build/plan/reuse-pages.ts';
import { sitePresenceAhead } from '../src/build/plan/site-presence.ts';

const site = path.join(mkdtempSync(path.join(tmpdir(), 'archive-presence-')), 'site');
const pages = ['/articles/forum-on-the-port/', '/officials/tan-chengxu/', '/places/dalian/'];
const files = ['/data/officials/tan-chengxu.json', '/officials/tan-chengxu/feed.xml'];
const others = ['index.html', 'years/2019/index.html'];
const fingerprints: SiteFingerprints = {
  pages: new Map(pages.map((url) => [url, `page ${url}`])),
  search: new Map(),
  files: new Map(files.map((file) => [file, `file ${file}`])),
  others,
};

function write(file: string): void {
  mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
  writeFileSync(path.join(site, file), file);
}

beforeEach(() => {
  rmSync(site, { recursive: true, force: true });
  for (const url of pages) write(`${url.slice(1)}index.html`);
  for (const file of [...files, ...others]) write(file);
});

/** Whether the site is whole for a build that keeps its other pages, and for one that does not: looked up ahead, and now. */
async function wholeness(): Promise<{ ahead: boolean[]; now: boolean[] }> {
  const present = await sitePresenceAhead(site, fingerprints);
  expect(present).toBeDefined();
  const ahead: PreviousSite = { output: site, fingerprints, ...(present && { present }) };
  const now: PreviousSite = { output: site, fingerprints };
  return {
    ahead: [previousIsWhole(ahead, true), previousIsWhole(ahead, false)],
    now: [previousIsWhole(now, true), previousIsWhole(now, false)],
  };
}

describe('the previous site looked up on a worker thread', () => {
  it('should find a whole site whole', async () => {
    expect(await wholeness()).toEqual({ ahead: [true, true], now: [true, true] });
  });

  it.each([
    ['a record page', 'places/dalian/index.html'],
    ['an open-data file', 'data/officials/tan-chengxu.json'],
    ['a feed', 'officials/tan-chengxu/feed.xml'],
  ])('should find the site incomplete for every build when %s is gone, as a lookup made now does', async (_, file) => {
    rmSync(path.join(site, file));
    expect(await wholeness()).toEqual({ ahead: [false, false], now: [false, false] });
  });

  it('should find the site incomplete only for a build that keeps the other pages when one of those is gone', async () => {
    rmSync(path.join(site, 'years/2019/index.html'));
    expect(await wholeness()).toEqual({ ahead: [false, true], now: [false, true] });
  });

  it('should find nothing of a site that is not there', async () => {
    rmSync(site, { recursive: true });
    expect(await wholeness()).toEqual({ ahead: [false, false], now: [false, false] });
  });
});

describe('the files of the previous site found while the build loaded', () => {
  it('should be every file its fingerprints list, as paths under it, when all were found', async () => {
    const present = await sitePresenceAhead(site, fingerprints);
    expect(present).toEqual({ recordsAndFiles: true, others: true });
    const found = present && filesFoundIn({ output: site, fingerprints, present });
    expect([...(found ?? [])].sort()).toEqual(
      [
        'articles/forum-on-the-port/index.html',
        'officials/tan-chengxu/index.html',
        'places/dalian/index.html',
        'data/officials/tan-chengxu.json',
        'officials/tan-chengxu/feed.xml',
        'index.html',
        'years/2019/index.html',
      ].sort(),
    );
  });

  it('should be none when one was gone, or none were looked up while the build loaded', async () => {
    rmSync(path.join(site, 'index.html'));
    const present = await sitePresenceAhead(site, fingerprints);
    expect(present && filesFoundIn({ output: site, fingerprints, present })).toBeUndefined();
    expect(filesFoundIn({ output: site, fingerprints })).toBeUndefined();
  });
});
