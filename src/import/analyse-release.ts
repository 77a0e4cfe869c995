import type { Archive } from '../pipeline/build-archive.ts';
import type { ImportReport } from './report.ts';

/** One input to analyse: the raw file contents (seed text or a saved HTML page) and what the options add. */
export interface ImportInput {
  /** The input path, as given on the command line; reported back as `file`. */
  readonly file: string;
  /** The raw contents of the file. */
  readonly text: string;
  /** `--published YYYY-MM-DD`: the publication date when the page does not give one. */
  readonly publishedGiven?: string;
  /** `--source-url`: the page's address when the page does not give one. */
  readonly sourceUrl?: string;
}

/**
 * Analyses one press release against the archive (as `buildArchive` returns it): its title, slug,
 * publication date, the dates it states and every name it mentions, matched to records. Pure.
 */
export function analyseRelease(input: ImportInput, archive: Archive): ImportReport {
  void archive;
  return { file: input.file, title: '', slug: '', published: null, dates: [], mentions: [] };
}
