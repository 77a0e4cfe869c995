/**
 * Runs `work` on each item with at most `width` calls in flight, taking items from `items` only
 * as a slot frees up (so a generator is never drained ahead), and returns the results in order.
 * For file I/O: one file at a time waits on every round trip, all at once holds everything.
 *
 * After a failure no new item is started, and the returned promise rejects only once the calls in
 * flight have ended: a caller that cleans up after the failure (deletes a half-built site) never
 * races a write still under way.
 */
export async function mapInWindows<T, R>(
  items: Iterable<T>,
  width: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  const iterator = items[Symbol.iterator]();
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed) {
      const step = iterator.next();
      if (step.done === true) return;
      const position = next++;
      try {
        results[position] = await work(step.value);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, width) }, worker));
  const rejected = settled.find((outcome) => outcome.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}
