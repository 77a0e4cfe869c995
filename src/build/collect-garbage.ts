/**
 * Runs a full garbage collection, when the process was started with `--expose-gc` (as `npm run
 * build` is). Between Eleventy runs almost everything the last run allocated is garbage, but V8
 * collects lazily and lets the heap grow to GBs first; collecting there keeps the build's memory
 * near what it really holds. A no-op otherwise.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Collects the garbage twice, for a point where the build then waits (for Pagefind's last shards)
 * and its resident memory matters more than half a second: the pages the first collection empties
 * go back to the system only at the next one. Measured at the end of cold builds of 10,000
 * articles: 39–40 MB less resident after the second, with the same heap in use (two builds).
 */
export function collectGarbageAndRelease(): void {
  collectGarbage();
  collectGarbage();
}
