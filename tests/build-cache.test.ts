import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/write-corpus.ts';
import { buildArchiveCached } from '../src/build/build-archive-cached.ts';
import { openDiskCache, versionFolder } from '../src/build/cache/disk-cache.ts';
import { builtFingerprints, recordSite, siteInputs, upToDate } from '../src/build/cache/site-manifest.ts';
import { prepareBuild } from '../src/build/plan/build-runs.ts';
import { type SiteFingerprints, sharedByPages } from '../src/build/plan/render-plan.ts';
import { buildSite } from '../src/cli/build-site.ts';
import { readContent } from '../src/load/read-content.ts';
import { type ArchiveResult, buildArchive, withoutPositions } from '../src/pipeline/build-archive.ts';
import { formatReport } from '../src/report/report.ts';
import { publishTarget, siteUrlFrom } from '../src/site/publish.ts';
import { FIXTURES } from './helpers/fixtures.ts';
import { searchFragments, searchInodes, snapshotSite } from './helpers/tree.ts';

const work = mkdtempSync(path.join(tmpdir(), 'archive-cache-'));
const content = path.join(work, 'content');
const cacheDir = path.join(work, 'cache');
const load = () => readContent(content, work);
const cached = async (version = 'v1', more: { workers?: number; filesPerWorker?: number } = {}) =>
  buildArchiveCached(await load(), { cacheDir, version, workers: 0, ...more });

/** Everything a build produces that the site depends on, as comparable text. */
function outcome(result: ArchiveResult): string {
  const records = Object.values(result.archive?.records ?? {}).flatMap((map) =>
    [...(map as ReadonlyMap<string, { slug: string; data: unknown; positions: unknown }>).values()].map((record) => [
      record.slug,
      record.data,
      record.positions,
    ]),
  );
  return JSON.stringify([records, [...(result.archive?.bodies ?? [])], formatReport(result.files)]);
}

/** The first file of a content folder. */
const firstOf = (folder: string) => path.join(content, folder, readdirSync(path.join(content, folder)).sort()[0] ?? '');
const article = () => firstOf('articles');
const articles = 24;

beforeAll(async () => {
  await writeCorpus(content, { articles, seed: 9 });
});

