import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/write-corpus.ts';
import { archiveShape } from '../src/build/plan/archive-shape.ts';
import { planBuild } from '../src/build/plan/build-plan.ts';
import { planRuns } from '../src/build/plan/build-runs.ts';
import { recordsShownBy } from '../src/build/plan/page-reach.ts';
import { RECORD_PAGE_KINDS, viewSizes } from '../src/build/plan/render-plan.ts';
import { findPagefindBinary, SearchIndexer, shardGlob } from '../src/build/search/search-index.ts';
import { planSearchShards, type SearchShard } from '../src/build/search/search-shards.ts';
import { indexedFromCopies, writeSearchedCopies } from '../src/build/search/searched-copies.ts';
import { readContent } from '../src/load/read-content.ts';
import { type Archive, buildArchive } from '../src/pipeline/build-archive.ts';
import { publishTarget } from '../src/site/publish.ts';
import { type SiteView, toSiteView } from '../src/site/view/site-view.ts';
import { searchFragments, snapshotTree } from './helpers/tree.ts';

let site: SiteView;
let archive: Archive;
const recordUrls = () => RECORD_PAGE_KINDS.flatMap((kind) => site[kind].map((view) => view.link.url)).sort();
/** The pages of records that never have a date: officials, places, organisations, documents. */
const undatedRecordUrls = () =>
  (['officials', 'cities', 'places', 'organisations', 'documents'] as const)
    .flatMap((kind) => site[kind].map((view) => view.link.url))
    .sort();

/** A build of `site` as the previous one: its plan's fingerprints, and a folder with every record page. */
const previousBuild = () => {
  const target = publishTarget('https://news.example.gov');
  const shape = archiveShape(archive, 'c1');
  const showsOf = recordsShownBy(archive);
  const before = planBuild(site, target, { codeVersion: 'c1', shape, showsOf });
  const output = mkdtempSync(path.join(tmpdir(), 'archive-previous-'));
  for (const url of recordUrls()) {
    mkdirSync(path.join(output, url), { recursive: true });
    writeFileSync(path.join(output, url, 'index.html'), '<p>kept</p>');
  }
  const fingerprints = { pages: before.pages?.fingerprints ?? new Map(), search: new Map(), files: new Map() };
  return { target, shape, showsOf, output, fingerprints };
};

beforeAll(async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'archive-shards-'));
  await writeCorpus(path.join(work, 'content'), { articles: 80, seed: 4 });
  const built = buildArchive(await readContent(path.join(work, 'content'), work));
  if (!built.archive) throw new Error('the corpus must be valid');
  archive = built.archive;
  site = toSiteView(archive, publishTarget('https://news.example.gov'));
}, 60_000);

