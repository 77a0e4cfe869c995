import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { digestOf } from '../../load/read-content.ts';
import type { ContentFile } from '../../parse/source-file.ts';
import type { ShownRecords } from '../plan/page-reach.ts';
import type { SiteFingerprints } from '../plan/render-plan.ts';
import type { SearchShard } from '../search/search-shards.ts';
import { hashAll, hashOf } from './hash.ts';

/** What a finished build leaves in the cache about the site it wrote. */
interface Manifest {
  /** Hash of every input: content, code and options. */
  readonly inputs: string;
  /**
   * Identity of the folder the build swapped in, so a replaced or deleted site is noticed. Not its
   * ctime: renaming the folder into place changes that, and the record is written before the swap.
   * A folder's inode and mtime stay the same through a rename in the same parent.
   */
  readonly output: { readonly ino: number; readonly mtimeMs: number };
  /** Entries of the site's folder and of its folders, so a site missing a part is never taken for whole. */
  readonly entries: number;
  /** The problem report the build printed (warnings), printed again when the build is skipped. */
  readonly report: string;
  /**
   * The name of the file beside it with the fingerprints of the record pages and search shards, so
   * the next build redoes only what changed. A file of its own: at 10,000 articles it is 24 MB of
   * JSON, which a build that finds nothing changed never reads.
   */
  readonly fingerprints?: string;
}

/** The fingerprints of a build, as {@link recordSite} writes them. */
interface FingerprintsRecord {
  readonly pages: readonly (readonly [url: string, fingerprint: string])[];
  readonly search: readonly (readonly [shard: string, fingerprint: string])[];
  readonly files: readonly (readonly [path: string, fingerprint: string])[];
  readonly shape?: {
    readonly skeleton: string;
    readonly texts: readonly (readonly [record: string, text: string])[];
    /** Absent from manifests written before names were kept apart: such a shape is not used. */
    readonly names?: readonly (readonly [record: string, name: string])[];
    /** Absent from manifests written before summaries were kept apart: such a shape is not used. */
    readonly beside?: readonly (readonly [record: string, fields: string])[];
    /** Absent from manifests written before dates were kept apart: such a shape is not used. */
    readonly dates?: readonly (readonly [record: string, dates: string])[];
  };
  /** Which records each record page shows (see page-reach.ts), as positions in `records`. */
  readonly shows?: { readonly records: readonly string[]; readonly pages: readonly (readonly [string, number[]])[] };
  readonly shards?: readonly SearchShard[];
  readonly others?: readonly string[];
  readonly shared?: string;
}

/** Hash of everything a site depends on: each content file's path and bytes, the code and the options. */
export function siteInputs(sources: readonly ContentFile[], version: string, options: Record<string, unknown>): string {
  return hashAll([
    'site',
    version,
    JSON.stringify(options),
    ...sources.flatMap((source) => [
      source.path,
      source.kind ?? '',
      source.refused ?? '',
      String(source.size ?? ''),
      digestOf(source),
    ]),
  ]);
}

/**
 * The report of the last build when `output` is still exactly what that build wrote from the same
 * inputs, so there is nothing to do; `undefined` when anything differs and the site must be built.
 */
export async function upToDate(
  cacheDir: string,
  output: string,
  inputs: string,
): Promise<{ report: string } | undefined> {
  const manifest = await currentManifest(cacheDir, output);
  return manifest?.inputs === inputs ? { report: manifest.report } : undefined;
}

/**
 * The fingerprints the last build recorded, while `output` is still the site it wrote: record pages
 * and search shards with the same fingerprint need not be made again.
 */
