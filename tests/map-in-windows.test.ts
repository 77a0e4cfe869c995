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

  it('should start nothing after a failure, and fail only once the calls in flight have ended', async () => {
    const started: number[] = [];
    let inFlight = 0;
    const failing = mapInWindows([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item);
      inFlight++;
      await new Promise((resolve) => setTimeout(resolve, item === 2 ? 1 : 20));
      inFlight--;
      if (item === 2) throw new Error('two');
      return item;
    });
    await expect(failing).rejects.toThrow('two');
    expect(inFlight).toBe(0);
    // 1 and 2 start together; 2 fails first, so 3 onwards never start.
    expect(started).toEqual([1, 2]);
  });
});
