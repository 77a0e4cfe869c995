import { compareText } from '../../site/collate.ts';
import { PAGE_KIND_KEYS, type PageKindKey, pageKind } from '../../site/page-kinds.ts';
import { appendAll } from '../../util/append-all.ts';
import { hashAll } from '../cache/hash.ts';

/**
 * Pages per search index shard. Pagefind holds about 200 KB per indexed page while it builds an
 * index, so one index of a 10,000-article archive needs several GB; shards of this size stay near
 * half a GB each, and one edit re-indexes only its own shard.
 */
export const SEARCH_SHARD_PAGES = 2500;

/** The folder, under the site root, that holds every shard's bundle. */
export const SEARCH_FOLDER = 'pagefind';

/** One Pagefind index: a share of the record pages, written to its own bundle folder. */
export interface SearchShard {
  /** Stable name, from the years it covers: `records-2012`, `2013-2014`. */
  readonly key: string;
  /** Bundle folder, relative to the site root, with a trailing slash: `pagefind/` for the first. */
  readonly bundle: string;
  /** Record page URLs, sorted. */
  readonly urls: readonly string[];
}

/** A page as shards file it: its URL, and the date of a kind searched by year (see `PageKindDefinition.searchBy`). */
export interface ShardedPage {
  readonly link: { readonly url: string };
  readonly date?: { readonly iso?: string | undefined };
}

/** A record page, by when it happened: the year of its date, or `undefined` for none. */
interface DatedPage {
  readonly url: string;
  readonly year: string | undefined;
}

/**
 * Splits the record pages into search shards. Pages go in by year, oldest first, after the records
 * without a date (officials, places, organisations, documents: `searchBy: 'records'` in
 * page-kinds.ts) and the undated articles and events; a shard closes once it holds `shardPages`
 * pages, and after the records without a date. New articles are mostly the newest, so they land
 * in the last shard and leave the others as they were. A small archive is one shard.
 */
export function planSearchShards(
  site: { readonly [K in PageKindKey]: readonly ShardedPage[] },
  shardPages = SEARCH_SHARD_PAGES,
  globBytes = SHARD_GLOB_BYTES,
): SearchShard[] {
  const units = new Map<string, string[]>();
  const add = (page: DatedPage, undatedUnit: string) => {
    const unit = page.year ?? undatedUnit;
    const urls = units.get(unit);
    if (urls) urls.push(page.url);
    else units.set(unit, [page.url]);
  };
  const yearOf = (iso: string | undefined) => iso?.slice(0, 4);
  // Every page kind of the table is searched; its entry says whether by year.
  for (const kind of PAGE_KIND_KEYS) {
    const byYear = pageKind(kind).searchBy === 'year';
    for (const view of site[kind]) {
      if (byYear) add({ url: view.link.url, year: yearOf(view.date?.iso) }, 'undated');
      else add({ url: view.link.url, year: undefined }, 'records');
    }
  }
  splitLongUnits(units, globBytes);
  // `records` and `undated` sort before the years, and the parts of a unit after it.
  const order = [...units.keys()].sort((a, b) => rank(a) - rank(b) || compareText(a, b));
  const shards: { units: string[]; urls: string[] }[] = [];
  let current: { units: string[]; urls: string[] } = { units: [], urls: [] };
  const total = [...units.values()].reduce((sum, urls) => sum + urls.length, 0);
  for (const [position, unit] of order.entries()) {
    current.units.push(unit);
    appendAll(current.urls, units.get(unit) ?? []);
    // Records without a date weigh most: an official's page lists every event they attended, and
    // costs Pagefind about as much as two or three articles' pages. Once the archive needs several
    // shards they get one of their own, so the first shard is not the size of two.
    const next = units.get(order[position + 1] ?? '');
    const full =
      current.urls.length >= shardPages || (next !== undefined && globLength(current.urls, next) > globBytes);
    if (full || (baseUnit(unit) === 'records' && total > shardPages)) {
      shards.push(current);
      current = { units: [], urls: [] };
    }
  }
  if (current.units.length > 0 || shards.length === 0) shards.push(current);
  return shards.map((shard, position) => {
    const key = shardKey(shard.units);
    return {
      key,
      bundle: position === 0 ? `${SEARCH_FOLDER}/` : `${SEARCH_FOLDER}/shards/${key}/`,
      urls: shard.urls.sort(),
    };
  });
}

/**
 * A hash of which pages a shard holds, where it is written, and what every page shares (`shared`:
 * the code, including Pagefind's version, and where the site is published). Two builds with equal
 * hashes index the same pages the same way: the index is equal as long as no page reads
 * differently to Pagefind (see searched-html.ts).
 */
export function shardFingerprint(shard: SearchShard, shared: string): string {
  return hashAll(['search-shard', shared, shard.bundle, ...shard.urls]);
}

/** Each shard's fingerprint (see {@link shardFingerprint}), by its key. */
export function shardFingerprints(shards: readonly SearchShard[], shared: string): Map<string, string> {
  return new Map(shards.map((shard) => [shard.key, shardFingerprint(shard, shared)]));
}

/**
 * Whether `shard` holds only records without a date (`searchBy: 'records'`): once an archive needs
 * several shards they get one or more of their own (`records`, `records-part-2`).
 */
export function shardHoldsRecordsAlone(shard: SearchShard): boolean {
  return baseUnit(shard.key) === 'records';
}

function rank(unit: string): number {
  const base = baseUnit(unit);
  return base === 'records' ? 0 : base === 'undated' ? 1 : 2;
}

/**
 * Bytes of the glob that names a shard's pages (see `shardGlob` in search-index.ts) at most.
 * Pagefind 1.5.2 refuses a glob of about 256 KB ("did not parse as a valid glob") and indexes
 * nothing: 2,500 pages with paths of 103 characters failed, 4,000 of 63 passed. At 100,000
 * articles one year holds 13,000 pages.
 */
export const SHARD_GLOB_BYTES = 200_000;

/**
 * A page's share of a shard's glob: its file path relative to the site (`url` without its leading
 * slash, then `index.html`), and a comma.
 */
function globBytesOf(url: string): number {
  return url.length + 'index.html'.length;
}

/** The glob bytes of the pages of `lists` together. */
function globLength(...lists: readonly (readonly string[])[]): number {
  let bytes = 0;
  for (const urls of lists) for (const url of urls) bytes += globBytesOf(url);
  return bytes;
}

/** The unit a part belongs to: `2015` for `2015-part-2`. */
function baseUnit(unit: string): string {
  return unit.replace(/-part-\d+$/, '');
}

/**
 * Cuts each unit whose pages' glob would pass `globBytes` into parts, in URL order: `2015`,
 * `2015-part-2`…, so no shard's glob is too long for Pagefind.
 */
function splitLongUnits(units: Map<string, string[]>, globBytes: number): void {
  for (const [unit, urls] of [...units]) {
    if (globLength(urls) <= globBytes) continue;
    units.delete(unit);
    let part: string[] = [];
    let bytes = 0;
    let count = 0;
    for (const url of [...urls].sort()) {
      const size = globBytesOf(url);
      if (part.length > 0 && bytes + size > globBytes) {
        count += 1;
        units.set(count === 1 ? unit : `${unit}-part-${count}`, part);
        part = [];
        bytes = 0;
      }
      part.push(url);
      bytes += size;
    }
    count += 1;
    units.set(count === 1 ? unit : `${unit}-part-${count}`, part);
  }
}

function shardKey(units: readonly string[]): string {
  const first = units[0] ?? 'empty';
  const last = units.at(-1) ?? first;
  return first === last ? first : `${first}-${last}`;
}