export async function builtFingerprints(cacheDir: string, output: string): Promise<SiteFingerprints | undefined> {
  const name = (await currentManifest(cacheDir, output))?.fingerprints;
  // A record written before the fingerprints had a file of their own holds them inline: not used.
  const fingerprints =
    typeof name === 'string' ? await readJson<FingerprintsRecord>(path.join(cacheDir, 'sites', name)) : undefined;
  if (fingerprints === undefined) return undefined;
  const { shape, shards, others, shows, shared } = fingerprints;
  return {
    pages: new Map(fingerprints.pages),
    search: new Map(fingerprints.search),
    files: new Map(fingerprints.files),
    ...(shape?.names &&
      shape.beside &&
      shape.dates && {
        shape: {
          skeleton: shape.skeleton,
          texts: new Map(shape.texts),
          names: new Map(shape.names),
          beside: new Map(shape.beside),
          dates: new Map(shape.dates),
        },
      }),
    ...(shards && { shards }),
    ...(others && { others }),
    ...(shows && { shows: decodeShows(shows) }),
    ...(typeof shared === 'string' && { shared }),
  };
}

/**
 * Records that the finished site in `site` was built from `inputs`, to be swapped in as `output`.
 * Called before the swap, so a cache that cannot be written fails the build while `output` is still
 * the old site. The record names the folder itself, not the path: should the swap not happen, the
 * folder at `output` is another one and the record does not describe it. `ahead`: most of the
 * fingerprints, if encoded already ({@link encodeFingerprintsAhead}).
 */
export async function recordSite(
  cacheDir: string,
  output: string,
  inputs: string,
  report: string,
  fingerprints?: SiteFingerprints,
  site: string = output,
  ahead?: FingerprintsAhead,
): Promise<void> {
  const current = await stat(site);
  const file = manifestFile(cacheDir, output);
  // Named for this build: a record never points at another build's fingerprints.
  const fingerprintsName =
    fingerprints && `${path.basename(file, '.json')}.${process.pid}-${Date.now()}${FINGERPRINTS_SUFFIX}`;
  const manifest: Manifest = {
    inputs,
    output: { ino: current.ino, mtimeMs: current.mtimeMs },
    entries: await countEntries(site),
    report,
    ...(fingerprintsName && { fingerprints: fingerprintsName }),
  };
  const folder = path.dirname(file);
  await mkdir(folder, { recursive: true });
  if (fingerprints && fingerprintsName) {
    await writeWhole(path.join(folder, fingerprintsName), encodeFingerprints(fingerprints, ahead));
  }
  await writeWhole(file, JSON.stringify(manifest));
  // Earlier builds' fingerprints for the same output, and any a failed write left, are no one's now.
  const prefix = `${path.basename(file, '.json')}.`;
  const stale = (await readdir(folder)).filter(
    (name) => name.startsWith(prefix) && name.endsWith(FINGERPRINTS_SUFFIX) && name !== fingerprintsName,
  );
  await Promise.all(stale.map((name) => rm(path.join(folder, name), { force: true })));
}

const FINGERPRINTS_SUFFIX = '.fingerprints.json';

