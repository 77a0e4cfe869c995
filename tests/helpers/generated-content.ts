import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeCorpus } from '../../src/bench/write-corpus.ts';

/** A small archive generated from `seed` (six articles and the records they name), in a folder of its own. */
export async function generatedContent(name: string, seed: number): Promise<string> {
  const content = path.join(mkdtempSync(path.join(tmpdir(), `${name}-`)), 'content');
  await writeCorpus(content, { articles: 6, seed });
  return content;
}

/** How many files a content folder holds. */
export function filesIn(content: string): number {
  return readdirSync(content, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}
