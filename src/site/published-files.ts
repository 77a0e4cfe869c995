import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../pipeline/build-archive.ts';
import { mapInWindows } from '../util/map-in-windows.ts';
import { type FeedSite, toAtom, toJsonFeed } from './feeds.ts';
import { openDataFiles } from './open-data.ts';
import type { PublishTarget } from './publish.ts';
import type { SiteView } from './view/site-view.ts';

/** A file of the published site besides its pages: its root-relative path and its text. */
export interface PublishedFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The feeds and open data of the site, one file at a time. They are written next to Eleventy's
 * pages rather than through it: tens of thousands of JSON and feed files would each go through
 * Eleventy's data cascade and stay in its memory until the build ends.
 */
export function* publishedFiles(
  archive: Archive,
  site: SiteView,
  target: PublishTarget,
  about: FeedSite,
): Generator<PublishedFile> {
  for (const feed of site.feeds) yield { path: feed.path, text: toAtom(feed, about) };
  if (site.feed.jsonPath) yield { path: site.feed.jsonPath, text: toJsonFeed(site.feed, about.title, about.language) };
  for (const file of openDataFiles(archive, target)) yield { path: file.path, text: file.json };
}

/** Writes files under `outputDir`; a path that would leave it is a bug, so it throws. */
export async function writePublishedFiles(outputDir: string, files: Iterable<PublishedFile>): Promise<number> {
  const root = path.resolve(outputDir);
  // Tens of thousands of files in a few hundred folders: make each folder once.
  const folders = new Map<string, Promise<unknown>>();
  const folder = (directory: string) => {
    const made = folders.get(directory) ?? mkdir(directory, { recursive: true });
    folders.set(directory, made);
    return made;
  };
  const written = await mapInWindows(files, FILES_IN_FLIGHT, async (file) => {
    const target = path.resolve(root, `.${file.path}`);
    if (!target.startsWith(`${root}${path.sep}`)) throw new TypeError(`${file.path} would be written outside the site`);
    await folder(path.dirname(target));
    await writeFile(target, file.text);
  });
  return written.length;
}

const FILES_IN_FLIGHT = 16;
