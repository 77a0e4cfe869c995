import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readContent } from '../load/read-content.ts';
import type { Archive } from '../pipeline/build-archive.ts';
import { type Analysis, analyse } from './analyse.ts';
import { draftRelease } from './draft-release.ts';

/** What writing one release did: its analysis, the files written and those left alone because they exist. */
export interface WrittenRelease {
  readonly analysis: Analysis;
  /** Paths relative to the content folder, `/`-separated. */
  readonly written: readonly string[];
  readonly existing: readonly string[];
}

/**
 * Analyses one release file against `archive` and writes its drafts into `contentDir`, never over an
 * existing file. With `dryRun`, analyses only.
 */
export async function writeRelease(
  file: string,
  contentDir: string,
  archive: Archive,
  options: {
    readonly today: string;
    readonly published?: string;
    readonly sourceUrl?: string;
    readonly dryRun?: boolean;
  },
): Promise<WrittenRelease & { readonly text: string }> {
  const text = await readFile(file, 'utf8');
  const analysis = analyse(
    {
      text,
      ...(options.published === undefined ? {} : { publishedGiven: options.published }),
      ...(options.sourceUrl === undefined ? {} : { sourceUrl: options.sourceUrl }),
    },
    archive,
  );
  if (options.dryRun) return { text, analysis, written: [], existing: [] };
  // Slugs by folder, whatever the extension: `zhou-bo.yaml` takes `officials/zhou-bo.md` too.
  const taken = new Set(
    (await readContent(contentDir)).map((source) =>
      path
        .relative(contentDir, path.resolve(source.path))
        .split(path.sep)
        .join('/')
        .replace(/\.(?:md|ya?ml)$/, '.md'),
    ),
  );
  const draft = draftRelease(analysis, archive, { today: options.today, reference: path.basename(file), taken });
  const written: string[] = [];
  const existing: string[] = [];
  for (const out of draft.files) {
    try {
      // `wx`: never overwrite; a file that appeared since is left alone and reported.
      await writeFile(path.join(contentDir, out.path), out.text, { flag: 'wx' });
      written.push(out.path);
    } catch {
      existing.push(out.path);
    }
  }
  return { text, analysis, written, existing };
}
