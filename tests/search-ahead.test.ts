import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shardsToIndex } from '../src/build/plan/build-plan.ts';
import { emptyRecordPages } from '../src/build/plan/render-plan.ts';
import { PAGES_READ_AHEAD, readAheadFor, SearchAhead } from '../src/build/search/search-ahead.ts';
import { SearchIndexer } from '../src/build/search/search-index.ts';
import type { SearchShard } from '../src/build/search/search-shards.ts';
import { searchFragments } from './helpers/tree.ts';

const work = mkdtempSync(path.join(tmpdir(), 'archive-search-ahead-'));
const previous = path.join(work, 'previous');
const WORDS = ['harbour', 'forum', 'delegation', 'agreement', 'visit', 'conference', 'exchange', 'port'];

/** A record page as the search index reads it. */
function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
}

function writePage(site: string, url: string, html: string): void {
  mkdirSync(path.join(site, url), { recursive: true });
  writeFileSync(path.join(site, url, 'index.html'), html);
}

/** Two shards of pages, written as the previous site. */
const shards: SearchShard[] = [0, 1].map((shard) => ({
  key: `shard-${shard}`,
  bundle: shard === 0 ? 'pagefind/' : `pagefind/shards/shard-${shard}/`,
  urls: Array.from({ length: 30 }, (_, at) => `/articles/report-${shard}-${String(at).padStart(2, '0')}/`),
}));
const [first, second] = shards as [SearchShard, SearchShard];
const edited = first.urls[7] ?? '';

beforeAll(() => {
  for (const shard of shards) {
    for (const [at, url] of shard.urls.entries()) {
      writePage(previous, url, page(`Report ${url}`, `The ${WORDS[at % WORDS.length]} was held in ${shard.key}.`));
    }
  }
});

/** The Pagefind process this one started (the read ahead's), once it is there. */
async function pagefindChild(): Promise<number> {
  for (let tries = 0; tries < 1000; tries++) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat = '';
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (name.startsWith('pagefind') && state !== 'Z' && Number(parent) === process.pid) return Number(entry);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('no Pagefind process started');
}

const started: SearchAhead[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((ahead) => ahead.close()));
});

const EDITED_PAGE = page('Report edited', 'The harbour delegation signed a new agreement.');

/** A new site: the previous one with the edited page's text changed. */
function editedSite(name: string): string {
  const output = path.join(work, name);
  cpSync(previous, output, { recursive: true });
  writePage(output, edited, EDITED_PAGE);
  return output;
}

/**
 * A new site's folder with only the edited page, and an indexer for it whose shard was read ahead
 * from `from`; the other pages are read from there.
 */
function aheadOfEdit(
  name: string,
  from: string,
  kept?: string,
): { output: string; ahead: SearchAhead; indexer: SearchIndexer } {
  const output = path.join(work, name);
  writePage(output, edited, EDITED_PAGE);
  const ahead = new SearchAhead(from, [first]);
  started.push(ahead);
  return { output, ahead, indexer: new SearchIndexer(output, kept, 1, undefined, ahead) };
}

/** The shard indexed by the Pagefind CLI over every page in `output`, as a build without a read ahead does. */
async function indexedByCli(output: string, shard: SearchShard): Promise<Map<string, string>> {
  const indexer = new SearchIndexer(output);
  indexer.add(shard);
  await indexer.finish();
  return searchFragments(output);
}

