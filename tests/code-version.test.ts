import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFiles, codeVersion, codeVersionNow, hashOf } from '../src/build/cache/hash.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

describe("the code's version, which keys every cache and the site manifest", () => {
  it('should be taken from the code, the templates, the Eleventy config and the locked dependencies', async () => {
    const files = (await codeFiles()).map((file) => path.relative(ROOT, file));
    for (const file of [
      'src/build/cache/hash.ts',
      'src/site/view/site-view.ts',
      'layouts/_includes/base.njk',
      '.eleventy.ts',
      'package-lock.json',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.every((file) => !file.startsWith('..'))).toBe(true);
  });

  it('should not be the version of nothing, which would never change', async () => {
    expect(await codeVersion()).not.toBe(hashOf());
    expect(await codeVersion()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should be read again, to the same hash while nothing changed, for the bench to see an edit made while it runs', async () => {
    expect(await codeVersionNow()).toBe(await codeVersion());
  });
});
