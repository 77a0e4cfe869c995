// The worker thread of a search read ahead (search-ahead.ts): it drives Pagefind's Node API, whose
// requests and replies need an event loop, while the main thread loads the archive without a pause.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { PagefindIndex } from 'pagefind';
import * as pagefind from 'pagefind';
import { pageFile } from '../plan/render-plan.ts';
import { writeIndexFiles } from './bundle-written.ts';
import { shardGlob } from './search-index.ts';
import type { SearchShard } from './search-shards.ts';

/** What the worker is started with: the previous site's folder, and the shards to read from it. */
export interface AheadData {
  readonly from: string;
  readonly shards: readonly SearchShard[];
}

/** What the main thread asks of the worker. */
export type AheadRequest =
  | {
      readonly type: 'write';
      readonly id: number;
      readonly key: string;
      /** The new site's folder, where the `rendered` pages are. */
      readonly output: string;
      readonly rendered: readonly string[];
      readonly bundle: string;
    }
  | { readonly type: 'drop'; readonly id: number; readonly key: string }
  | { readonly type: 'close'; readonly id: number };

/** The worker's reply: whether a shard was written, or why writing it failed. */
export interface AheadReply {
  readonly id: number;
  readonly written?: boolean;
  readonly error?: string;
}

/** How often the worker makes sure Pagefind's process is still there. */
const WATCH_MS = 1000;
/** How long the worker waits, once it has ended Pagefind's process, for the process to be gone. */
const ENDING_MS = 50;

const { from, shards } = workerData as AheadData;
const reads = new Map(shards.map((shard) => [shard.key, readShard(shard).catch(() => undefined)]));

parentPort?.on('message', (request: AheadRequest) => {
  answer(request).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) =>
      parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});

/** Set once Pagefind's process is being ended: nothing is asked of it after, which would start another. */
let closing = false;

// Pagefind's Node API notices that its process has gone (killed, say) only when it next writes to
// it, and until then a request waits for good: a build would hang. A request every second fails
// every waiting one once the process has gone, and the shard is then indexed the usual way.
const watch = setInterval(() => {
  if (closing) return;
  pagefind
    .createIndex()
    .then(({ index }) => index?.deleteIndex())
    .catch(() => undefined);
}, WATCH_MS);
watch.unref();

async function answer(request: AheadRequest): Promise<AheadReply> {
  if (request.type === 'close') {
    // Ending the process ends every index it holds, and fails the requests still waiting.
    closing = true;
    clearInterval(watch);
    await pagefind.close();
    // A moment for the process to end while this thread is there to see it, or it stays a zombie
    // until the build's own process ends.
    await new Promise((resolve) => setTimeout(resolve, ENDING_MS));
    return { id: request.id };
  }
  if (request.type === 'drop') {
    await drop(request.key);
    return { id: request.id };
  }
  const index = await reads.get(request.key);
  reads.delete(request.key);
  if (index === undefined) return { id: request.id, written: false };
  const written = await write(index, request);
  if (written) await index.deleteIndex();
  return { id: request.id, written };
}

/**
 * Adds the pages rendered now, each in place of the page of its URL, then writes the index. `false`
 * when a page could not be added (Pagefind refused it, or its process has gone): nothing is written
 * then, and the shard can be indexed the usual way. A failed write fails.
 */
async function write(index: PagefindIndex, request: Extract<AheadRequest, { type: 'write' }>): Promise<boolean> {
  try {
    for (const url of request.rendered) {
      const file = pageFile(request.output, url);
      if (file === undefined) return false;
      const sourcePath = path.relative(request.output, file).split(path.sep).join('/');
      const added = await index.addHTMLFile({ sourcePath, content: await readFile(file, 'utf8') });
      if (added.errors.length > 0) return false;
    }
  } catch {
    return false;
  }
  const shard = shards.find((held) => held.key === request.key);
  await writeIndexFiles(index, request.bundle, shard && path.join(from, shard.bundle));
  return true;
}

async function drop(key: string): Promise<void> {
  const index = await reads.get(key);
  reads.delete(key);
  if (!closing) await index?.deleteIndex().catch(() => undefined);
}

/** The shard's pages read from the previous site, if it still has every one of them. */
async function readShard(shard: SearchShard): Promise<PagefindIndex | undefined> {
  const { index } = await pagefind.createIndex();
  if (!index) return undefined;
  const read = await index.addDirectory({ path: from, glob: shardGlob(from, shard) });
  if (read.errors.length === 0 && read.page_count === shard.urls.length) return index;
  await index.deleteIndex();
  return undefined;
}
