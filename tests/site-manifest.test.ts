import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFingerprints, recordSite, siteInputs, upToDate } from '../src/cache/site-manifest.ts';

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
