import { describe, expect, it } from 'vitest';
import { hashAll, hashOf } from '../src/build/cache/hash.ts';
import { siteInputs } from '../src/build/cache/site-manifest.ts';
import type { SourceFile } from '../src/parse/source-file.ts';
import { appendAll } from '../src/util/append-all.ts';

describe('appending a large list', () => {
  // The pages of one Eleventy run, or the articles of one folder, in an archive of 100,000 articles.
  const many = Array.from({ length: 300_000 }, (_, index) => `/articles/article-${index}/`);

  it('should append every item, in order, where spreading them as arguments overflows the stack', () => {
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    const target = ['/'];
    appendAll(target, many);
    expect(target).toHaveLength(many.length + 1);
    expect(target[1]).toBe(many[0]);
    expect(target.at(-1)).toBe(many.at(-1));
  });
});

describe('hashing the inputs of a large archive', () => {
  it('should hash 300,000 parts as an iterable, as it hashes a few as arguments', () => {
    expect(hashAll(['site', 'a', new Uint8Array([1, 2])])).toBe(hashOf('site', 'a', new Uint8Array([1, 2])));
    const files = Array.from(
      { length: 300_000 },
      (_, index): SourceFile => ({
        path: `content/articles/article-${index}.md`,
        kind: 'article',
        bytes: new Uint8Array([index % 256]),
      }),
    );
    expect(siteInputs(files, 'v1', {})).toMatch(/^[0-9a-f]{64}$/);
    expect(siteInputs(files.slice(1), 'v1', {})).not.toBe(siteInputs(files, 'v1', {}));
  });
});
