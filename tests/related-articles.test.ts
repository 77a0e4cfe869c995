import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topRanked } from '../src/site/view/related-articles.ts';

describe('related articles', () => {
  it('should pick the articles sharing the most, ties by number, exactly as a full sort would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 8 }),
        (counts, count) => {
          const candidates = counts.flatMap((shared, article) => (shared > 0 ? [article] : []));
          // Candidates come in link order, not number order.
          const shuffled = [...candidates].reverse();
          const sorted = [...candidates].sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b).slice(0, count);
          expect(topRanked(counts, shuffled, count)).toEqual(sorted);
        },
      ),
      { numRuns: 500 },
    );
  });
});
