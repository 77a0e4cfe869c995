// The speed machinery's entry: what the commands and `.eleventy.ts` use of src/build.
export { buildArchiveCached, type CachedBuildOptions, type CacheStats } from './build-archive-cached.ts';
export { codeVersion } from './cache/hash.ts';
export {
  builtFingerprints,
  type EarlyFingerprints,
  encodeFingerprintsAhead,
  type FingerprintsAhead,
  recordSite,
  siteInputs,
  upToDate,
} from './cache/site-manifest.ts';
export { collectGarbage } from './collect-garbage.ts';
export {
  archiveBuildPlugin,
  type BuildHooks,
  type BuildOutcome,
  configureArchiveSite,
  finishPlannedBuild,
  type PlannedBuild,
  plannedBuild,
} from './eleventy-build-plugin.ts';
export { manyTextEdits } from './finish-site.ts';
export type { BuildPlan } from './plan/build-plan.ts';
export { type BuildInputs, prepareBuild } from './plan/build-runs.ts';
export type { PublishedFilesResult } from './plan/published-files.ts';
export {
  type PreviousSite,
  RENDER_BATCH_LIMITS,
  type SiteFingerprints,
  type SitePresence,
} from './plan/render-plan.ts';
export { filesFoundIn } from './plan/reuse-pages.ts';
export { sitePresenceAhead } from './plan/site-presence.ts';
export { readAheadFor } from './search/search-ahead.ts';
export { removeAbandonedSearchFolders } from './search/search-folders.ts';
export type { ShardsReadAhead } from './search/search-index.ts';
export { firstAnswer, startWorker } from './workers/start-worker.ts';
