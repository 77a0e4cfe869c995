import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

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

/** Changed lines per case, or why the effort could not be measured. */
export interface EditorEffort {
  readonly cases: readonly { readonly name: string; readonly changed: number }[];
  readonly note?: string;
}

/**
 * Measures, for each case with a `reviewed/` folder, how many lines an editor changes between what
 * the importer writes and the reviewed files. It needs the importer's writer, which is not on this
 * branch yet: until then it reports that instead of a figure.
 */
export async function measureEditorEffort(casesDir: string, contentDir: string): Promise<EditorEffort> {
  void contentDir;
  const names = (await readdir(casesDir)).filter((name) => existsSync(path.join(casesDir, name, 'reviewed')));
  return {
    cases: [],
    note: `Editor effort not measured: the importer's writer is not available yet (${names.length} cases have reviewed files).`,
  };
}

/** The effort as the lines the command prints. */
export function formatEditorEffort(effort: EditorEffort): string {
  if (effort.note !== undefined) return effort.note;
  const lines = effort.cases.map(({ name, changed }) => `  ${name}: ${changed} lines`);
  const most = Math.max(0, ...effort.cases.map(({ changed }) => changed));
  return ['Editor effort (changed lines after review):', ...lines, `maximum ${most} (target ≤ ${EFFORT_TARGET})`].join(
    '\n',
  );
}
