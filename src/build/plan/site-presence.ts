import { firstAnswer, startWorker } from '../workers/start-worker.ts';
import type { SiteFingerprints, SitePresence } from './render-plan.ts';
import { presenceLists } from './reuse-pages.ts';
import type { PresenceData } from './site-presence-worker.ts';

/**
 * Looks the previous site up on a worker thread, while the main thread loads the archive: at
 * 10,000 articles that is 65,000 files, a quarter of a second of the main thread after an edit.
 * `undefined` when the worker failed; the build then looks the site up itself.
 */
export function sitePresenceAhead(output: string, before: SiteFingerprints): Promise<SitePresence | undefined> {
  const data: PresenceData = { output, ...presenceLists(before) };
  const worker = startWorker(new URL('./site-presence-worker.ts', import.meta.url), 'site-presence-worker', data);
  return firstAnswer<SitePresence>(worker, 'the site presence thread').catch(() => undefined);
}
