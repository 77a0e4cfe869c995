import { describe, expect, it } from 'vitest';
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
