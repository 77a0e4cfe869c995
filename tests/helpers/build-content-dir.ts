import path from 'node:path';
import { buildSite } from '../../src/cli/build-site.ts';
import { readContent } from '../../src/load/read-content.ts';
import { buildArchive } from '../../src/pipeline/build-archive.ts';
import { formatReport } from '../../src/report/report.ts';

/**
 * Builds the site of a folder made by `writeContentDir` (content-dir.ts) into `<root>/_site` and returns that
 * folder; the content must be valid (its report is the error otherwise).
 */
export async function buildContentDir(root: string): Promise<string> {
  const { archive, files } = buildArchive(await readContent(path.join(root, 'content'), root));
  if (!archive) throw new Error(formatReport(files));
  const output = path.join(root, '_site');
  await buildSite({ archive, output });
  return output;
}
