import type { JobPool } from './worker-pool.ts';

/** Hands out batches of `items` to the pool's hosts as each becomes free, so a slow batch delays no other host. */
export async function runBatches<T>(
  pool: JobPool,
  items: readonly T[],
  run: (host: number, batch: T[]) => Promise<void>,
  size = 64,
): Promise<void> {
  let next = 0;
  const host = async (number: number) => {
    for (let start = next; start < items.length; start = next) {
      next += size;
      await run(number, items.slice(start, start + size));
    }
  };
  await Promise.all(Array.from({ length: pool.size }, (_, number) => host(number)));
}
