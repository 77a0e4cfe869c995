import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite } from '../../src/cli/build-site.ts';
import { readContent } from '../../src/load/read-content.ts';
import { type Archive, buildArchive } from '../../src/pipeline/build-archive.ts';
import { formatReport } from '../../src/report/report.ts';

/** The archive of `<root>/content`, which must be valid (its report is the error otherwise). */
export async function archiveOfDir(root: string): Promise<Archive> {
  const { archive, files } = buildArchive(await readContent(path.join(root, 'content'), root));
  if (!archive) throw new Error(formatReport(files));
  return archive;
}

/** Where {@link buildContentDir} writes the site of `root`. */
export function siteDir(root: string): string {
  return path.join(root, '_site');
}

/** A page of the site {@link buildContentDir} built for `root`, by its URL. */
export function sitePage(root: string, url: string): string {
  return readFileSync(path.join(siteDir(root), url, 'index.html'), 'utf8');
}

/**
 * Builds the site of a folder made by `writeContentDir` (content-dir.ts) or `writeCorpus` into
 * {@link siteDir}, and returns its archive; the content must be valid.
 */
export async function buildContentDir(root: string): Promise<Archive> {
  const archive = await archiveOfDir(root);
  await buildSite({ archive, output: siteDir(root) });
  return archive;
}
