import path from 'node:path';
import { type ArchiveResult, buildArchive } from '../pipeline/build-archive.ts';
import { countMessages, formatReport } from '../report/report.ts';
import { passes } from '../report/verdict.ts';
import { type ContentFile, readContent, withBytes } from './read-content.ts';

export { DEFAULT_CONTENT_DIR } from './content-dir.ts';

/** Options of {@link loadAndReport}. */
export interface LoadOptions {
  /** Warnings fail too. Default `false`. */
  readonly strict?: boolean;
  /**
   * Builds the archive from the sources, e.g. through the disk cache and worker threads
   * (`build/build-archive-cached.ts`). Default: {@link buildArchive}, no cache, one thread.
   */
  readonly build?: (sources: readonly ContentFile[]) => Promise<ArchiveResult>;
  /** The content, when the caller has read it already. */
  readonly sources?: readonly ContentFile[];
}

/** Reads and validates the content folder, printing every problem to stderr. */
export async function loadAndReport(
  contentDir: string,
  options: LoadOptions = {},
): Promise<ArchiveResult & { ok: boolean; report: string }> {
  const sources = options.sources ?? (await readContent(path.resolve(contentDir)));
  const result = options.build ? await options.build(sources) : buildArchive(sources.map(withBytes));
  const report = formatReport(result.files, { color: process.stderr.isTTY });
  if (report !== '') process.stderr.write(`${report}\n`);
  const ok = passes(countMessages(result.files), options.strict === true);
  return { ...result, ok, report };
}
