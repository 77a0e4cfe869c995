import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { KeptFiles } from '../plan/kept-files.ts';
import { pageFile } from '../plan/render-plan.ts';
import { reusePages } from '../plan/reuse-pages.ts';
import { writeIndexFiles } from './bundle-written.ts';
import { makeSearchFolder } from './search-folders.ts';
import type { SearchShard } from './search-shards.ts';
import { indexedFromCopies, writeSearchedCopies } from './searched-copies.ts';
import { removeUnusedSeeds, seedBundle } from './seed-bundle.ts';

/** Thrown when Pagefind cannot index the site; the build fails rather than ship a broken search. */
export class SearchIndexError extends Error {
  override readonly name = 'SearchIndexError';
  /** The signal that stopped Pagefind, if one did: `SIGXFSZ` when a file passed the file-size limit. */
  readonly signal: string | undefined;

  constructor(message: string, signal?: string) {
    super(message);
    this.signal = signal;
  }
}

/**
 * Search shards Pagefind read from the previous site before they were handed over (see
 * search-ahead.ts): a shard read ahead needs only the pages rendered since.
 */
export interface ShardsReadAhead {
  /** Whether exactly the pages of `shard` were read ahead, and are still held. */
  covers(shard: SearchShard): boolean;
  /** Lets go of the shards read ahead that are not among `shards`, which the build may index. */
  retain(shards: readonly SearchShard[]): Promise<void>;
  /**
   * Writes `shard`'s index to `bundle`, its `rendered` pages read from `output` in place of their
   * previous versions. `false` when it was not read ahead whole: then nothing was written.
   */
  write(output: string, shard: SearchShard, rendered: readonly string[], bundle: string): Promise<boolean>;
  /** Lets go of every shard still held, and of Pagefind's process. */
  close(): Promise<void>;
}

/** What {@link SearchIndexer} did. */
export interface SearchIndexResult {
  /** Pages indexed by this build. */
  readonly pages: number;
  readonly indexed: readonly string[];
  /** Those of `indexed` whose pages were read ahead (see {@link ShardsReadAhead}). */
  readonly readAhead: readonly string[];
  readonly reused: readonly string[];
}

/**
 * Indexes the rendered record pages with Pagefind, one index per shard, each written to its bundle
 * folder; the search page merges them. Only elements marked `data-pagefind-body` are indexed, so
 * navigation and footers never turn up as results. A shard added to be kept stays in the previous
 * site in `from`, which the build updates in place, and is noted in `kept`; one whose bundle is not
 * there whole is indexed instead.
 *
 * Shards are indexed in the background as they are handed over, so a build can index the shards whose
 * pages are written while it renders the others. At most `processes` Pagefind processes run at
 * once (default {@link SEARCH_PROCESSES}). After a failure nothing new starts, and {@link finish} rejects only once
 * every process has ended, so a failed build never deletes a folder Pagefind is still writing.
 */
export class SearchIndexer {
  readonly #output: string;
  readonly #from: string | undefined;
  readonly #kept: KeptFiles | undefined;
  readonly #processes: number;
  readonly #ahead: ShardsReadAhead | undefined;
  readonly #added: string[] = [];
  readonly #indexed = new Set<string>();
  readonly #readAhead = new Set<string>();
  readonly #reused = new Set<string>();
  readonly #jobs: Promise<void>[] = [];
  readonly #waiting: (() => void)[] = [];
  #running = 0;
  #pages = 0;
  #failure: { readonly error: unknown } | undefined;

  readonly #timeoutMs: number;

  constructor(
    outputDir: string,
    from?: string,
    processes = SEARCH_PROCESSES,
    kept?: KeptFiles,
    ahead?: ShardsReadAhead,
    { timeoutMs = SEARCH_SHARD_TIMEOUT_MS }: { readonly timeoutMs?: number } = {},
  ) {
    this.#output = path.resolve(outputDir);
    this.#from = from;
    this.#kept = kept;
    this.#processes = Math.max(1, processes);
    this.#ahead = ahead;
    this.#timeoutMs = timeoutMs;
  }

