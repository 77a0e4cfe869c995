import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContent } from '../../src/load/read-content.ts';
import { buildArchive } from '../../src/pipeline/build-archive.ts';
import { formatReport } from '../../src/report/report.ts';

/** The folder holding test fixtures. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The case folders inside a fixture group, e.g. `rules`. */
export function fixtureCases(group: string): string[] {
  return readdirSync(path.join(FIXTURES, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Builds a fixture's `content/` folder and returns the result with its plain-text report. */
export async function buildFixture(caseDir: string) {
  const result = buildArchive(await readContent(path.join(caseDir, 'content'), caseDir));
  return { ...result, report: formatReport(result.files) };
}
