import { loadAndReport } from '../load/load-archive.ts';
import { type Archive, buildArchive } from '../pipeline/build-archive.ts';
import { formatReport } from '../report/report.ts';

/** What the live preview builds from the content as it is now. */
export interface PreviewContent {
  /** The content's archive when it is valid, else the last valid one, else an empty one. */
  readonly archive: Archive;
  /** The problems, uncoloured, while the content has not been valid once: every URL shows them. */
  readonly problems: string | undefined;
}

/**
 * Loads content for the live preview (`npm start`). It never throws on a content error, which
 * would stop the server: content with errors keeps the last good archive, so the site stays up
 * while the editor fixes the file, and without one the preview shows the problems instead.
 */
export function createPreviewLoader(contentDir: string): () => Promise<PreviewContent> {
  let lastGood: Archive | undefined;
  let failing = false;
  return async () => {
    const result = await loadAndReport(contentDir);
    if (result.ok && result.archive) {
      if (failing) process.stderr.write(`${contentDir}/ is valid again: the site is rebuilt.\n`);
      failing = false;
      lastGood = result.archive;
      return { archive: result.archive, problems: undefined };
    }
    failing = true;
    if (lastGood) {
      process.stderr.write('Still serving the last good site: fix the problems above and save to rebuild.\n');
      return { archive: lastGood, problems: undefined };
    }
    process.stderr.write('No site to show yet: every page lists the problems above until they are fixed.\n');
    return { archive: emptyArchive(), problems: formatReport(result.files) };
  };
}

/** An archive without records: the site around the problems page, which stands in for every URL. */
function emptyArchive(): Archive {
  const { archive } = buildArchive([]);
  if (!archive) throw new TypeError('an archive of no files cannot have errors');
  return archive;
}