  /**
   * Keeps `shard`'s bundle in the previous site if `keep`, or else starts indexing it once a process
   * is free. Given the pages of it `rendered` now, a shard read ahead is indexed from what was read
   * (see {@link ShardsReadAhead}); its other pages need not be in the output folder.
   */
  add(shard: SearchShard, keep = false, rendered?: readonly string[]): void {
    this.#added.push(shard.key);
    this.#jobs.push(this.#take(shard, keep, rendered));
  }

  /** Whether the shard named `key` was handed over. */
  has(key: string): boolean {
    return this.#added.includes(key);
  }

  /** Waits for every shard added so far; rejects with the first failure once nothing runs. */
  async finish(): Promise<SearchIndexResult> {
    await this.settled();
    this.throwIfFailed();
    const inOrder = (keys: ReadonlySet<string>) => this.#added.filter((key) => keys.has(key));
    return {
      pages: this.#pages,
      indexed: inOrder(this.#indexed),
      readAhead: inOrder(this.#readAhead),
      reused: inOrder(this.#reused),
    };
  }

  /** Throws the first failure so far, if any: a build then stops rendering pages it cannot publish. */
  throwIfFailed(): void {
    if (this.#failure) throw this.#failure.error;
  }

  /** Waits until no shard is being indexed, whatever the outcome. */
  async settled(): Promise<void> {
    // Jobs never reject (failures are kept), and a job may be added while others run.
    for (let seen = 0; seen < this.#jobs.length; seen = this.#jobs.length) await Promise.all(this.#jobs);
  }

  async #take(shard: SearchShard, keep: boolean, rendered: readonly string[] | undefined): Promise<void> {
    const [from, kept] = [this.#from, this.#kept];
    // Keeping a shard needs no Pagefind process, so it waits for none.
    if (keep && from !== undefined && kept !== undefined && !this.#failure && keepBundle(from, shard, kept)) {
      this.#reused.add(shard.key);
      return;
    }
    await this.#whenFree(async () => {
      if (this.#failure) return;
      // Not `+= await`: that would read the count before the wait and lose the other shards' pages.
      const ahead = rendered && this.#ahead && { shards: this.#ahead, rendered };
      const { pages, readAhead } = await indexShard(this.#output, shard, this.#from, ahead, this.#timeoutMs);
      this.#pages += pages;
      this.#indexed.add(shard.key);
      if (readAhead) this.#readAhead.add(shard.key);
    });
  }

  async #whenFree(work: () => Promise<void>): Promise<void> {
    // A finishing job hands its slot straight to the next waiting one, so no newcomer slips in between.
    if (this.#running < this.#processes) this.#running += 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      await work();
    } catch (error) {
      // Kept before the slot is handed on, so the next shard sees it and does not start.
      this.#failure ??= { error };
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running -= 1;
    }
  }
}

/**
 * Pagefind processes at once, by default: the cores Eleventy leaves, at most two. One process keeps
 * about one core busy and holds up to about 0.5 GB for a shard of 2,500 pages. On two cores, a
 * 10,000-article build took as long with one as with two (Eleventy keeps the other core busy) and
 * needed 0.4 GB less. Pagefind's Node API runs every index in one process, one request at a time,
 * so each shard gets its own CLI process.
 */
export const SEARCH_PROCESSES = Math.min(2, Math.max(1, availableParallelism() - 1));

/**
 * How long one Pagefind process may take over a shard before it is stopped and the build fails: a
 * process that hangs (a page it cannot read to the end, say) would otherwise hold the build, and
 * the output's lock, for good. Shards take seconds: 1.5–5.4 s each at 10,000 articles.
 */
export const SEARCH_SHARD_TIMEOUT_MS = 30 * 60_000;

/**
 * Indexes one shard and returns how many pages it indexed, and whether from what was read `ahead`
 * of it; else it was indexed with the Pagefind CLI. With the previous site in `previous`, Pagefind
 * starts from its bundle's files (see seed-bundle.ts).
 */
async function indexShard(
  output: string,
  shard: SearchShard,
  previous: string | undefined,
  ahead?: { readonly shards: ShardsReadAhead; readonly rendered: readonly string[] },
  timeoutMs = SEARCH_SHARD_TIMEOUT_MS,
): Promise<{ readonly pages: number; readonly readAhead: boolean }> {
  const bundle = path.join(output, shard.bundle);
  if (shard.urls.length === 0) return { pages: await writeEmptyBundle(bundle), readAhead: false };
  const seeded = previous === undefined ? [] : seedBundle(path.join(previous, shard.bundle), bundle);
  const written = ahead !== undefined && (await ahead.shards.write(output, shard, ahead.rendered, bundle));
  if (!written) {
    // The CLI reads every page of the shard from one folder: those kept from the previous site,
    // left where they were for the read ahead, are linked in now.
    if (ahead !== undefined && previous !== undefined) {
      const rendered = new Set(ahead.rendered);
      await reusePages(
        previous,
        output,
        shard.urls.filter((url) => !rendered.has(url)),
      );
    }
    await indexWithCli(output, shard, bundle, timeoutMs);
  }
  const indexed = await indexedPages(bundle, output);
  if (indexed !== shard.urls.length) {
    throw new SearchIndexError(`Pagefind indexed ${indexed} of the ${shard.urls.length} pages of shard "${shard.key}"`);
  }
  await removeUnusedSeeds(bundle, seeded);
  return { pages: indexed, readAhead: written };
}

/** Indexes the pages of `shard` in `output` with the Pagefind CLI into `bundle`. */
async function indexWithCli(output: string, shard: SearchShard, bundle: string, timeoutMs: number): Promise<void> {
  // The glob names every page of the shard, longer than a command-line argument may be, so it goes
  // in a configuration file, which Pagefind reads from its working folder. Written synchronously,
  // so Pagefind starts when the shard is handed over, not when the thread next has a moment: after
  // a text edit, the build goes on to link the rest of the previous site, seconds of work. A shard
  // read from copies (see searched-copies.ts) needs no glob, and starts once they are written.
  const folder = makeSearchFolder();
  try {
    const config = indexedFromCopies(shard)
      ? { site: await writeSearchedCopies(output, shard, path.join(folder, 'site')), output_path: bundle, quiet: true }
      : { site: output, glob: shardGlob(output, shard), output_path: bundle, quiet: true };
    writeFileSync(path.join(folder, 'pagefind.json'), JSON.stringify(config));
    await runPagefind(folder, shard.key, timeoutMs);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The Node API's one Pagefind process, in use: a second user must not close it under the first. */
let nodeApiInUse: Promise<unknown> = Promise.resolve();

/**
 * An archive with no records yet still gets a bundle, so its search page loads and finds nothing.
 * The CLI refuses to write an empty index; the Node API does not.
 */
function writeEmptyBundle(bundle: string): Promise<number> {
  const written = nodeApiInUse.then(() => writeEmptyIndex(bundle));
  nodeApiInUse = written.catch(() => undefined);
  return written;
}

async function writeEmptyIndex(bundle: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex();
  try {
    if (!index) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ')}`);
    await writeIndexFiles(index, bundle);
    return 0;
  } finally {
    await pagefind.close();
  }
}

/**
 * Runs the Pagefind CLI in `cwd` over the shard `key`: the platform's binary itself, not the
 * package's Node launcher, which would keep a second Node process (about 45 MB) alive beside each
 * index. After `timeoutMs` the process is killed, and the build fails once it has ended.
 */
function runPagefind(cwd: string, key: string, timeoutMs: number): Promise<void> {
  const env = pagefindEnvironment();
  return new Promise((resolve, reject) => {
    const child = spawn(pagefindBinary(), [], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let said = '';
    const listen = (chunk: Buffer) => {
      said += chunk.toString();
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.on('error', (error) => reject(new SearchIndexError(`Pagefind could not start: ${error.message}`)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        const seconds = Math.round(timeoutMs / 1000);
        reject(
          new SearchIndexError(
            `Pagefind had not finished search shard "${key}" after ${seconds} s and was stopped (a stalled ` +
              'disk, or a page it cannot read to the end, can hold it): build again',
          ),
        );
      } else if (code === 0) resolve();
      else if (signal !== null)
        reject(new SearchIndexError(`Pagefind was stopped by ${signal}: ${said.trim()}`, signal));
      else reject(new SearchIndexError(`Pagefind failed (exit code ${code}): ${said.trim()}`));
    });
  });
}

/**
 * The environment Pagefind runs in. Settings come from the build only, never from PAGEFIND_*
 * variables of the shell, nor from TOKIO_* ones of its runtime (an empty TOKIO_WORKER_THREADS makes
 * Pagefind 1.5.2 panic).
 */
export function pagefindEnvironment(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_') && !name.startsWith('TOKIO_')),
  );
}

/** The platform's Pagefind binary, found once. */
let binary: string | undefined;
function pagefindBinary(): string {
  binary ??= findPagefindBinary();
  return binary;
}

/**
 * Finds the binary as the package's launcher does (lib/resolveBinary.js): the extended build first,
 * from the platform's optional package, resolved from the pagefind package so its version matches.
 */
export function findPagefindBinary(platform: string = process.platform, arch: string = process.arch): string {
  const require = createRequire(import.meta.resolve('pagefind'));
  const os = platform === 'win32' ? 'windows' : platform;
  const tried: string[] = [];
  for (const name of ['pagefind_extended', 'pagefind']) {
    const file = `@pagefind/${os}-${arch}/bin/${name}${os === 'windows' ? '.exe' : ''}`;
    try {
      return require.resolve(file);
    } catch {
      tried.push(file);
    }
  }
  throw new SearchIndexError(
    `Pagefind has no binary for ${os}-${arch} here (looked for ${tried.join(' and ')}): run \`npm ci\` on this machine`,
  );
}

/**
 * Pages in a written bundle, from the count Pagefind records per language. Pagefind ends with
 * success even when its writes fail, so a truncated or malformed entry file is reported by name,
 * with the fix, rather than as a JSON syntax error.
 */
export async function indexedPages(bundle: string, site: string = path.dirname(bundle)): Promise<number> {
  const file = path.join(bundle, 'pagefind-entry.json');
  const counts = pageCounts(await readFile(file, 'utf8'));
  if (typeof counts === 'string') {
    throw new SearchIndexError(
      `Pagefind wrote a truncated or malformed ${path.relative(site, file)} (${counts}); it does not report ` +
        'failed writes, so the disk is probably full: free some space and build again',
    );
  }
  return counts.reduce((sum, count) => sum + count, 0);
}

/** The page count of each language in a Pagefind entry file, or what is wrong with the file. */
function pageCounts(text: string): number[] | string {
  let entry: { languages?: Record<string, { page_count?: unknown } | null> } | null;
  try {
    entry = JSON.parse(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const counts = Object.values(entry?.languages ?? {}).map((language) => language?.page_count);
  return counts.every(Number.isInteger) ? (counts as number[]) : 'a language without a page count';
}

/** Characters a page path may hold and still be a literal in a Pagefind glob; slugs never need more. */
const GLOB_LITERAL = /^[a-z0-9/._-]+$/;

/** A glob matching exactly the shard's page files, relative to the output folder. */
export function shardGlob(output: string, shard: SearchShard): string {
  const files = shard.urls.map((url) => {
    const file = pageFile(output, url);
    const relative = file === undefined ? undefined : path.relative(output, file).split(path.sep).join('/');
    if (relative === undefined || !GLOB_LITERAL.test(relative)) {
      throw new SearchIndexError(`not a record page URL: ${url}`);
    }
    return relative;
  });
  return files.length === 1 ? (files[0] ?? '') : `{${files.join(',')}}`;
}

/**
 * Keeps a shard's bundle where it is in the previous site, if it is there whole; the first bundle's
 * folder also holds the other shards' folders, which are not part of it.
 */
function keepBundle(from: string, shard: SearchShard, kept: KeptFiles): boolean {
  if (!existsSync(path.join(from, shard.bundle, 'pagefind-entry.json'))) return false;
  kept.folder(shard.bundle, [path.join(shard.bundle, 'shards')]);
  return true;
}
