import path from 'node:path';
import { VFile } from 'vfile';
import type { MentionTarget } from '../link/registry.ts';
import { digestOf, withBytes } from '../load/read-content.ts';
import type { AnyParsedRecord } from '../parse/parse-record.ts';
import type { ContentFile } from '../parse/source-file.ts';
import {
  type ArchiveResult,
  assembleArchive,
  type LinkedRecords,
  linkParsed,
  recordsOf,
} from '../pipeline/build-archive.ts';
import { articleWords } from '../pipeline/render-records.ts';
import type { RenderedBody } from '../render/render-body.ts';
import type { PlaceKind } from '../schema/index.ts';
import { recordKey } from '../schema/record-key.ts';
import { withPack } from './cache/cache-pack.ts';
import { openVersionedCache } from './cache/disk-cache.ts';
import { codeVersion, hashOf } from './cache/hash.ts';
import { withRecordFacts } from './cache/record-facts.ts';
import { rememberedLinkPass } from './link-pass-memo.ts';
import { decodeParseEntry, decodeRendered } from './workers/cache-entries.ts';
import { runBatches } from './workers/concurrency.ts';
import type { HostedParse, HostedRender } from './workers/job-host.ts';
import { restoreMessages } from './workers/serial-message.ts';
import type { PlainRecord, Registry } from './workers/worker-jobs.ts';
import { createJobPool, defaultWorkers } from './workers/worker-pool.ts';

/** Options of {@link buildArchiveCached}. */
export interface CachedBuildOptions {
  /** Folder of the cache, e.g. `.cache/news-archive`; created when missing. */
  readonly cacheDir: string;
  /** Worker threads for parsing and rendering. Default: one per core; `0` keeps all work on this thread. */
  readonly workers?: number;
  /** The code version keys include. Default: a hash of the code ({@link codeVersion}). */
  readonly version?: string;
  /** Files to parse (or bodies to render) per worker thread below which the work stays on this thread. Default 250. */
  readonly filesPerWorker?: number;
  /**
   * Told the records of the files read from disk in this build (new, or changed since the content
   * was last read: see `readChangedContent`) as soon as they are parsed or taken from the cache,
   * before they are linked; a build reads ahead what it will need for them.
   */
  readonly onRead?: (records: readonly PlainRecord[]) => void;
}

/** How much work the cache saved: files parsed and bodies rendered in this build, and worker threads used. */
export interface CacheStats {
  readonly parsed: number;
  readonly rendered: number;
  readonly workers: number;
}

// Starting a worker costs about as much as parsing a few hundred files; below this, one thread is faster.
const FILES_PER_WORKER = 250;
const BATCH = 64;
const EMPTY_BODY: RenderedBody = { html: '', mentions: [], mentioned: [] };

/**
 * Builds the archive with the passes of the pure builder (pipeline/build-archive.ts): the same
 * `parseSource`, `linkParsed`, `createRecordRenderer` and `assembleArchive`, so the records, bodies
 * and messages are the same. It parses a file only when its content (or the code) changed, renders
 * a body only when its file or the names it may link to changed, and spreads both over worker threads.
 */
export async function buildArchiveCached(
  sources: readonly ContentFile[],
  options: CachedBuildOptions,
): Promise<ArchiveResult & { readonly stats: CacheStats }> {
  const { files, linked, bodies, stats } = await cachedPasses(sources, options, true);
  return { ...assembleArchive(files, linked.index, bodies), stats };
}

/**
 * Parses and renders into the cache what it lacks of `sources`, as {@link buildArchiveCached} does,
 * without decoding the bodies the cache holds nor assembling the archive: for a process that only
 * prepares the cache (`npm run build`'s, see src/cli/prepare-cache-apart.ts), whose peak that would
 * raise. Messages go with it; the build that reads the cache next reports them.
 */
