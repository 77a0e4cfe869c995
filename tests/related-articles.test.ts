import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topRelated } from '../src/site/view/article-view.ts';

describe('related articles', () => {
  it('should pick the articles sharing the most, ties by slug, exactly as a full sort would', () => {
    const shared = fc.dictionary(fc.string({ maxLength: 4 }), fc.integer({ min: 1, max: 6 }), { maxKeys: 60 });
    fc.assert(
      fc.property(shared, fc.integer({ min: 0, max: 8 }), (counts, count) => {
        const entries = Object.entries(counts);
        const sorted = [...entries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count);
        expect(topRelated(new Map(entries), count)).toEqual(sorted);
      }),
      { numRuns: 500 },
    );
  });
});
