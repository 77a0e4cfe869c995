// The worker thread of a search read ahead (search-ahead.ts): it drives Pagefind's Node API, whose
// requests and replies need an event loop, while the main thread loads the archive without a pause.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { PagefindIndex } from 'pagefind';
import * as pagefind from 'pagefind';
import { pageFile } from '../plan/render-plan.ts';
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

const { from, shards } = workerData as AheadData;
const reads = new Map(shards.map((shard) => [shard.key, readShard(shard).catch(() => undefined)]));

parentPort?.on('message', (request: AheadRequest) => {
  answer(request).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) =>
      parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});

async function answer(request: AheadRequest): Promise<AheadReply> {
  if (request.type === 'close') {
    await Promise.all([...reads.keys()].map((key) => drop(key)));
    await pagefind.close();
    return { id: request.id };
  }
  if (request.type === 'drop') {
    await drop(request.key);
    return { id: request.id };
  }
  const index = await reads.get(request.key);
  reads.delete(request.key);
  if (index === undefined) return { id: request.id, written: false };
  try {
    return { id: request.id, written: await write(index, request) };
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Adds the pages rendered now, each in place of the page of its URL, then writes the index. `false`
 * when Pagefind refused a page: nothing is written then, and the shard can be indexed the usual way.
 */
async function write(index: PagefindIndex, request: Extract<AheadRequest, { type: 'write' }>): Promise<boolean> {
  for (const url of request.rendered) {
    const file = pageFile(request.output, url);
    if (file === undefined) return false;
    const sourcePath = path.relative(request.output, file).split(path.sep).join('/');
    const added = await index.addHTMLFile({ sourcePath, content: await readFile(file, 'utf8') });
    if (added.errors.length > 0) return false;
  }
  const written = await index.writeFiles({ outputPath: request.bundle });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  return true;
}

async function drop(key: string): Promise<void> {
  const index = await reads.get(key);
  reads.delete(key);
  await index?.deleteIndex();
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
