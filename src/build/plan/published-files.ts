import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecordRef } from '../../link/graph.ts';
import type { Archive } from '../../pipeline/build-archive.ts';
import { type Feed, type FeedSite, toAtom, toJsonFeed } from '../../site/feeds.ts';
import { openDataFiles, recordDataFiles, recordListFiles } from '../../site/open-data.ts';
import type { PublishTarget } from '../../site/publish.ts';
import { type SiteOutline, toArchiveFeed } from '../../site/view/site-view.ts';
import { mapInWindows } from '../../util/map-in-windows.ts';
import { hashOf } from '../cache/hash.ts';
import type { KeptFiles } from './kept-files.ts';

/**
 * A file of the published site besides its pages: its root-relative path and its text, or what its
 * text is made from and how. A feed's Atom text takes far longer to make (through the `feed`
 * package) than its source takes to fingerprint, so after an edit only the feeds whose source
 * changed are made again: about 3 s less at 10,000 articles.
 */
export type PublishedFile =
  | { readonly path: string; readonly text: string }
  | {
      readonly path: string;
      /** Everything `make` reads, as text: equal sources (and code, see `writePublishedFiles`) make equal texts. */
      readonly source: string;
      readonly make: () => string;
    };

/** A feed's Atom file, made only when its source changed. */
function atomFile(feed: Feed, about: FeedSite): PublishedFile {
  return { path: feed.path, source: JSON.stringify([feed, about]), make: () => toAtom(feed, about) };
}

/**
 * The site's files made from the archive and its outline, one file at a time: the archive's JSON
 * Feed, every record's open data and the label kinds'. They are written next to Eleventy's pages
 * rather than through it: tens of thousands of JSON and feed files would each go through Eleventy's
 * data cascade and stay in its memory until the build ends.
 */
export function* siteFiles(
  archive: Archive,
  site: Pick<SiteOutline, 'feed' | 'data'>,
  target: PublishTarget,
  about: FeedSite,
): Generator<PublishedFile> {
  if (site.feed.jsonPath) yield { path: site.feed.jsonPath, text: toJsonFeed(site.feed, about.title, about.language) };
  for (const file of openDataFiles(archive, target)) yield { path: file.path, text: file.json };
  for (const file of site.data) yield { path: file.path, text: file.json };
}

/**
 * The files of {@link siteFiles} that may differ when only the names and texts of the records
 * `changed` did: the archive's JSON Feed, each kind's list, those records' own open data, and the
 * label kinds'. Every other record's open data shows only its own front matter and text.
 */
export function* nameEditFiles(
  archive: Archive,
  site: Pick<SiteOutline, 'feed' | 'data'>,
  target: PublishTarget,
  about: FeedSite,
  changed: readonly RecordRef[],
): Generator<PublishedFile> {
  if (site.feed.jsonPath) yield { path: site.feed.jsonPath, text: toJsonFeed(site.feed, about.title, about.language) };
  for (const file of recordListFiles(archive, target)) yield { path: file.path, text: file.json };
  for (const file of recordDataFiles(archive, target, changed)) yield { path: file.path, text: file.json };
  for (const file of site.data) yield { path: file.path, text: file.json };
}

/** The Atom files of `feeds`. */
export function* feedFiles(feeds: Iterable<Feed>, about: FeedSite): Generator<PublishedFile> {
  for (const feed of feeds) yield atomFile(feed, about);
}

/**
 * The published files that read records' texts: the archive's full-text feed, and the open data of
 * the records `edited`. When only texts changed, these are all the files that may differ.
 */
export function* textEditFiles(
  archive: Archive,
  target: PublishTarget,
  about: FeedSite,
  edited: readonly RecordRef[],
): Generator<PublishedFile> {
  const feed = toArchiveFeed(archive, target);
  yield atomFile(feed, about);
  if (feed.jsonPath) yield { path: feed.jsonPath, text: toJsonFeed(feed, about.title, about.language) };
  for (const file of recordDataFiles(archive, target, edited)) yield { path: file.path, text: file.json };
}

/** What several writes of {@link writePublishedFiles} did together. */
export function together(results: readonly PublishedFilesResult[]): PublishedFilesResult {
  const fingerprints = new Map<string, string>();
  let [written, reused] = [0, 0];
  for (const result of results) {
    for (const [file, fingerprint] of result.fingerprints) fingerprints.set(file, fingerprint);
    written += result.written;
    reused += result.reused;
  }
  return { fingerprints, written, reused };
}

/** `result` for some of the files, with the previous build's fingerprints for the others, which it kept. */
export function withUnchanged(
  result: PublishedFilesResult,
  previous: ReadonlyMap<string, string>,
): PublishedFilesResult {
  const fingerprints = new Map([...previous, ...result.fingerprints]);
  return { fingerprints, written: result.written, reused: fingerprints.size - result.written };
}

/** Published files of the previous site that may be kept instead of written again. */
export interface ReusableFiles {
  /** The previous site's output folder. */
  readonly from: string;
  /** Path → fingerprint of the text the previous build wrote there. */
  readonly fingerprints: ReadonlyMap<string, string>;
  /** Where the files kept are noted: the build updates the previous site in place. */
  readonly kept: KeptFiles;
}

/** What {@link writePublishedFiles} did. */
export interface PublishedFilesResult {
  /** Path → fingerprint of every file, for the next build. */
  readonly fingerprints: ReadonlyMap<string, string>;
  readonly written: number;
  readonly reused: number;
}

/**
 * Writes files under `outputDir`; a path that would leave it is a bug, so it throws. A file whose
 * text has the fingerprint the previous build recorded, and which the previous site still has, is
 * kept there instead: one edit leaves nearly all of the tens of thousands of feeds and JSON files
 * unchanged, and a file kept is neither written nor flushed again.
 */
export async function writePublishedFiles(
  outputDir: string,
  files: Iterable<PublishedFile>,
  reuse: ReusableFiles | undefined,
  /**
   * What files made from a source depend on besides it: the code, and where the site is published
   * (`BuildPlan.shared`). Required, so no caller fingerprints a feed without the code that makes it;
   * `undefined` only in a build that keeps no fingerprints (not incremental).
   */
  shared: string | undefined,
): Promise<PublishedFilesResult> {
  const root = path.resolve(outputDir);
  const fingerprints = new Map<string, string>();
  let reused = 0;
  // Tens of thousands of files in a few hundred folders: make each folder once.
  const folders = new Map<string, Promise<unknown>>();
  const folder = (directory: string) => {
    const made = folders.get(directory) ?? mkdir(directory, { recursive: true });
    folders.set(directory, made);
    return made;
  };
  await mapInWindows(files, FILES_IN_FLIGHT, async (file) => {
    const target = path.resolve(root, `.${file.path}`);
    if (!target.startsWith(`${root}${path.sep}`)) throw new TypeError(`${file.path} would be written outside the site`);
    const fingerprint =
      'text' in file ? hashOf('published', file.text) : hashOf('published-from', shared ?? '', file.source);
    fingerprints.set(file.path, fingerprint);
    if (reuse?.fingerprints.get(file.path) === fingerprint && (await isFile(path.join(reuse.from, file.path)))) {
      reuse.kept.files([file.path]);
      reused++;
      return;
    }
    await folder(path.dirname(target));
    await writeFile(target, 'text' in file ? file.text : file.make());
  });
  return { fingerprints, written: fingerprints.size - reused, reused };
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (stats) => stats.isFile(),
    () => false,
  );
}

const FILES_IN_FLIGHT = 16;
