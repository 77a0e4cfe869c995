import { describe, expect, it } from 'vitest';
import { mapInWindows } from '../src/util/map-in-windows.ts';

describe('mapInWindows', () => {
  it('should keep the order, never run more than the width at once, and pull items only as slots free', async () => {
    let running = 0;
    let most = 0;
    let pulled = 0;
    function* items() {
      for (let item = 0; item < 50; item++) {
        pulled++;
        // Never more than the width ahead of what has finished.
        expect(pulled - finished).toBeLessThanOrEqual(4);
        yield item;
      }
    }
    let finished = 0;
    const results = await mapInWindows(items(), 4, async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, (item * 7) % 5));
      running--;
      finished++;
      return item * 2;
    });
    expect(results).toEqual(Array.from({ length: 50 }, (_, item) => item * 2));
    expect(most).toBe(4);
  });

  it('should fail with the first failure', async () => {
    const failing = mapInWindows([1, 2, 3], 2, async (item) => {
      if (item === 2) throw new Error('two');
      return item;
    });
    await expect(failing).rejects.toThrow('two');
  });
});
