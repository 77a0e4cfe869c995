import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker.ts';
import type { AheadData, AheadReply, AheadRequest } from './search-ahead-worker.ts';
import { pagefindEnvironment, SearchIndexError, type ShardsReadAhead } from './search-index.ts';
import type { SearchShard } from './search-shards.ts';

/** Shards read ahead at most: each holds about 0.1 GB in Pagefind's process until it is written. */
export const SHARDS_READ_AHEAD = 2;

/**
 * Pages changed at most for a read ahead: more, and the build parses them on worker threads, which
 * leave no core idle; and replacing more pages in an index costs about what reading them does.
 */
export const PAGES_READ_AHEAD = 250;

/** A request without its id, which {@link SearchAhead} gives it. */
type Unnumbered<R> = R extends unknown ? Omit<R, 'id'> : never;

/**
 * The search shards an edit will most likely index again, read by Pagefind from the previous site
 * while the build loads the archive, on the core the load leaves idle. After a text edit at 10,000
 * articles, Pagefind took 1.3–1.5 s over the edited article's shard of about 1,400 pages, most of it
 * reading them, while the build waited with nothing else to do. Read ahead, only the pages rendered
 * now are read once they are written, each in place of the page of the same URL (Pagefind keeps a
 * page's position when it is added again), so the index Pagefind then builds and writes is the one
 * it makes of all the pages at once: the same fragments and word index chunks.
 *
 * Pagefind's Node API needs an event loop for every request and reply, and the main thread loads
 * the archive in one go: so the reading is driven from a worker thread (search-ahead-worker.ts).
 * A shard is used only if it holds the same pages as the shard the build hands over; if anything
 * goes wrong while reading, it is indexed the usual way (see `SearchIndexer`).
 */
export class SearchAhead implements ShardsReadAhead {
  readonly #worker: Worker;
  /** The pages of each shard still held. */
  readonly #held: Map<string, readonly string[]>;
  readonly #replies = new Map<number, (reply: AheadReply) => void>();
  #asked = 0;
  #stopped: string | undefined;
  #closing: Promise<void> | undefined;

  constructor(previousOutput: string, shards: readonly SearchShard[]) {
    this.#held = new Map(shards.map((shard) => [shard.key, shard.urls]));
    const data: AheadData = { from: path.resolve(previousOutput), shards };
    // Pagefind's Node API starts its process with the worker's environment: the CLI's (see `pagefindEnvironment`).
    const source = new URL('./search-ahead-worker.ts', import.meta.url);
    this.#worker = startWorker(source, 'search-ahead-worker', data, pagefindEnvironment());
    this.#worker.on('message', (reply: AheadReply) => {
      this.#replies.get(reply.id)?.(reply);
      this.#replies.delete(reply.id);
    });
    const stop = (why: string) => {
      this.#stopped ??= why;
      for (const [id, reply] of this.#replies) reply({ id, error: `the search read ahead stopped: ${why}` });
      this.#replies.clear();
    };
    this.#worker.on('error', (error) => stop(error.message));
    this.#worker.on('exit', (code) => stop(`its thread ended (exit code ${code})`));
  }

  covers(shard: SearchShard): boolean {
    const urls = this.#held.get(shard.key);
    return urls !== undefined && sameUrls(urls, shard.urls);
  }

  async retain(shards: readonly SearchShard[]): Promise<void> {
    for (const [key, urls] of this.#held) {
      if (shards.some((shard) => shard.key === key && sameUrls(urls, shard.urls))) continue;
      this.#held.delete(key);
      void this.#ask({ type: 'drop', key });
    }
    if (this.#held.size === 0) await this.close();
  }

  async write(output: string, shard: SearchShard, rendered: readonly string[], bundle: string): Promise<boolean> {
    if (!this.covers(shard) || this.#stopped !== undefined) return false;
    this.#held.delete(shard.key);
    const reply = await this.#ask({ type: 'write', key: shard.key, output, rendered, bundle });
    // Pagefind's process is ended in the background; the build waits for that at its end.
    if (this.#held.size === 0) void this.close();
    if (reply.error !== undefined) throw new SearchIndexError(`shard "${shard.key}": ${reply.error}`);
    return reply.written === true;
  }

  close(): Promise<void> {
    this.#held.clear();
    this.#closing ??= (async () => {
      // Pagefind's process is the worker's to end: a thread terminated first would leave it running.
      if (this.#stopped === undefined) await this.#ask({ type: 'close' });
      await this.#worker.terminate();
    })();
    return this.#closing;
  }

  #ask(request: Unnumbered<AheadRequest>): Promise<AheadReply> {
    const id = this.#asked++;
    if (this.#stopped !== undefined)
      return Promise.resolve({ id, error: `the search read ahead stopped: ${this.#stopped}` });
    return new Promise((resolve) => {
      this.#replies.set(id, resolve);
      this.#worker.postMessage({ ...request, id });
    });
  }
}

/**
 * A read ahead of the previous build's `shards` that hold the pages at `urls` (the records whose
 * content files changed), when there are few enough of both to be worth it; else `undefined`.
 */
export function readAheadFor(
  previousOutput: string,
  shards: readonly SearchShard[],
  urls: readonly string[],
): SearchAhead | undefined {
  if (urls.length === 0 || urls.length > PAGES_READ_AHEAD) return undefined;
  const changed = new Set(urls);
  const holding = shards.filter((shard) => shard.urls.some((url) => changed.has(url)));
  if (holding.length === 0 || holding.length > SHARDS_READ_AHEAD) return undefined;
  return new SearchAhead(previousOutput, holding);
}

function sameUrls(one: readonly string[], other: readonly string[]): boolean {
  return one.length === other.length && one.every((url, position) => url === other[position]);
}