describe('the cached build', () => {
  it('should parse and render everything once, then nothing while nothing changes', async () => {
    const cold = await cached();
    expect(cold.stats).toMatchObject({ parsed: (await load()).length, rendered: articles });
    const warm = await cached();
    expect(warm.stats).toMatchObject({ parsed: 0, rendered: 0 });
    expect(outcome(warm)).toBe(outcome(buildArchive(await load())));
  });

  it('should parse and render again only the article whose content changed', async () => {
    writeFileSync(article(), `${readFileSync(article(), 'utf8')}\nA sentence added in an edit.\n`);
    const edited = await cached();
    expect(edited.stats).toMatchObject({ parsed: 1, rendered: 1 });
    const key = `article:${path.basename(article(), '.md')}`;
    expect(edited.archive?.bodies.get(key)?.html).toContain('A sentence added in an edit.');
    expect(outcome(edited)).toBe(outcome(buildArchive(await load())));
  });

  it('should render every body again when a name changes, since any body may now link it', async () => {
    const official = path.join(
      content,
      'officials',
      (await load())
        .find((s) => s.kind === 'official')
        ?.path.split('/')
        .pop() ?? '',
    );
    writeFileSync(official, readFileSync(official, 'utf8').replace(/^name: (.*)$/m, 'name: $1 Renamed'));
    const renamed = await cached();
    expect(renamed.stats).toMatchObject({ parsed: 1, rendered: articles });
    expect(outcome(renamed)).toBe(outcome(buildArchive(await load())));
  });

  it("should parse everything again when the parser version changes, and drop the old version's entries", async () => {
    const next = await cached('v2');
    expect(next.stats).toMatchObject({ parsed: (await load()).length, rendered: articles });
    // Removed in the background: the cache does not grow by an archive's parses with every upgrade.
    for (const part of ['parse', 'render']) {
      await expect
        .poll(() => readdirSync(path.join(cacheDir, part)), { timeout: 10_000 })
        .toEqual([versionFolder('v2')]);
    }
    expect(outcome(next)).toBe(outcome(buildArchive(await load())));
  });

  it('should give the same result on worker threads, which cache what they parse and render', async () => {
    const threaded = await cached('v3', { workers: 2, filesPerWorker: 10 });
    expect(threaded.stats).toMatchObject({ workers: 2, rendered: articles });
    expect(outcome(threaded)).toBe(outcome(buildArchive(await load())));
    // The next build, on this thread, finds every parse and rendered body in the cache.
    const again = await cached('v3');
    expect(again.stats).toMatchObject({ parsed: 0, rendered: 0 });
    expect(outcome(again)).toBe(outcome(threaded));
  });

  it('should build all the same when the cache cannot be written', async () => {
    const blocked = path.join(work, 'blocked-cache');
    await mkdir(path.join(blocked, 'parse'), { recursive: true });
    // A file where the version's folder would go: no entry can be written there, nor read.
    writeFileSync(path.join(blocked, 'parse', versionFolder('v1')), 'not a folder');
    const result = await buildArchiveCached(await load(), { cacheDir: blocked, version: 'v1', workers: 0 });
    expect(result.stats.parsed).toBe((await load()).length);
    expect(outcome(result)).toBe(outcome(buildArchive(await load())));
  });

  it('should make a folder of the cache again when it is removed while entries are being written', () => {
    const folder = path.join(work, 'vanishing-cache');
    const cache = openDiskCache(folder);
    const key = (n: number) => `ab${String(n).padStart(62, '0')}`;
    cache.set(key(1), new Uint8Array([1]));
    rmSync(folder, { recursive: true });
    // The first write after finds no folder and is lost: that costs a parse, not the build.
    cache.set(key(2), new Uint8Array([2]));
    cache.set(key(3), new Uint8Array([3]));
    expect(cache.get(key(1))).toBeUndefined();
    expect(cache.get(key(2))).toBeUndefined();
    expect([...(cache.get(key(3)) ?? [])]).toEqual([3]);
  });

  it('should report a broken file every time, exactly as the uncached build does', async () => {
    const broken = await readContent(path.join(FIXTURES, 'rules/unknown-reference/content'), FIXTURES);
    const expected = formatReport(buildArchive(broken).files);
    expect(expected).toContain('unknown-reference');
    for (let run = 0; run < 2; run++) {
      const result = await buildArchiveCached(broken, { cacheDir, version: 'v1', workers: 0 });
      expect(result.archive).toBeUndefined();
      expect(formatReport(result.files)).toBe(expected);
    }
  });

  it('should build the same site, byte for byte (search index aside), from the cache as from a cold build', async () => {
    const fromCache = (await cached()).archive;
    const cold = buildArchive(await load()).archive;
    if (!fromCache || !cold) throw new Error('the corpus must be valid');
    await buildSite({ archive: cold, output: path.join(work, 'cold') });
    // As the build command does, the cached archive loses its position indexes before the site is built.
    const published = withoutPositions(fromCache);
    expect(published.records.article.values().next().value?.positions.paths).toBe('');
    await buildSite({ archive: published, output: path.join(work, 'cached') });
    // Every page and data file byte for byte; the search index's filter chunks are named in hash-map order.
    expect(snapshotSite(path.join(work, 'cached'))).toEqual(snapshotSite(path.join(work, 'cold')));
  }, 120_000);
});

