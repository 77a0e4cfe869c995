/**
 * Runs a full garbage collection, when the process was started with `--expose-gc` (as `npm run
 * build` is). Between Eleventy runs almost everything the last run allocated is garbage, but V8
 * collects lazily and lets the heap grow to GBs first; collecting there keeps the build's memory
 * near what it really holds. A no-op otherwise.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
