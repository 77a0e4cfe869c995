import type { Archive } from '../pipeline/build-archive.ts';
import { type Analysis, analyse } from './analyse.ts';
import type { ImportDate, ImportReport } from './report.ts';

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
 * Analyses one press release against the archive (the `archive` that `buildArchive` or
 * `loadAndReport` returns for the content folder): its title, slug, publication date, the dates
 * it states and every name it mentions, matched to records. Pure: no files are read or written.
 */
export function analyseRelease(input: ImportInput, archive: Archive): ImportReport {
  return toReport(input.file, analyse(input, archive));
}

/** The JSON report of an analysis (the shape `--dry-run --json` prints). */
export function toReport(file: string, analysis: Analysis): ImportReport {
  const { release, published } = analysis;
  return {
    file,
    title: release.title,
    slug: analysis.slug,
    published: published === undefined || published.precision === 'unknown' ? null : published.value,
    dates: analysis.dates.map((date): ImportDate => {
      const { line, column } = analysis.position(date.start, date.text.length);
      const value = 'value' in date.claim ? date.claim.value : 'not stated';
      const until = date.until && 'value' in date.until ? `/${date.until.value}` : '';
      return {
        text: date.text,
        line,
        column,
        value: value + until,
        precision: date.claim.precision,
        basis: date.claim.basis,
      };
    }),
    mentions: analysis.mentions.map((mention) => {
      const { line, column } = analysis.position(mention.start, mention.text.length);
      return {
        text: mention.text,
        kind: mention.kind,
        line,
        column,
        record: mention.record,
        match: mention.match,
        role: mention.role ?? null,
      };
    }),
  };
}
