import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CorpusOptions, generateCorpus } from './generate-corpus.ts';

/** Generates a corpus and writes it as a content folder; refuses a folder that is not empty. */
export async function writeCorpus(directory: string, options: CorpusOptions): Promise<number> {
  if (existsSync(directory) && (await readdir(directory)).length > 0) {
    throw new Error(`${directory} is not empty: give a new folder, so nothing is overwritten`);
  }
  const files = generateCorpus(options);
  const folders = new Set(files.map((file) => path.dirname(file.path)));
  for (const folder of folders) await mkdir(path.join(directory, folder), { recursive: true });
  // Written in batches: enough in flight to keep the disk busy, few enough to stay under file-handle limits.
  for (let start = 0; start < files.length; start += 256) {
    await Promise.all(
      files.slice(start, start + 256).map((file) => writeFile(path.join(directory, file.path), file.text)),
    );
  }
  return files.length;
}
