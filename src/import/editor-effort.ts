import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadAndReport } from '../load/load-archive.ts';
import { readContent } from '../load/read-content.ts';
import { buildArchive } from '../pipeline/build-archive.ts';
import { writeRelease } from './write-release.ts';

/** The most lines an editor should have to change after an import, per release. */
export const EFFORT_TARGET = 15;

/** Lines changed between two texts: lines removed plus lines added, by a longest common subsequence. */
export function countChangedLines(before: string, after: string): number {
  const a = before.split('\n');
  const b = after.split('\n');
  // One row of the LCS table at a time: releases are short, and this keeps memory linear.
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const lineA of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = lineA === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    previous = current;
  }
  const common = previous[b.length] ?? 0;
  return a.length - common + (b.length - common);
}

/** The `added` date of the measured imports, so that the reviewed files compare line for line. */
export const EFFORT_TODAY = '2026-12-01';

/** One reviewed case: the lines changed, and whether the reviewed content checks clean under `--strict`. */
export interface CaseEffort {
  readonly name: string;
  readonly changed: number;
  readonly clean: boolean;
  /** The check's report when it is not clean. */
  readonly report: string;
}

/** Changed lines per reviewed case. */
export interface EditorEffort {
  readonly cases: readonly CaseEffort[];
}

/** Lines of a file's text, the final newline not counted as a line of its own. */
const linesOf = (text: string): number => (text === '' ? 0 : text.replace(/\n$/, '').split('\n').length);

/** Paths of every file under `dir`, relative to it and `/`-separated. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const readOrEmpty = async (file: string): Promise<string> => (existsSync(file) ? readFile(file, 'utf8') : '');

/**
 * Measures, for each case with a `reviewed/content/` folder, how many lines an editor changes after
 * an import: the release is imported into a copy of `contentDir`, each file it wrote (or the review
 * added, deleted or changed) is compared with the reviewed one, and the copy with the reviewed files
 * applied is checked as `npm run check -- --strict` does.
 */
export async function measureEditorEffort(casesDir: string, contentDir: string): Promise<EditorEffort> {
  const names = (await readdir(casesDir)).filter((name) => existsSync(path.join(casesDir, name, 'reviewed'))).sort();
  const cases: CaseEffort[] = [];
  for (const name of names) {
    const folder = path.join(casesDir, name);
    const release = ['release.txt', 'release.html'].find((file) => existsSync(path.join(folder, file)));
    if (!release) throw new TypeError(`${folder}: no release.txt or release.html`);
    const temp = await mkdtemp(path.join(tmpdir(), 'news-archive-effort-'));
    try {
      const content = path.join(temp, 'content');
      await cp(contentDir, content, { recursive: true });
      const { archive } = buildArchive(await readContent(content));
      if (!archive) throw new TypeError(`${contentDir}: the content has errors; run npm run check`);
      const { written } = await writeRelease(path.join(folder, release), content, archive, { today: EFFORT_TODAY });
      const reviewedDir = path.join(folder, 'reviewed', 'content');
      const reviewed = await filesUnder(reviewedDir);
      let changed = 0;
      for (const file of new Set([...written, ...reviewed])) {
        const before = await readOrEmpty(path.join(content, file));
        const after = reviewed.includes(file) ? await readFile(path.join(reviewedDir, file), 'utf8') : '';
        changed += before === '' || after === '' ? linesOf(before) + linesOf(after) : countChangedLines(before, after);
        if (after === '') await rm(path.join(content, file), { force: true });
        else await writeFile(path.join(content, file), after);
      }
      const { ok, report } = await loadAndReport(content, { strict: true });
      cases.push({ name, changed, clean: ok, report });
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }
  return { cases };
}

/** The effort as the lines the command prints. */
export function formatEditorEffort(effort: EditorEffort): string {
  if (effort.cases.length === 0) return 'Editor effort: no case has reviewed files.';
  const lines = effort.cases.map(
    ({ name, changed, clean }) =>
      `  ${name}: ${changed} lines${clean ? ', checks clean (--strict)' : ', NOT clean under --strict'}`,
  );
  const most = Math.max(0, ...effort.cases.map(({ changed }) => changed));
  const reports = effort.cases.filter(({ clean }) => !clean).map(({ name, report }) => `\n${name}:\n${report}`);
  return [
    'Editor effort (changed lines after review):',
    ...lines,
    `maximum ${most} (target ≤ ${EFFORT_TARGET})`,
    ...reports,
  ].join('\n');
}
