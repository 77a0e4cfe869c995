// The worker thread of `sitePresenceAhead` (site-presence.ts): it looks the previous site's files up
// while the main thread loads the archive, and replies once.
import { parentPort, workerData } from 'node:worker_threads';
import { type PresenceLists, presenceOf } from './reuse-pages.ts';

/** What the worker is started with: the previous site's folder, and what to look up in it. */
export interface PresenceData extends PresenceLists {
  readonly output: string;
}

const { output, ...lists } = workerData as PresenceData;
parentPort?.postMessage(presenceOf(output, lists));