export async function prepareArchiveCache(
  sources: readonly ContentFile[],
  options: CachedBuildOptions,
): Promise<CacheStats> {
  return (await cachedPasses(sources, options, false)).stats;
}

/** What the cached passes made: the bodies, by record key, only when asked to `decode` them. */
interface CachedPasses {
  readonly files: VFile[];
  readonly linked: LinkedRecords;
  readonly bodies: ReadonlyMap<string, RenderedBody>;
  readonly stats: CacheStats;
}

async function cachedPasses(
  sources: readonly ContentFile[],
  options: CachedBuildOptions,
  decode: boolean,
): Promise<CachedPasses> {
  const version = options.version ?? (await codeVersion());
  const parseCache = withPack(openVersionedCache(path.join(options.cacheDir, 'parse'), version));
  const renderCache = withPack(openVersionedCache(path.join(options.cacheDir, 'render'), version));
  const keys = sources.map((source) =>
    source.refused === undefined
      ? hashOf('parse', version, source.path, source.kind ?? '', digestOf(source))
      : undefined,
  );
  const entries = keys.map((key) => {
    const bytes = key === undefined ? undefined : parseCache.get(key);
    return bytes && decodeParseEntry(bytes);
  });
  const misses = sources.map((_, at) => at).filter((at) => entries[at] === undefined);
  const maxWorkers = options.workers ?? defaultWorkers();
  const workersFor = (jobs: number) =>
    Math.min(maxWorkers, Math.floor(jobs / (options.filesPerWorker ?? FILES_PER_WORKER)));
  const caches = { parse: parseCache, render: renderCache };
  let pool = createJobPool(workersFor(misses.length), caches);
  let threads = workersFor(misses.length);
  try {
    const hostOf = new Map<number, number>();
    const parsed = new Map<number, HostedParse>();
    await runBatches(pool, misses, async (host, batch) => {
      // A file the loader vouched for is read only now that its parse is not in the cache.
      const jobs = batch.map((at) => ({ source: withBytes(sources[at] as ContentFile), ...withKey(keys[at]) }));
      const results = await pool.run<HostedParse[]>(host, { type: 'parse', jobs });
      batch.forEach((at, position) => {
        parsed.set(at, results[position] as HostedParse);
        hostOf.set(at, host);
      });
    });
    // An edit undone is read, but its parse is in the cache.
    options.onRead?.(
      sources.flatMap((source, at) =>
        source.bytes === undefined ? [] : ((entries[at] ?? parsed.get(at))?.record ?? []),
      ),
    );

    const files: VFile[] = [];
    const outcomes: { file: VFile; record?: AnyParsedRecord }[] = [];
    const sourceOf = new Map<AnyParsedRecord, number>();
    const empty = new Set<AnyParsedRecord>();
    sources.forEach((source, at) => {
      const file = new VFile({ path: source.path });
      files.push(file);
      const outcome = entries[at] ?? parsed.get(at);
      if (outcome && 'messages' in outcome) restoreMessages(file, outcome.messages);
      if (!outcome?.record) {
        outcomes.push({ file });
        return;
      }
      const record = { ...outcome.record, file } as AnyParsedRecord;
      if ('facts' in outcome && outcome.facts) withRecordFacts(record, outcome.facts);
      outcomes.push({ file, record });
      sourceOf.set(record, at);
      if (outcome.empty) empty.add(record);
    });

    const linked = linkParsed(sources, outcomes, rememberedLinkPass(options.cacheDir, version));
    const registry = registryOf(linked);
    const registryKey = hashOf(
      'render',
      version,
      JSON.stringify([[...registry.names], registry.slugs, [...registry.placeKinds]]),
    );
    const bodies = new Map<string, RenderedBody>();
    const toRender: AnyParsedRecord[] = [];
    const renderKeys = new Map<AnyParsedRecord, string>();
    const targets = new Map<string, MentionTarget>();
    const cached = recordsOf(linked.index).map((record) => {
      if (empty.has(record)) return EMPTY_BODY;
      const key = hashOf(registryKey, keys[sourceOf.get(record) ?? -1] ?? '');
      renderKeys.set(record, key);
      const bytes = renderCache.get(key);
      // Not decoded when only the cache is prepared: that its entry is there is enough.
      return bytes && (decode ? decodeRendered(bytes, targets) : EMPTY_BODY);
    });
    recordsOf(linked.index).forEach((record, position) => {
      const body = cached[position];
      if (body) bodies.set(recordKey(record), body);
      else toRender.push(record);
    });

    // Few files changed but the names did, so every body renders again: worth the threads after all.
    if (threads === 0 && workersFor(toRender.length) > 0) {
      await pool.close();
      threads = workersFor(toRender.length);
      pool = createJobPool(threads, caches);
    }
    for (let host = 0; host < pool.size; host++) await pool.run(host, { type: 'registry', registry });
    const rendered = new Map<AnyParsedRecord, HostedRender>();
    const byHost = Array.from({ length: pool.size }, () => [] as AnyParsedRecord[]);
    toRender.forEach((record, position) => {
      byHost[hostOf.get(sourceOf.get(record) ?? -1) ?? position % pool.size]?.push(record);
    });
    await Promise.all(
      byHost.map(async (assigned, host) => {
        for (let start = 0; start < assigned.length; start += BATCH) {
          const batch = assigned.slice(start, start + BATCH);
          const jobs = batch.map((record) => {
            const at = sourceOf.get(record) ?? -1;
            // Articles carry their own words, and are checked for unregistered names as they render.
            const words = articleWords(record);
            const renderKey = renderKeys.get(record);
            return {
              source: withBytes(sources[at] as ContentFile),
              ...withKey(keys[at]),
              ...(renderKey === undefined ? {} : { renderKey }),
              ...(words ? { words } : {}),
            };
          });
          const results = await pool.run<HostedRender[]>(host, { type: 'render', jobs });
          batch.forEach((record, position) => {
            rendered.set(record, results[position] as HostedRender);
          });
        }
      }),
    );
    // Messages are restored in index order, as a single-threaded build reports them. The hosts
    // cached the clean bodies as they rendered them.
    for (const record of toRender) {
      const outcome = rendered.get(record);
      if (outcome === undefined) throw new Error(`${record.file.path} was not rendered`);
      restoreMessages(record.file, outcome.messages);
      if (!decode) continue;
      const body = decodeRendered(outcome.entry, targets);
      if (body === undefined) throw new Error(`${record.file.path} was rendered, but could not be read back`);
      bodies.set(recordKey(record), body);
    }
    const ordered = new Map(
      decode
        ? recordsOf(linked.index).map((record) => [recordKey(record), bodies.get(recordKey(record)) ?? EMPTY_BODY])
        : [],
    );
    // The entries the next build will most likely read again, in one file each; once the workers,
    // and the syntax trees they hold, are gone.
    await pool.close();
    parseCache.repack(keys.flatMap((key) => key ?? []));
    renderCache.repack(renderKeys.values());
    const stats = { parsed: misses.length, rendered: toRender.length, workers: threads };
    return { files, linked, bodies: ordered, stats };
  } finally {
    await pool.close();
  }
}

function withKey(key: string | undefined): { key?: string } {
  return key === undefined ? {} : { key };
}

function registryOf(linked: LinkedRecords): Registry {
  const { index, renderOptions } = linked;
  const slugs = Object.fromEntries(
    Object.entries(renderOptions.slugs).map(([kind, list]) => [kind, [...list]]),
  ) as unknown as Registry['slugs'];
  const placeKinds = new Map<string, PlaceKind>(
    [...index.place.values()].map((place) => [place.slug, place.data.kind]),
  );
  return { names: renderOptions.names, declaredIn: linked.declaredIn, slugs, placeKinds };
}