describe('search shards', () => {
  it('should put a small archive in one index, in the main bundle', () => {
    const [only, ...others] = planSearchShards(site);
    expect(others).toEqual([]);
    expect(only?.bundle).toBe('pagefind/');
    expect(only?.urls).toEqual(recordUrls());
  });

  it('should put every record page in exactly one shard, by year, each shard filled before the next', () => {
    const shards = planSearchShards(site, 40);
    expect(shards.length).toBeGreaterThan(2);
    expect(shards.flatMap((shard) => shard.urls).sort()).toEqual(recordUrls());
    expect(shards.map((shard) => shard.bundle)).toEqual([
      'pagefind/',
      ...shards.slice(1).map((shard) => `pagefind/shards/${shard.key}/`),
    ]);
    // Records without a date (the heaviest pages to index) come first, in a shard of their own; then
    // undated articles and events, then the years in order.
    expect(shards[0]?.urls).toEqual(undatedRecordUrls());
    for (const shard of shards.slice(1, -1)) expect(shard.urls.length).toBeGreaterThanOrEqual(40);
    const keys = shards.map((shard) => shard.key);
    expect(keys[0]).toBe('records');
    for (const key of keys.slice(1)) expect(key).toMatch(/^(undated|\d{4})(-\d{4})?$/);
    const ordered = keys.slice(1).map((key) => key.replace('undated', '0000'));
    expect([...ordered].sort()).toEqual(ordered);
  });

  it('should give the records without a date a shard of their own, however few, once there are several', () => {
    const records = undatedRecordUrls();
    const [first, ...others] = planSearchShards(site, records.length + 10);
    expect(first?.key).toBe('records');
    expect(first?.urls).toEqual(records);
    expect(others.length).toBeGreaterThan(0);
  });

  it("should cut a year whose pages' glob is too long for Pagefind into parts, each in its own shard", () => {
    const globBytes = 1_500;
    const shards = planSearchShards(site, 40, globBytes);
    expect(shards.flatMap((shard) => shard.urls).sort()).toEqual(recordUrls());
    expect(new Set(shards.map((shard) => shard.key)).size).toBe(shards.length);
    expect(shards.some((shard) => /-part-\d+/.test(shard.key))).toBe(true);
    for (const shard of shards) {
      // The braces and commas of the glob are the only bytes besides the pages' paths.
      expect(shardGlob('/srv/site', shard).length).toBeLessThanOrEqual(globBytes + 2);
    }
    // By default, a year of this archive is one shard's part at most.
    expect(planSearchShards(site, 40).some((shard) => shard.key.includes('-part-'))).toBe(false);
  });

  it('should leave every shard but the last as it was when the newest article is added', () => {
    const newest = site.articles.find((article) => article.date.iso !== undefined);
    const without = { ...site, articles: site.articles.filter((article) => article !== newest) };
    const before = planSearchShards(without, 40);
    const after = planSearchShards(site, 40);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)?.urls).toContain(newest?.link.url);
  });

  it('should render each shard in batches of its own, and name it for indexing after its last batch', () => {
    const target = publishTarget('https://news.example.gov');
    const plan = planBuild(site, target, undefined, 40, { pages: 7, bytes: 2 ** 30 });
    const shardOf = new Map(plan.shards.flatMap((shard) => shard.urls.map((url) => [url, shard.key])));
    const batchUrls = plan.batches.map((batch) =>
      RECORD_PAGE_KINDS.flatMap((kind) => batch.pages[kind].map((view) => view.link.url)),
    );
    expect(batchUrls.flat().sort()).toEqual(recordUrls());
    const batchShard = batchUrls.map((urls) => {
      const shards = new Set(urls.map((url) => shardOf.get(url)));
      expect(shards.size).toBe(1);
      return [...shards][0];
    });
    // Each shard once, named by the last batch of its pages, from the lightest to render to the
    // heaviest: Pagefind starts sooner, and the records without a date come last.
    const order = plan.batches.flatMap((batch) => batch.searchShards);
    expect([...order].sort()).toEqual(plan.shards.map((shard) => shard.key).sort());
    const viewSize = viewSizes(site);
    const weights = order.map((key) =>
      (plan.shards.find((shard) => shard.key === key)?.urls ?? []).reduce(
        (sum, url) => sum + (viewSize.get(url) ?? 0),
        0,
      ),
    );
    expect(weights).toEqual([...weights].sort((a, b) => a - b));
    expect(order.at(-1)).toBe('records');
    plan.batches.forEach((batch, index) => {
      const last = batchShard.lastIndexOf(batchShard[index]) === index;
      expect(batch.searchShards).toEqual(last ? [batchShard[index]] : []);
    });
    // Only the first run of the heaviest shard's pages waits for the shards being indexed.
    const waiting = plan.batches.flatMap((batch, index) => (batch.afterSearch ? [index] : []));
    expect(waiting).toEqual([batchShard.indexOf('records')]);
    expect(waiting[0]).toBeGreaterThan(0);
  });

  it('should render every page in one batch when they fit in one, however many shards they fill', () => {
    const target = publishTarget('https://news.example.gov');
    const urls = recordUrls();
    const bytes = [...viewSizes(site).values()].reduce((sum, size) => sum + size, 0);
    const plan = (pages: number, limit: number) => planBuild(site, target, undefined, 40, { pages, bytes: limit });
    const fits = plan(urls.length, bytes);
    expect(fits.shards.length).toBeGreaterThan(1);
    expect(fits.batches).toHaveLength(1);
    const [batch] = fits.batches;
    expect(RECORD_PAGE_KINDS.flatMap((kind) => batch?.pages[kind].map((view) => view.link.url) ?? []).sort()).toEqual(
      urls,
    );
    // One page or one byte over either limit, and the shards are batched again.
    expect(plan(urls.length - 1, bytes).batches.length).toBeGreaterThan(1);
    expect(plan(urls.length, bytes - 1).batches.length).toBeGreaterThan(1);
  });

  it('should render the pages an edit reaches apart from the other pages once the whole site no longer fits one run', () => {
    const { target, shape, showsOf, output, fingerprints } = previousBuild();
    const retitled = site.articles[3];
    const edited = {
      ...site,
      articles: site.articles.map((view) =>
        view === retitled ? { ...view, title: `${view.title} (retitled)` } : view,
      ),
    };
    const bytes = [...viewSizes(edited).values()].reduce((sum, size) => sum + size, 0);
    const runsWithin = (limit: number) =>
      planRuns(
        planBuild(edited, target, { codeVersion: 'c1', shape, showsOf, previous: { output, fingerprints } }, 40, {
          pages: 10_000,
          bytes: limit,
        }),
      );
    // The site fits: the retitled page and every other page in one run.
    const [only, ...none] = runsWithin(bytes);
    expect(none).toEqual([]);
    expect(only?.others).toBe(true);
    expect(only?.pages.articles.map((view) => view.link.url)).toEqual([retitled?.link.url]);
    // One byte short: the page the edit reached, then the others in a run of their own, which
    // finishes the site; its shard goes to Pagefind as soon as its page is written.
    const [pages, others, ...more] = runsWithin(bytes - 1);
    expect(more).toEqual([]);
    expect(pages?.others).toBe(false);
    expect(pages?.pages.articles.map((view) => view.link.url)).toEqual([retitled?.link.url]);
    expect(pages?.searchShards.length).toBeGreaterThan(0);
    expect(others?.others).toBe(true);
    expect(RECORD_PAGE_KINDS.map((kind) => others?.pages[kind].length)).toEqual(RECORD_PAGE_KINDS.map(() => 0));
  });

  it('should render the few pages an edit reaches in several shards in one run, and split a run once it is no longer small', () => {
    const { target, shape, showsOf, output, fingerprints } = previousBuild();
    // One dated article from each of three shards, retitled.
    const shards = planSearchShards(site, 40);
    const shardOf = new Map(shards.flatMap((shard) => shard.urls.map((url) => [url, shard.key])));
    const reached = shards
      .flatMap((shard) => site.articles.find((view) => view.date.iso && shardOf.get(view.link.url) === shard.key) ?? [])
      .slice(0, 3);
    expect(new Set(reached.map((view) => shardOf.get(view.link.url))).size).toBe(3);
    const edited = {
      ...site,
      articles: site.articles.map((view) =>
        reached.includes(view) ? { ...view, title: `${view.title} (retitled)` } : view,
      ),
    };
    const runsWithin = (pages: number) =>
      planRuns(
        planBuild(edited, target, { codeVersion: 'c1', shape, showsOf, previous: { output, fingerprints } }, 40, {
          pages,
          bytes: 2 ** 40,
        }),
      );
    const urlsOf = (run: ReturnType<typeof runsWithin>[number] | undefined) =>
      RECORD_PAGE_KINDS.flatMap((kind) => run?.pages[kind].map((view) => view.link.url) ?? []).sort();
    const reachedUrls = reached.map((view) => view.link.url).sort();
    // 24 pages a run: three pages of three shards are a small run (an eighth of that), so one run, after
    // which every shard can be indexed (those with nothing to render are the previous site's).
    const allShards = shards.map((shard) => shard.key).sort();
    const [together, others, ...more] = runsWithin(24);
    expect(more).toEqual([]);
    expect(urlsOf(together)).toEqual(reachedUrls);
    expect([...(together?.searchShards ?? [])].sort()).toEqual(allShards);
    expect(others?.others).toBe(true);
    // 16 pages a run: two pages at most share one, so the third shard's page has a run of its own.
    const split = runsWithin(16).filter((run) => !run.others);
    expect(split.map((run) => urlsOf(run).length)).toEqual([2, 1]);
    expect(split.flatMap(urlsOf).sort()).toEqual(reachedUrls);
    expect(split[1]?.searchShards).toEqual([shardOf.get(urlsOf(split[1])[0] ?? '')]);
    expect(split.flatMap((run) => run.searchShards).sort()).toEqual(allShards);
  });

  it("should hand Pagefind a glob that names exactly the shard's page files", () => {
    const [shard] = planSearchShards(site, 40);
    if (!shard) throw new Error('expected a shard');
    const glob = shardGlob('/srv/site', shard);
    const files = glob.slice(1, -1).split(',');
    expect(files).toEqual(shard.urls.map((url) => `${url.slice(1)}index.html`));
    expect(shardGlob('/srv/site', { ...shard, urls: ['/articles/one/'] })).toBe('articles/one/index.html');
  });

  it('should refuse a page URL that is not a plain literal in a glob', () => {
    const [shard] = planSearchShards(site, 40);
    if (!shard) throw new Error('expected a shard');
    for (const url of ['/articles/{a,b}/', '/articles/*/', '/articles/../../etc/', '/articles/x']) {
      expect(() => shardGlob('/srv/site', { ...shard, urls: [url] })).toThrow(/not a record page URL/);
    }
  });
});

