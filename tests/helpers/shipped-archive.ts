import path from 'node:path';
import { readContent } from '../../src/load/read-content.ts';
import { type Archive, buildArchive } from '../../src/pipeline/build-archive.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The archive of the shipped `content/`, which must be valid. */
export async function shippedArchive(): Promise<Archive> {
  const result = buildArchive(await readContent(path.join(root, 'content'), root));
  if (!result.archive) throw new Error('shipped content must be valid');
  return result.archive;
}