/** Writes `text` to `file` through a temporary file and a rename, so no reader sees half of it. */
async function writeWhole(file: string, text: string): Promise<void> {
  const written = `${file}.${process.pid}`;
  try {
    await writeFile(written, text);
    await rename(written, file);
  } catch (error) {
    // A full disk leaves a partial file: it would stay there for good.
    await rm(written, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The fingerprints a build knows once its pages and published files are written: all but search's and the other files'. */
export type EarlyFingerprints = Omit<SiteFingerprints, 'search' | 'shards' | 'others'>;

/** {@link EarlyFingerprints} encoded ahead of {@link recordSite}, with what they were encoded from. */
export interface FingerprintsAhead {
  readonly of: EarlyFingerprints;
  readonly sizes: readonly number[];
  readonly text: string;
}

/**
 * Encodes the larger part of a build's fingerprints ahead of {@link recordSite}: after an edit of a
 * text, while the build waits for Pagefind to write a shard (about 0.2 s at 10,000 articles).
 */
export function encodeFingerprintsAhead(early: EarlyFingerprints): FingerprintsAhead {
  return { of: early, sizes: sizesOf(early), text: JSON.stringify(earlyRecord(early)) };
}

/** The fingerprints as the record's JSON: the early part as `ahead` encoded it, when they are still the same. */
function encodeFingerprints(fingerprints: SiteFingerprints, ahead: FingerprintsAhead | undefined): string {
  const same =
    ahead !== undefined &&
    (['pages', 'files', 'shape', 'shows', 'shared'] as const).every((part) => ahead.of[part] === fingerprints[part]) &&
    sizesOf(fingerprints).every((size, at) => size === ahead.sizes[at]);
  const early = same ? ahead.text : JSON.stringify(earlyRecord(fingerprints));
  const late = JSON.stringify(lateRecord(fingerprints));
  // Two JSON objects made one: `{"pages":…}` and `{"search":…}`.
  return late === '{}' ? early : `${early.slice(0, -1)},${late.slice(1)}`;
}

function sizesOf(early: EarlyFingerprints): number[] {
  return [early.pages.size, early.files.size, early.shows?.size ?? -1, early.shape?.texts.size ?? -1];
}

function earlyRecord(fingerprints: EarlyFingerprints): Omit<FingerprintsRecord, 'search' | 'shards' | 'others'> {
  return {
    pages: [...fingerprints.pages],
    files: [...fingerprints.files],
    ...(fingerprints.shape && {
      shape: {
        skeleton: fingerprints.shape.skeleton,
        texts: [...fingerprints.shape.texts],
        names: [...fingerprints.shape.names],
        beside: [...fingerprints.shape.beside],
        dates: [...fingerprints.shape.dates],
      },
    }),
    ...(fingerprints.shows && { shows: encodeShows(fingerprints.shows) }),
    ...(fingerprints.shared && { shared: fingerprints.shared }),
  };
}

function lateRecord(fingerprints: SiteFingerprints): Pick<FingerprintsRecord, 'search' | 'shards' | 'others'> {
  return {
    search: [...fingerprints.search],
    ...(fingerprints.shards && { shards: fingerprints.shards }),
    ...(fingerprints.others && { others: fingerprints.others }),
  };
}

type EncodedShows = NonNullable<FingerprintsRecord['shows']>;

/**
 * Page → records shown, with each record's URL written once: about 900,000 pairs at 10,000
 * articles, 4 MB of JSON this way against 30 MB with every URL written out.
 */
function encodeShows(shows: ShownRecords): EncodedShows {
  const positions = new Map<string, number>();
  const pages = [...shows].map(([page, records]): [string, number[]] => [
    page,
    records.map((record) => {
      const known = positions.get(record);
      if (known !== undefined) return known;
      positions.set(record, positions.size);
      return positions.size - 1;
    }),
  ]);
  return { records: [...positions.keys()], pages };
}

function decodeShows({ records, pages }: EncodedShows): ShownRecords {
  return new Map(pages.map(([page, positions]) => [page, positions.map((position) => records[position] ?? '')]));
}

/** The manifest of the last build, if `output` is still the folder that build swapped in. */
async function currentManifest(cacheDir: string, output: string): Promise<Manifest | undefined> {
  const manifest = await readManifest(cacheDir, output);
  if (manifest === undefined) return undefined;
  const current = await stat(output).catch(() => undefined);
  const same = current?.ino === manifest.output.ino && current.mtimeMs === manifest.output.mtimeMs;
  return same && (await countEntries(output)) === manifest.entries ? manifest : undefined;
}

/**
 * Entries in `site` and in each of its folders, one level down: a site that lost a section or a
 * record's folder counts fewer. Deeper files are not counted; at 90,000 files that walk would take
 * seconds, this one tens of milliseconds.
 */
async function countEntries(site: string): Promise<number> {
  const top = await readdir(site, { withFileTypes: true }).catch(() => []);
  const below = await Promise.all(
    top.filter((entry) => entry.isDirectory()).map((entry) => readdir(path.join(site, entry.name)).catch(() => [])),
  );
  return top.length + below.reduce((sum, names) => sum + names.length, 0);
}

async function readManifest(cacheDir: string, output: string): Promise<Manifest | undefined> {
  return readJson<Manifest>(manifestFile(cacheDir, output));
}

async function readJson<T>(file: string): Promise<T | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  try {
    return text === undefined ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

function manifestFile(cacheDir: string, output: string): string {
  return path.join(cacheDir, 'sites', `${hashOf(path.resolve(output)).slice(0, 32)}.json`);
}
