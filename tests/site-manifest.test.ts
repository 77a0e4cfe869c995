import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtFingerprints,
  encodeFingerprintsAhead,
  recordSite,
  siteInputs,
  upToDate,
} from '../src/build/cache/site-manifest.ts';

// The build records its cache before it swaps the new site in (so a failing write fails the build
// while the old site is in place): the record must follow the folder through the swap's rename, and
// must not describe the old site should the swap not happen.

function newSite(work: string, name: string): string {
  const folder = path.join(work, name);
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'index.html'), name);
  return folder;
}

describe('a site recorded before its swap', () => {
  it('should be up to date once swapped in', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-manifest-'));
    const [cache, output] = [path.join(work, 'cache'), path.join(work, '_site')];
    newSite(work, '_site');
    const building = newSite(work, '.building');
    await recordSite(cache, output, 'inputs', 'a warning', undefined, building);
    expect(await upToDate(cache, output, 'inputs')).toBeUndefined();

    renameSync(output, path.join(work, '.previous'));
    renameSync(building, output);
    expect(await upToDate(cache, output, 'inputs')).toEqual({ report: 'a warning' });
  });

  it('should not make the old site up to date when the swap did not happen', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-manifest-'));
    const [cache, output] = [path.join(work, 'cache'), path.join(work, '_site')];
    newSite(work, '_site');
    const building = newSite(work, '.building');
    await recordSite(cache, output, 'inputs', '', undefined, building);
    rmSync(building, { recursive: true });
    expect(await upToDate(cache, output, 'inputs')).toBeUndefined();
  });

  it('should fail, recording nothing, when the cache cannot be written', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-manifest-'));
    const cache = path.join(work, 'cache');
    const output = newSite(work, '_site');
    // The record's folder is taken by a file, so the write fails, as it would on a full disk.
    mkdirSync(cache);
    writeFileSync(path.join(cache, 'sites'), '');
    await expect(recordSite(cache, output, 'inputs', '')).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(await upToDate(cache, output, 'inputs')).toBeUndefined();
  });
});

describe("a site's fingerprints", () => {
  const fingerprints = (page: string) => ({
    pages: new Map([[`/articles/${page}/`, 'f1']]),
    search: new Map([['2024', 's1']]),
    files: new Map([['/feed.xml', 'x1']]),
    shows: new Map([[`/articles/${page}/`, [`/articles/${page}/`, '/officials/tan-chengxu/']]]),
  });

  it("should be kept in a file of their own, the last build's only, read back as written", async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-manifest-'));
    const [cache, output] = [path.join(work, 'cache'), newSite(work, '_site')];
    await recordSite(cache, output, 'first', '', fingerprints('a'));
    await recordSite(cache, output, 'second', '', fingerprints('b'));
    expect(readdirSync(path.join(cache, 'sites')).filter((name) => name.endsWith('.fingerprints.json'))).toHaveLength(
      1,
    );
    expect(await builtFingerprints(cache, output)).toEqual(fingerprints('b'));
    expect(await upToDate(cache, output, 'second')).toEqual({ report: '' });
  });

  it('should read back the same when most of them were encoded ahead, and never from parts since replaced', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-manifest-'));
    const [cache, output] = [path.join(work, 'cache'), newSite(work, '_site')];
    const built = { ...fingerprints('a'), shards: [], others: ['index.html'], shared: 'code' };
    const { search: _search, shards: _shards, others: _others, ...early } = built;
    await recordSite(cache, output, 'inputs', '', built, output, encodeFingerprintsAhead(early));
    expect(await builtFingerprints(cache, output)).toEqual(built);

    // Encoded from other pages, or from the same map before it grew: not used.
    const other = fingerprints('b');
    await recordSite(
      cache,
      output,
      'inputs',
      '',
      built,
      output,
      encodeFingerprintsAhead({ ...early, pages: other.pages }),
    );
    expect(await builtFingerprints(cache, output)).toEqual(built);
    const ahead = encodeFingerprintsAhead(early);
    built.pages.set('/articles/c/', 'f2');
    await recordSite(cache, output, 'inputs', '', built, output, ahead);
    expect((await builtFingerprints(cache, output))?.pages.get('/articles/c/')).toBe('f2');
  });

  it('should be none when their file is gone, while the site is still up to date', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-manifest-'));
    const [cache, output] = [path.join(work, 'cache'), newSite(work, '_site')];
    await recordSite(cache, output, 'inputs', '', fingerprints('a'));
    for (const name of readdirSync(path.join(cache, 'sites'))) {
      if (name.endsWith('.fingerprints.json')) rmSync(path.join(cache, 'sites', name));
    }
    expect(await builtFingerprints(cache, output)).toBeUndefined();
    expect(await upToDate(cache, output, 'inputs')).toEqual({ report: '' });
  });
});

// "Nothing changed" must never be said of a site that lost part of itself after it was recorded:
// the next build would leave it broken.

/** A small site: a home page, and two sections of record folders. */
function writeSite(output: string): void {
  for (const page of [
    'index.html',
    'officials/index.html',
    'officials/a/index.html',
    'officials/b/index.html',
    'places/c/index.html',
  ]) {
    mkdirSync(path.dirname(path.join(output, page)), { recursive: true });
    writeFileSync(path.join(output, page), page);
  }
}

describe('the site manifest, for a site that is no longer whole', () => {
  const inputs = siteInputs([], 'v1', { pathPrefix: '/' });
  const fingerprints = { pages: new Map([['/officials/a/', 'page']]), search: new Map(), files: new Map() };

  // Taking away a top-level entry changes the site folder itself, which the manifest already
  // notices; these are one level down.
  it.each([
    ['a record folder', (output: string) => rmSync(path.join(output, 'officials/b'), { recursive: true })],
    ["a section's own page", (output: string) => rmSync(path.join(output, 'officials/index.html'))],
  ])('should not call the site up to date once %s is gone from it', async (_, remove) => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-manifest-'));
    const [output, cacheDir] = [path.join(work, '_site'), path.join(work, 'cache')];
    writeSite(output);
    await recordSite(cacheDir, output, inputs, '', fingerprints);
    expect(await upToDate(cacheDir, output, inputs)).toEqual({ report: '' });
    remove(output);
    expect(await upToDate(cacheDir, output, inputs)).toBeUndefined();
    // Its pages are not all there to be kept either.
    expect(await builtFingerprints(cacheDir, output)).toBeUndefined();
  });
});
