import fc from 'fast-check';
import { describe, it } from 'vitest';
import { archiveProperty } from './fuzz/archive-property.ts';

// A few hundred cases on every test run; `npm run fuzz` runs 10,000 or more.
describe('random and mutated content', () => {
  it('should end in records or positioned messages, and never throw', () => {
    fc.assert(archiveProperty, { numRuns: 300 });
  }, 120_000);
});
