import type { VFile } from 'vfile';
import { recordUrl } from '../../link/urls.ts';
import { loadAndReport } from '../../load/load-archive.ts';
import { ContentChangedError } from '../../load/read-content.ts';
import { type Archive, buildArchive, recordsOf } from '../../pipeline/build-archive.ts';
import { formatReport } from '../../report/report.ts';
import { buildArchiveCached } from '../build-archive-cached.ts';
import { defaultCacheDir } from '../cache/cache-dir.ts';
import { readContentThroughCache } from '../cache/known-files.ts';

/** What the live preview builds from the content as it is now. */
export interface PreviewContent {
  /** The content's archive when it is valid, else the last valid one, else an empty one. */
  readonly archive: Archive;
  /** URLs of the last valid archive's record pages whose files are gone (deleted or renamed): left out. */
  readonly gone: ReadonlySet<string>;
  /** The problems, uncoloured, while the content has not been valid once: every URL shows them. */
  readonly problems: string | undefined;
}

/**
 * Loads content for the live preview (`npm start`), through the build's cache in `cacheDir`: a
 * rebuild after a save reads, parses and renders only what the save changed. It never throws on a
 * content error, which would stop the server: content with errors keeps the last good archive, so
 * the site stays up while the editor fixes the file, and without one the preview shows the
 * problems instead.
 */
export function createPreviewLoader(
  contentDir: string,
  cacheDir: string = defaultCacheDir(),
): () => Promise<PreviewContent> {
  let lastGood: Archive | undefined;
  let failing = false;
  return async () => {
    const result = await loadThroughCache(contentDir, cacheDir);
    if (result.ok && result.archive) {
      if (failing) process.stderr.write(`${contentDir}/ is valid again: the site is rebuilt.\n`);
      failing = false;
      lastGood = result.archive;
      return { archive: result.archive, gone: new Set(), problems: undefined };
    }
    failing = true;
    if (lastGood) {
      const gone = goneRecords(lastGood, result.files);
      // A deleted record must not be served as if it still existed, even while others stand in.
      const without = gone.files.length > 0 ? `, without the pages of ${gone.files.join(', ')}` : '';
      process.stderr.write(`Still serving the last good site${without}: fix the problems above and save to rebuild.\n`);
      return { archive: lastGood, gone: gone.urls, problems: undefined };
    }
    process.stderr.write('No site to show yet: every page lists the problems above until they are fixed.\n');
    return { archive: emptyArchive(), gone: new Set(), problems: formatReport(result.files) };
  };
}

/**
 * `loadAndReport` through the cache. A file saved again while it is read is read once more: the
 * save that changed it also asked for the rebuild after this one.
 */
async function loadThroughCache(contentDir: string, cacheDir: string): ReturnType<typeof loadAndReport> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { files } = await readContentThroughCache(contentDir, cacheDir);
      return await loadAndReport(contentDir, {
        sources: files,
        build: (read) => buildArchiveCached(read, { cacheDir }),
      });
    } catch (error) {
      if (!(error instanceof ContentChangedError) || attempt === SAVES_DURING_A_LOAD) throw error;
    }
  }
}

// A file saved this often while one load reads it is being written in a loop: that is an error.
const SAVES_DURING_A_LOAD = 3;

/** The records of `archive` whose files are not among `files` any more, and their pages' URLs. */
function goneRecords(archive: Archive, files: readonly VFile[]): { files: string[]; urls: Set<string> } {
  const present = new Set(files.map((file) => file.path));
  const gone = recordsOf(archive.records).filter((record) => !present.has(record.file.path));
  return {
    files: gone.map((record) => record.file.path),
    urls: new Set(gone.map((record) => recordUrl(archive.records, record))),
  };
}

/** An archive without records: the site around the problems page, which stands in for every URL. */
function emptyArchive(): Archive {
  const { archive } = buildArchive([]);
  if (!archive) throw new TypeError('an archive of no files cannot have errors');
  return archive;
}
