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

describe('the hash of a list of parts', () => {
  it('should be the same for text as for its UTF-8 bytes, and tell apart lists that join alike', () => {
    const texts = ['parse', 'content/articles/zürich-北京.md', 'a lone \ud800 surrogate', ''];
    // Text alone is hashed in one call; with bytes among the parts, part by part.
    expect(hashOf(...texts)).toBe(hashOf(...texts.slice(0, -1), new Uint8Array()));
    expect(hashOf(...texts)).toBe(hashOf(...texts.map((text) => new Uint8Array(Buffer.from(text)))));
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
    expect(hashOf('a:b')).not.toBe(hashOf('a', 'b'));
  });
});
