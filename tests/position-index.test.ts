import fc from 'fast-check';
import type { Position } from 'unist';
import { describe, expect, it } from 'vitest';
import { hasPosition, NO_POSITIONS, positionAt, toPositionIndex } from '../src/parse/front-matter.ts';

const point = fc.record(
  { line: fc.integer({ min: 1, max: 100_000 }), column: fc.integer({ min: 1, max: 10_000 }), offset: fc.nat(1e9) },
  { requiredKeys: ['line', 'column'] },
);
const position = fc.record({ start: point, end: point }) as fc.Arbitrary<Position>;

describe('position index', () => {
  it('should give back every position by its path, whatever the path holds', () => {
    // Paths are YAML keys joined by dots: quoted keys may hold newlines, backslashes, anything, and
    // a key may be named like a property every object has.
    const path = fc.oneof(
      fc.string(),
      fc.constantFrom('', '\n', '\\', '\\n', 'a\nb', 'a\\nb', 'roles.0.title', 'constructor', '__proto__', 'toString'),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(path, position), { selector: ([key]) => key, maxLength: 30 }),
        path,
        (entries, other) => {
          const index = toPositionIndex(new Map(entries));
          for (const [key, expected] of entries) {
            expect(positionAt(index, key)).toEqual(expected);
            expect(hasPosition(index, key)).toBe(true);
          }
          if (!entries.some(([key]) => key === other)) {
            expect(positionAt(index, other)).toBeUndefined();
            expect(hasPosition(index, other)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('should know no path once the positions are dropped', () => {
    expect(positionAt(NO_POSITIONS, '')).toBeUndefined();
    expect(hasPosition(NO_POSITIONS, 'slug')).toBe(false);
  });
});
