/**
 * Runs `work` on each item with at most `width` calls in flight, taking items from `items` only
 * as a slot frees up (so a generator is never drained ahead), and returns the results in order.
 * For file I/O: one file at a time waits on every round trip, all at once holds everything.
 */
export async function mapInWindows<T, R>(
  items: Iterable<T>,
  width: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  const iterator = items[Symbol.iterator]();
  let next = 0;
  const worker = async () => {
    for (let step = iterator.next(); step.done !== true; step = iterator.next()) {
      const position = next++;
      results[position] = await work(step.value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, worker));
  return results;
}
