import type { Root } from 'mdast';
import type { SourceFile } from '../../parse/source-file.ts';
import type { ArticleWords } from '../../pipeline/render-records.ts';
import type { DiskCache } from '../cache/disk-cache.ts';
import { type RecordFacts, takeRecordFacts } from '../cache/record-facts.ts';
import { decodeParseBody, encodeParseBody, encodeParseEntry, encodeRendered, parseBodyKey } from './cache-entries.ts';
import type { SerialMessage } from './serial-message.ts';
import { createRenderJob, type ParseOutcome, parseJob, type Registry } from './worker-jobs.ts';

/**
 * A parse result as the host returns it: the body stays with the host until rendering. The record
 * comes with its facts, taken on the thread that parsed it.
 */
export type HostedParse = Omit<ParseOutcome, 'body'> & { readonly empty: boolean; readonly facts?: RecordFacts };

/**
 * A body rendered, as the host returns it: encoded as the render cache keeps it, so that a body
 * rendered in this build is read back as one from the cache is (`decodeRendered`), its mentions made
 * only when asked; and the messages rendering reported.
 */
export interface HostedRender {
  readonly messages: readonly SerialMessage[];
  readonly entry: Uint8Array;
}

/** A batch of work, for a worker thread or for the main thread. */
export type JobTask =
  | { readonly type: 'parse'; readonly jobs: readonly { readonly source: SourceFile; readonly key?: string }[] }
  | { readonly type: 'registry'; readonly registry: Registry }
  | {
      readonly type: 'render';
      /** `words` are given for articles only: they alone are checked for unregistered names. */
      readonly jobs: readonly {
        readonly source: SourceFile;
        readonly key?: string;
        /** Where the rendered body is cached, when it renders without a message. */
        readonly renderKey?: string;
        readonly words?: ArticleWords;
      }[];
    };

/** The caches a job host stores its clean results in: parses, and rendered bodies. */
export interface JobCaches {
  readonly parse: DiskCache;
  readonly render: DiskCache;
}

/**
 * Runs parse and render batches; syntax trees never cross threads. Clean parses and rendered bodies
 * are stored in the caches as they are made, by the thread that made them: encoding and writing
 * tens of thousands of entries on the main thread left about 130 MB of freed memory there that the
 * C library never gave back. A body stored in the cache is read back from it to be rendered; only
 * the others (no cache, or a file with messages) are kept until then: every tree of 10,000
 * articles, kept until the workers ended, was the build's peak (1.03–1.10 GiB against 0.87–0.93).
 */
export function createJobHost(caches: JobCaches | undefined): (task: JobTask) => Promise<unknown> {
  const cache = caches?.parse;
  const bodies = new Map<string, Root>();
  let render: ReturnType<typeof createRenderJob> | undefined;

  const bodyOf = async (source: SourceFile, key: string | undefined): Promise<Root | undefined> => {
    const kept = bodies.get(source.path);
    if (kept) return kept;
    const entry = key === undefined ? undefined : cache?.get(parseBodyKey(key));
    return (entry && decodeParseBody(entry)) ?? parseJob(source).body;
  };

  return async (task) => {
    switch (task.type) {
      case 'parse':
        return Promise.all(
          task.jobs.map(async ({ source, key }): Promise<HostedParse> => {
            const { body, ...outcome } = parseJob(source);
            const empty = (body?.children.length ?? 0) === 0;
            const facts = outcome.record && takeRecordFacts(outcome.record);
            if (cache && key !== undefined && outcome.record && body && outcome.messages.length === 0) {
              // The body first: a record entry in the cache means its body is there too.
              cache.set(parseBodyKey(key), encodeParseBody(body));
              cache.set(key, encodeParseEntry({ record: outcome.record, empty }, facts));
            } else if (body) bodies.set(source.path, body);
            return { ...outcome, empty, ...(facts && { facts }) };
          }),
        );
      case 'registry':
        render = createRenderJob(task.registry);
        return undefined;
      case 'render':
        return Promise.all(
          task.jobs.map(async ({ source, key, renderKey, words }): Promise<HostedRender> => {
            const body = await bodyOf(source, key);
            if (!render || !body) throw new TypeError(`nothing to render for ${source.path}`);
            // Each body is rendered once: the tree can go.
            bodies.delete(source.path);
            const { messages, ...rendered } = render(source.path, source.bytes, body, words);
            const entry = encodeRendered(rendered);
            if (caches && renderKey !== undefined && messages.length === 0) caches.render.set(renderKey, entry);
            return { messages, entry };
          }),
        );
    }
  };
}