describe('a search shard read ahead', () => {
  it('should write the index the CLI writes over all the pages, having read only the edited page now', async () => {
    const expected = await indexedByCli(editedSite('by-cli'), first);
    // Only the edited page is in the new folder: the others are read from the previous site.
    const { output, ahead, indexer } = aheadOfEdit('ahead', previous);
    expect(ahead.covers(first)).toBe(true);
    indexer.add(first, false, [edited]);
    const result = await indexer.finish();
    expect(result).toMatchObject({ pages: first.urls.length, indexed: [first.key], readAhead: [first.key] });
    expect(searchFragments(output)).toEqual(expected);
  }, 60_000);

  it('should write nothing, and leave the shard to the CLI, when a page was gone from the previous site', async () => {
    const damaged = path.join(work, 'damaged');
    cpSync(previous, damaged, { recursive: true });
    rmSync(path.join(damaged, first.urls[0] ?? '', 'index.html'));
    const ahead = new SearchAhead(damaged, [first]);
    started.push(ahead);
    const output = path.join(work, 'after-damage');
    const bundle = path.join(output, first.bundle);
    expect(await ahead.write(output, first, [], bundle)).toBe(false);
    expect(existsSync(bundle)).toBe(false);
    // Through the indexer, the kept pages are linked in from the previous site instead, and the CLI indexes them.
    const expected = await indexedByCli(editedSite('fallback'), first);
    const { output: again, indexer } = aheadOfEdit('fallback-ahead', damaged, previous);
    indexer.add(first, false, [edited]);
    expect(await indexer.finish()).toMatchObject({ indexed: [first.key], readAhead: [] });
    expect(searchFragments(again)).toEqual(expected);
  }, 60_000);

  it("should give up, not wait for good, when Pagefind's process is gone while it reads", async () => {
    // A shard large enough that Pagefind is still reading it when its process is killed.
    const large = path.join(work, 'large');
    const shard = { key: 'large', bundle: 'pagefind/', urls: [] as string[] };
    for (let at = 0; at < 1500; at++) {
      const url = `/articles/large-${String(at).padStart(4, '0')}/`;
      writePage(large, url, page(`Report ${at}`, `The ${WORDS[at % WORDS.length]} of report ${at}.`));
      shard.urls.push(url);
    }
    const ahead = new SearchAhead(large, [shard]);
    started.push(ahead);
    const pid = await pagefindChild();
    process.kill(pid, 'SIGKILL');
    const output = path.join(work, 'after-kill');
    expect(await ahead.write(output, shard, [], path.join(output, shard.bundle))).toBe(false);
  }, 30_000);

  it('should run Pagefind without the TOKIO_* and PAGEFIND_* variables of the shell, as the CLI runs', async () => {
    // An empty TOKIO_WORKER_THREADS makes Pagefind 1.5.2 panic as it starts.
    process.env['TOKIO_WORKER_THREADS'] = '';
    try {
      const { output, indexer } = aheadOfEdit('environment', previous);
      indexer.add(first, false, [edited]);
      expect(await indexer.finish()).toMatchObject({ indexed: [first.key], readAhead: [first.key] });
      expect(existsSync(path.join(output, first.bundle, 'pagefind-entry.json'))).toBe(true);
    } finally {
      delete process.env['TOKIO_WORKER_THREADS'];
    }
  }, 60_000);

  it('should cover only a shard with the same pages, and let go of those the build will not index', async () => {
    const ahead = new SearchAhead(previous, shards);
    started.push(ahead);
    expect(ahead.covers(first)).toBe(true);
    expect(ahead.covers({ ...first, urls: [...first.urls, '/articles/report-new/'] })).toBe(false);
    await ahead.retain([first]);
    expect(ahead.covers(second)).toBe(false);
    expect(ahead.covers(first)).toBe(true);
    await ahead.retain([]);
    expect(ahead.covers(first)).toBe(false);
    // Closed, it writes nothing, and closing again does nothing.
    expect(await ahead.write(path.join(work, 'closed'), first, [], path.join(work, 'closed', first.bundle))).toBe(
      false,
    );
    await ahead.close();
  }, 60_000);

  it('should keep, once the build is planned, only the shards it indexes again with few pages rendered', () => {
    const plan = (rendered: readonly string[], same = [first.key, second.key]) => ({
      pages: {
        render: emptyRecordPages(),
        reused: shards.flatMap((shard) => shard.urls).filter((url) => !rendered.includes(url)),
        fingerprints: new Map(),
        sizes: new Map(),
      },
      shards,
      sameShards: new Set(same),
    });
    expect(shardsToIndex(plan([edited]), PAGES_READ_AHEAD)).toEqual([first]);
    // A shard whose pages changed is indexed again, even with none rendered.
    expect(shardsToIndex(plan([], [first.key]), PAGES_READ_AHEAD)).toEqual([second]);
    // Past the limit, a shard is left to the CLI.
    expect(shardsToIndex(plan(first.urls.slice(0, 11)), 10)).toEqual([]);
    // A plan that renders every page.
    expect(shardsToIndex({ ...plan([edited]), pages: undefined }, PAGES_READ_AHEAD)).toEqual([]);
  });

  it('should read ahead only few pages in at most two shards', async () => {
    expect(readAheadFor(previous, shards, [])).toBeUndefined();
    expect(readAheadFor(previous, shards, ['/articles/not-in-any-shard/'])).toBeUndefined();
    const third = { key: 'shard-2', bundle: 'pagefind/shards/shard-2/', urls: ['/articles/report-2-00/'] };
    expect(readAheadFor(previous, [...shards, third], [edited, second.urls[0] ?? '', '/articles/report-2-00/'])).toBe(
      undefined,
    );
    const many = Array.from({ length: PAGES_READ_AHEAD + 1 }, (_, at) => `/articles/many-${at}/`);
    expect(readAheadFor(previous, [{ ...first, urls: [...first.urls, ...many] }], many)).toBeUndefined();
    const ahead = readAheadFor(previous, shards, [edited]);
    if (ahead) started.push(ahead);
    expect(ahead?.covers(first)).toBe(true);
    expect(ahead?.covers(second)).toBe(false);
  }, 60_000);
});