describe('search index', () => {
  const writeSearchIndex = (output: string, shards: readonly SearchShard[], processes?: number) => {
    const indexer = new SearchIndexer(output, undefined, processes);
    for (const shard of shards) indexer.add(shard);
    return indexer.finish();
  };
  const page = (title: string) =>
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Signed in Shanghai.</p></main></body></html>`;
  const siteWith = (slugs: readonly string[]) => {
    const output = mkdtempSync(path.join(tmpdir(), 'archive-index-'));
    for (const slug of slugs) {
      mkdirSync(path.join(output, 'articles', slug), { recursive: true });
      writeFileSync(path.join(output, 'articles', slug, 'index.html'), page(slug));
    }
    return output;
  };

  it('should index two shards at once, each into its own bundle, and count their pages', async () => {
    const output = siteWith(['one', 'two', 'three']);
    const result = await writeSearchIndex(
      output,
      [
        { key: 'first', bundle: 'pagefind/', urls: ['/articles/one/', '/articles/two/'] },
        { key: 'second', bundle: 'pagefind/shards/second/', urls: ['/articles/three/'] },
      ],
      2,
    );
    expect(result).toEqual({ pages: 3, indexed: ['first', 'second'], readAhead: [], reused: [] });
    expect(fragmentUrls(path.join(output, 'pagefind'))).toEqual(['/articles/one/', '/articles/two/']);
    expect(fragmentUrls(path.join(output, 'pagefind/shards/second'))).toEqual(['/articles/three/']);
  });

  it("should index the records' shard from copies cut to what Pagefind reads: the same fragments and word index as from the pages", async () => {
    // An official's page: the searched part, and a long list Pagefind is told to leave out.
    const official = (name: string) =>
      `<!doctype html><html lang="en"><head><title>${name}</title></head><body><main data-pagefind-body>` +
      `<h1>${name}</h1><p>Director of the Foreign Affairs Office.</p>` +
      `<section data-pagefind-ignore><h2>Articles</h2><ul>${'<li><a href="/articles/x/">Met the consul of Peru in Qingdao</a></li>'.repeat(200)}</ul></section>` +
      `<p data-pagefind-filter="kind">Official</p></main></body></html>`;
    const officials = (key: string) => {
      const output = mkdtempSync(path.join(tmpdir(), 'archive-index-'));
      for (const slug of ['tan-zuojun', 'lu-ling', 'peng-shenlei']) {
        mkdirSync(path.join(output, 'officials', slug), { recursive: true });
        writeFileSync(path.join(output, 'officials', slug, 'index.html'), official(slug.replace('-', ' ')));
      }
      const urls = ['/officials/lu-ling/', '/officials/peng-shenlei/', '/officials/tan-zuojun/'];
      return { output, shard: { key, bundle: 'pagefind/', urls } };
    };
    const records = officials('records');
    const years = officials('2019');
    expect([indexedFromCopies(records.shard), indexedFromCopies(years.shard)]).toEqual([true, false]);
    expect(await writeSearchIndex(records.output, [records.shard])).toMatchObject({ pages: 3, indexed: ['records'] });
    await writeSearchIndex(years.output, [years.shard]);
    expect(searchFragments(records.output)).toEqual(searchFragments(years.output));
    expect(fragmentUrls(path.join(records.output, 'pagefind'))).toEqual(records.shard.urls);
    // The copies were Pagefind's alone: the pages are as they were, and no copy is left.
    expect(readFileSync(path.join(records.output, 'officials/lu-ling/index.html'), 'utf8')).toBe(official('lu ling'));
  });

  it('should copy each page of a shard to the same path, cut to what Pagefind reads', async () => {
    const output = siteWith(['one', 'two']);
    const listed = page('two').replace('</main>', '<ul data-pagefind-ignore><li>Listed</li></ul></main>');
    writeFileSync(path.join(output, 'articles/two/index.html'), listed);
    const folder = mkdtempSync(path.join(tmpdir(), 'archive-copies-'));
    const shard = { key: 'records', bundle: 'pagefind/', urls: ['/articles/one/', '/articles/two/'] };
    expect(await writeSearchedCopies(output, shard, folder)).toBe(folder);
    expect(snapshotTree(folder)).toEqual(
      new Map([
        [path.join('articles', 'one', 'index.html'), Buffer.from(page('one')).toString('base64')],
        [path.join('articles', 'two', 'index.html'), Buffer.from(page('two')).toString('base64')],
      ]),
    );
    await expect(writeSearchedCopies(output, { ...shard, urls: ['/../escape/'] }, folder)).rejects.toThrow(
      /not a record page URL/,
    );
  });

  it("should index a shard again over the previous bundle's files, write only what changed, and keep none it no longer names", async () => {
    const shard = { key: 'first', bundle: 'pagefind/', urls: ['/articles/one/', '/articles/two/'] };
    const previous = siteWith(['one', 'two']);
    await writeSearchIndex(previous, [shard]);
    const before = snapshotTree(path.join(previous, 'pagefind'));
    // The same pages, but the second reads differently.
    const output = siteWith(['one', 'two']);
    writeFileSync(path.join(output, 'articles/two/index.html'), page('two, retold'));
    const indexer = new SearchIndexer(output, previous);
    indexer.add(shard);
    await indexer.finish();
    const fresh = siteWith(['one', 'two']);
    writeFileSync(path.join(fresh, 'articles/two/index.html'), page('two, retold'));
    await writeSearchIndex(fresh, [shard]);
    // What an index made from nothing holds, byte for byte.
    expect(searchFragments(output)).toEqual(searchFragments(fresh));
    // The unchanged page's fragment is the previous file, linked; the changed page's is a new one.
    const [was, now] = [fragmentFiles(path.join(previous, 'pagefind')), fragmentFiles(path.join(output, 'pagefind'))];
    expect(statSync(now.get('/articles/one/') ?? '').ino).toBe(statSync(was.get('/articles/one/') ?? '').ino);
    expect(path.basename(now.get('/articles/two/') ?? '')).not.toBe(path.basename(was.get('/articles/two/') ?? ''));
    expect(statSync(now.get('/articles/two/') ?? '').ino).not.toBe(statSync(was.get('/articles/two/') ?? '').ino);
    // Nothing was written into the previous site through the links.
    expect(snapshotTree(path.join(previous, 'pagefind'))).toEqual(before);
  });

  it("should take Pagefind's settings from its own configuration only, not from the shell's variables", async () => {
    const output = siteWith(['one']);
    const shell = { ...process.env };
    // A variable Pagefind reads, and one of its runtime's that makes it stop when it is empty.
    Object.assign(process.env, { PAGEFIND_OUTPUT_SUBDIR: 'elsewhere', TOKIO_WORKER_THREADS: '' });
    try {
      const result = await writeSearchIndex(output, [{ key: 'first', bundle: 'pagefind/', urls: ['/articles/one/'] }]);
      expect(result.pages).toBe(1);
      expect(existsSync(path.join(output, 'pagefind/pagefind-entry.json'))).toBe(true);
    } finally {
      process.env = shell;
    }
  });

  it('should fail, saying so, when a page of a shard is not there to index', async () => {
    const output = siteWith(['one']);
    const shard = { key: 'first', bundle: 'pagefind/', urls: ['/articles/one/', '/articles/gone/'] };
    await expect(writeSearchIndex(output, [shard])).rejects.toThrow(
      'Pagefind indexed 1 of the 2 pages of shard "first"',
    );
    await expect(writeSearchIndex(output, [{ ...shard, urls: ['/articles/gone/'] }])).rejects.toThrow(
      /Pagefind failed/,
    );
  });

  it('should start no shard after one failed, and fail only once the shards in flight have ended', async () => {
    const slugs = Array.from({ length: 300 }, (_, i) => `page-${i}`);
    const output = siteWith([...slugs, 'late']);
    const indexer = new SearchIndexer(output, undefined, 2);
    indexer.add({ key: 'broken', bundle: 'pagefind/', urls: ['/articles/gone/'] });
    indexer.add({ key: 'large', bundle: 'pagefind/shards/large/', urls: slugs.map((slug) => `/articles/${slug}/`) });
    // Waits for a free process; the broken shard frees one, by failing.
    indexer.add({ key: 'late', bundle: 'pagefind/shards/late/', urls: ['/articles/late/'] });
    expect(() => indexer.throwIfFailed()).not.toThrow();
    await expect(indexer.finish()).rejects.toThrow(/Pagefind failed/);
    expect(() => indexer.throwIfFailed()).toThrow(/Pagefind failed/);
    expect(existsSync(path.join(output, 'pagefind/shards/large/pagefind-entry.json'))).toBe(true);
    expect(existsSync(path.join(output, 'pagefind/shards/late'))).toBe(false);
  });

  it('should stop a Pagefind process that does not finish in time, and fail with the shard', async () => {
    const output = siteWith(['one']);
    // A named pipe no one writes to: Pagefind waits on it for good.
    mkdirSync(path.join(output, 'articles', 'stuck'));
    execFileSync('mkfifo', [path.join(output, 'articles', 'stuck', 'index.html')]);
    const indexer = new SearchIndexer(output, undefined, 1, undefined, undefined, { timeoutMs: 1000 });
    indexer.add({ key: 'stuck', bundle: 'pagefind/', urls: ['/articles/one/', '/articles/stuck/'] });
    const started = Date.now();
    await expect(indexer.finish()).rejects.toThrow(
      /Pagefind had not finished search shard "stuck" after 1 s and was stopped .*: build again/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('should run one Pagefind process at a time when asked to', async () => {
    const output = siteWith(['one']);
    const indexer = new SearchIndexer(output, undefined, 1);
    indexer.add({ key: 'broken', bundle: 'pagefind/', urls: ['/articles/gone/'] });
    // With one process the second shard waits for the first, which fails: so it never starts.
    indexer.add({ key: 'second', bundle: 'pagefind/shards/second/', urls: ['/articles/one/'] });
    await expect(indexer.finish()).rejects.toThrow(/Pagefind failed/);
    expect(existsSync(path.join(output, 'pagefind/shards/second'))).toBe(false);
  });

  it("should run the platform's own Pagefind binary, and name the platform when it has none", () => {
    const binary = findPagefindBinary();
    expect(binary).toMatch(new RegExp(`@pagefind/${process.platform}-${process.arch}/bin/pagefind(_extended)?$`));
    expect(statSync(binary).mode & 0o111).not.toBe(0);
    expect(() => findPagefindBinary('plan9', 'mips')).toThrow(
      /no binary for plan9-mips here \(looked for @pagefind\/plan9-mips\/bin\/pagefind_extended and .*\): run `npm ci`/,
    );
  });

  it('should still write bundles for shards with no pages, two at once', async () => {
    const output = siteWith([]);
    const result = await writeSearchIndex(
      output,
      [
        { key: 'records', bundle: 'pagefind/', urls: [] },
        { key: 'later', bundle: 'pagefind/shards/later/', urls: [] },
      ],
      2,
    );
    expect(result).toEqual({ pages: 0, indexed: ['records', 'later'], readAhead: [], reused: [] });
    expect(readdirSync(path.join(output, 'pagefind'))).toContain('pagefind.js');
    expect(readdirSync(path.join(output, 'pagefind/shards/later'))).toContain('pagefind.js');
  });
});

/** The page URLs a Pagefind bundle holds, from its fragments. */
function fragmentUrls(bundle: string): string[] {
  return [...fragmentFiles(bundle).keys()].sort();
}

/** Each page URL of a Pagefind bundle with its fragment's file (gzip, then a 12-byte signature). */
function fragmentFiles(bundle: string): Map<string, string> {
  const folder = path.join(bundle, 'fragment');
  return new Map(
    readdirSync(folder).map((name) => {
      const text = gunzipSync(readFileSync(path.join(folder, name))).toString('utf8');
      const { url } = JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string };
      return [url, path.join(folder, name)];
    }),
  );
}
