import { readFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { type ChangedContent, type KnownFile, type KnownFiles, readChangedContent } from '../../load/read-content.ts';
import { writeWholeOrNothing } from './disk-cache.ts';
import { hashOf } from './hash.ts';

// Bumped when the layout below changes: a file of another layout is not read.
const FORMAT = 1;

/** The file that keeps what the last read of the content folder `root` (its real path) knew of its files. */
export function knownFilesFile(cacheDir: string, root: string): string {
  return path.join(cacheDir, 'content', `${hashOf(root).slice(0, 32)}.json`);
}

/**
 * What the last build knew of each content file: none when there is no record or it is damaged,
 * so that every file is read. A stamp vouches for a file's bytes only with the digest read with it.
 */
export function readKnownFiles(file: string): Map<string, KnownFile> {
  const known = new Map<string, KnownFile>();
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; files?: unknown };
    if (record.format !== FORMAT || !Array.isArray(record.files)) return known;
    for (const entry of record.files as unknown[]) {
      if (!Array.isArray(entry) || !entry.every((part) => typeof part === 'string') || entry.length !== 3) {
        return new Map();
      }
      const [relative, stamp, digest] = entry as [string, string, string];
      known.set(relative, { stamp, digest });
    }
  } catch {
    return new Map();
  }
  return known;
}

/** Records `known` for the next build; a record that cannot be written only costs the next build a read. */
export function writeKnownFiles(file: string, known: KnownFiles): void {
  const files = [...known].map(([relative, { stamp, digest }]) => [relative, stamp, digest]);
  writeWholeOrNothing(file, JSON.stringify({ format: FORMAT, files }));
}

/**
 * The content in `contentDir`, reading only the files changed since the last build read them: the
 * others' stamps on disk vouch for the bytes it read, whose parses and bodies are in the cache.
 * What this read learnt is recorded for the next one.
 */
export async function readContentThroughCache(
  contentDir: string,
  cacheDir: string,
  cwd = process.cwd(),
  now = Date.now(),
): Promise<ChangedContent> {
  const record = knownFilesFile(cacheDir, await realpath(contentDir));
  const before = readKnownFiles(record);
  const content = await readChangedContent(contentDir, before, cwd, now);
  if (content.read > 0 || content.known.size !== before.size) writeKnownFiles(record, content.known);
  return content;
}
