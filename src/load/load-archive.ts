import path from 'node:path';
import { type ArchiveResult, buildArchive } from '../pipeline/build-archive.ts';
import { countMessages, formatReport } from '../report/report.ts';
import { readContent } from './read-content.ts';

/** Where content lives unless `NEWS_ARCHIVE_CONTENT` says otherwise. */
export const DEFAULT_CONTENT_DIR = 'content';

/** Reads and validates the content folder, printing every problem to stderr. */
export async function loadAndReport(
  contentDir: string,
  options: { strict?: boolean } = {},
): Promise<ArchiveResult & { ok: boolean }> {
  const result = buildArchive(await readContent(path.resolve(contentDir)));
  const report = formatReport(result.files, { color: process.stderr.isTTY });
  if (report !== '') process.stderr.write(`${report}\n`);
  const { errors, warnings } = countMessages(result.files);
  const ok = errors === 0 && (options.strict !== true || warnings === 0);
  return { ...result, ok };
}