describe('the incremental site build', () => {
  const output = path.join(work, 'incremental');
  const archiveNow = async () => {
    const archive = (await cached()).archive;
    if (!archive) throw new Error('the corpus must be valid');
    return archive;
  };
  const pageOf = (url: string) => path.join(output, url, 'index.html');
  // Small search shards, so an edit re-indexes one shard of several; and small render batches, so
  // Eleventy runs several times, as for a large archive.
  const searchShardPages = 20;
  const build = (codeVersion: string, previous?: SiteFingerprints, more: { pathPrefix?: string } = {}) =>
    archiveNow().then((archive) =>
      buildSite({
        archive,
        output,
        searchShardPages,
        renderBatchPages: 10,
        incremental: { codeVersion, ...(previous && { previous }) },
        ...more,
      }),
    );
  let fingerprints: SiteFingerprints = { pages: new Map(), search: new Map(), files: new Map() };

  it('should render and index everything the first time, and record a fingerprint for each page and shard', async () => {
    const first = await build('c1');
    fingerprints = first.fingerprints ?? fingerprints;
    expect(fingerprints.pages.size).toBeGreaterThan(articles);
    expect(fingerprints.search.size).toBeGreaterThan(2);
    expect(fingerprints.files.size).toBeGreaterThan(fingerprints.pages.size);
    expect(first.reuse).toEqual({
      pages: { rendered: fingerprints.pages.size, reused: 0 },
      searchShards: { indexed: fingerprints.search.size, readAhead: 0, reused: 0 },
      files: { written: fingerprints.files.size, reused: 0 },
    });
    for (const url of fingerprints.pages.keys()) expect(existsSync(pageOf(url)), url).toBe(true);
  }, 120_000);

  it('should redo only the page and the search shard that an edit changed, and equal a full build', async () => {
    writeFileSync(article(), `${readFileSync(article(), 'utf8')}\nAnother sentence, added later.\n`);
    const edited = `/articles/${path.basename(article(), '.md')}/`;
    const unchanged = [...fingerprints.pages.keys()].find((url) => url !== edited) ?? '';
    const before = { page: statSync(pageOf(unchanged)).ino, search: searchInodes(output) };
    const second = await build('c1', fingerprints);
    expect(second.reuse).toMatchObject({
      pages: { rendered: 1, reused: fingerprints.pages.size - 1 },
      searchShards: { indexed: 1, reused: fingerprints.search.size - 1 },
    });
    // The article's own JSON changed (it holds the text); the other feeds and data files did not.
    const files = second.reuse?.files ?? { written: 0, reused: 0 };
    expect(files.written).toBeGreaterThanOrEqual(1);
    expect(files.written).toBeLessThanOrEqual(3);
    expect(files.written + files.reused).toBe(fingerprints.files.size);
    const json = `data/articles/${path.basename(article(), '.md')}.json`;
    expect(readFileSync(path.join(output, json), 'utf8')).toContain('Another sentence, added later.');
    expect(second.fingerprints?.pages.get(edited)).not.toBe(fingerprints.pages.get(edited));
    expect(readFileSync(pageOf(edited), 'utf8')).toContain('Another sentence, added later.');
    // Kept pages and shards are the previous files themselves (hard links), not made again.
    expect(statSync(pageOf(unchanged)).ino).toBe(before.page);
    const after = searchInodes(output);
    const kept = [...after].filter(([file, inode]) => before.search.get(file) === inode);
    expect(kept.length).toBeGreaterThan(after.size / 2);
    // So are the fragments of the shard indexed again, but the edited page's: Pagefind started
    // from the previous bundle's files and wrote only what changed.
    const fragments = [...after.keys()].filter((file) => file.endsWith('.pf_fragment'));
    const written = fragments.filter((file) => before.search.get(file) !== after.get(file));
    expect(written).toHaveLength(1);
    fingerprints = second.fingerprints ?? fingerprints;

    // A full build, in one Eleventy run.
    const full = path.join(work, 'full');
    await buildSite({ archive: await archiveNow(), output: full, searchShardPages });
    expect(snapshotSite(output)).toEqual(snapshotSite(full));
    // The same pages in the same shards: index fragments are named by a hash of their content.
    expect(searchFragments(output)).toEqual(searchFragments(full));
  }, 120_000);

  it('should render a page again when its file is gone from the previous site', async () => {
    const [missing] = fingerprints.pages.keys();
    rmSync(pageOf(missing ?? ''));
    const again = await build('c1', fingerprints);
    expect(again.reuse?.pages).toEqual({ rendered: 1, reused: fingerprints.pages.size - 1 });
    expect(existsSync(pageOf(missing ?? ''))).toBe(true);
  }, 120_000);

  it('should plan a build after a change of code as a cold one, each run making its own views', async () => {
    const archive = await archiveNow();
    const target = publishTarget(siteUrlFrom(process.env), '/');
    const previous = { output, fingerprints };
    const plan = (codeVersion: string) =>
      prepareBuild({
        archive,
        target,
        incremental: { codeVersion, previous },
        batchLimits: { pages: 10, bytes: 2 ** 30 },
      });
    expect(fingerprints.shared).toBe(sharedByPages('c1', target));
    // The same code: every view is made up front, to compare with the previous site's.
    expect(typeof plan('c1').runs[0]?.pages).toBe('object');
    // Another: no page can be kept, so none is made before its run.
    expect(typeof plan('c2').runs[0]?.pages).toBe('function');
  });

  it('should redo everything when the code or the path prefix changes', async () => {
    const newCode = await build('c2', fingerprints);
    expect(newCode.reuse).toMatchObject({ pages: { reused: 0 }, searchShards: { reused: 0 } });
    const full = path.join(work, 'full-c2');
    await buildSite({ archive: await archiveNow(), output: full, searchShardPages });
    expect(snapshotSite(output)).toEqual(snapshotSite(full));
    expect(searchFragments(output)).toEqual(searchFragments(full));
    const moved = await build('c2', newCode.fingerprints, { pathPrefix: '/archive/' });
    expect(moved.reuse).toMatchObject({ pages: { reused: 0 }, searchShards: { reused: 0 } });
    expect(readFileSync(pageOf([...fingerprints.pages.keys()][0] ?? ''), 'utf8')).toContain('href="/archive/');
  }, 120_000);
});

