import { existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';

/**
 * The folders of a Pagefind bundle whose files are named by a hash of what they hold: a page's
 * fragment, a chunk of the word index. Pagefind writes such a file only when none of that name is
 * there (`WriteBehavior::Immutable` in its output/mod.rs), and skips compressing it too. Filter
 * chunks are named the same way, but their names change from one run to the next.
 */
const NAMED_BY_CONTENT = ['fragment', 'index'] as const;

/**
 * Links the previous bundle's fragments and word index chunks into `bundle`, before Pagefind
 * indexes the same shard again: it then writes only those of the pages and chunks that changed
 * (after one text edit at 10,000 articles, 1 fragment of 1,459 and a few chunks, where compressing
 * and writing them all took most of its time). Pagefind never opens a file it finds, so the
 * previous site's files are not written through their links. Returns the files linked, relative
 * to `bundle`. A link refused (another file system) ends the seeding: Pagefind writes the rest.
 */
export function seedBundle(previous: string, bundle: string): string[] {
  const seeded: string[] = [];
  for (const folder of NAMED_BY_CONTENT) {
    const from = path.join(previous, folder);
    if (!existsSync(from)) continue;
    mkdirSync(path.join(bundle, folder), { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(folder, entry.name);
      try {
        linkSync(path.join(from, entry.name), path.join(bundle, file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        return seeded;
      }
      seeded.push(file);
    }
  }
  return seeded;
}

/**
 * Removes the `seeded` files the bundle Pagefind wrote does not use (the fragments of changed
 * pages, the chunks it made again), so that the bundle holds what an index made from nothing holds.
 */
export async function removeUnusedSeeds(bundle: string, seeded: readonly string[]): Promise<void> {
  if (seeded.length === 0) return;
  const used = await bundleFiles(bundle);
  for (const file of seeded) if (!used.has(file)) rmSync(path.join(bundle, file), { force: true });
}

/**
 * The fragments and word index chunks a bundle's index uses, as paths relative to it: read from
 * each language's metadata file, gzipped CBOR after Pagefind's signature (its index_metadata.rs:
 * the version, then the pages as `[hash, word count]`, then the chunks as `[from, to, hash]`).
 */
export async function bundleFiles(bundle: string): Promise<Set<string>> {
  const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const files = new Set<string>();
  for (const { hash } of Object.values(entry.languages)) {
    const file = path.join(bundle, `pagefind.${hash}.pf_meta`);
    const bytes = gunzipSync(await readFile(file));
    const signature = 'pagefind_dcd';
    if (bytes.subarray(0, signature.length).toString() !== signature) {
      // Pagefind ends with success even when a write failed (see `indexedPages`).
      throw new Error(
        `${file} is not a Pagefind metadata file: the disk is probably full; free some space and build again`,
      );
    }
    const [, pages, chunks] = decode(bytes.subarray(signature.length)) as [
      string,
      [string, number][],
      [string, string, string][],
    ];
    for (const [page] of pages) files.add(path.join('fragment', `${page}.pf_fragment`));
    for (const [, , chunk] of chunks) files.add(path.join('index', `${chunk}.pf_index`));
  }
  return files;
}