describe('the published files of a build in several runs', () => {
  it("should write the open data after the first run, and each run's feeds as it ends, not all at the end", async () => {
    const archive = (await cached()).archive;
    if (!archive) throw new Error('the corpus must be valid');
    const output = path.join(work, 'runs', 'site');
    let afterFirstRun: { data: number; feeds: string[]; sitemap: boolean } | undefined;
    const built = await buildSite({
      archive,
      output,
      renderBatchPages: 10,
      onStage: (stage) => {
        if (stage !== 'writing') return;
        // The folder the build writes into: the output's name, then `.building-`.
        const [building = ''] = readdirSync(path.dirname(output)).filter((name) => name.startsWith('.site.building-'));
        const folder = path.join(path.dirname(output), building);
        afterFirstRun = {
          data: readdirSync(path.join(folder, 'data', 'articles')).length,
          feeds: filesNamed(folder, 'feed.xml'),
          sitemap: existsSync(path.join(folder, 'sitemap.xml')),
        };
      },
    });
    expect(built.runs).toBeGreaterThan(3);
    expect(afterFirstRun?.data).toBe(articles);
    expect(afterFirstRun?.feeds).toContain('feed.xml');
    expect(afterFirstRun?.sitemap).toBe(false);
    // The last run renders the home page and the other pages, after every record page's run: each
    // record page's feed was written before it started.
    const modified = (file: string) => statSync(path.join(output, file), { bigint: true }).mtimeNs;
    const recordFeeds = filesNamed(output, 'feed.xml').filter((file) => /^(officials|cities|places)\//.test(file));
    expect(recordFeeds.length).toBeGreaterThan(5);
    expect(recordFeeds.filter((file) => modified(file) >= modified('index.html'))).toEqual([]);
  }, 120_000);
});

/** Paths, relative to `folder`, of the files named `name` in it. */
function filesNamed(folder: string, name: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[]).filter((file) => path.basename(file) === name).sort();
}

describe('the site manifest', () => {
  it('should skip a build only while the inputs and the output folder are those of the last build', async () => {
    const output = path.join(work, 'site');
    await mkdir(output, { recursive: true });
    const sources = await load();
    const inputs = siteInputs(sources, 'v1', { pathPrefix: '/' });
    expect(await upToDate(cacheDir, output, inputs)).toBeUndefined();
    const fingerprints = {
      pages: new Map([['/articles/a/', 'page']]),
      search: new Map([['records', 'shard']]),
      files: new Map([['/data/a.json', 'file']]),
    };
    await recordSite(cacheDir, output, inputs, 'a warning', fingerprints);
    expect(await upToDate(cacheDir, output, inputs)).toEqual({ report: 'a warning' });
    expect(await builtFingerprints(cacheDir, output)).toEqual(fingerprints);
    expect(await upToDate(cacheDir, output, siteInputs(sources, 'v1', { pathPrefix: '/archive/' }))).toBeUndefined();
    expect(await upToDate(cacheDir, output, siteInputs(sources.slice(1), 'v1', { pathPrefix: '/' }))).toBeUndefined();
    await rm(output, { recursive: true });
    await mkdir(output);
    expect(await upToDate(cacheDir, output, inputs)).toBeUndefined();
    // Another folder in its place: its pages are not the ones the manifest describes.
    expect(await builtFingerprints(cacheDir, output)).toBeUndefined();
  });
});
