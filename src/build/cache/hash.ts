import { createHash, hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** A hex digest of the parts, each length-prefixed so that no two different lists hash alike. */
export function hashOf(...parts: readonly (string | Uint8Array)[]): string {
  return hashAll(parts);
}

/**
 * {@link hashOf} of parts that grow with the archive (one per content file or page): as arguments,
 * hundreds of thousands of them overflow the stack.
 */
export function hashAll(parts: Iterable<string | Uint8Array>): string {
  const list = [...parts];
  // The same bytes hashed in one call when every part is text: a build takes 50,000 keys of a few
  // short parts each, where a hash object per key cost 2.5–4 times as long (57–109 ms against 22–48).
  if (list.every((part) => typeof part === 'string')) {
    return hash('sha256', list.map((part) => `${Buffer.byteLength(part)}:${part}`).join(''));
  }
  const digest = createHash('sha256');
  for (const part of list) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    digest.update(`${bytes.byteLength}:`);
    digest.update(bytes);
  }
  return digest.digest('hex');
}

/** A digest of one text, in base64: a page's or a body's HTML, a name. */
export function textDigest(text: string): string {
  return hash('sha256', text, 'base64');
}

const ROOT = projectRoot(import.meta.dirname);
// What the output depends on besides content: the code, the templates, and the locked dependencies.
const CODE = ['src', 'layouts', '.eleventy.ts', 'package-lock.json'];

let version: Promise<string> | undefined;

/**
 * A hash of the code that turns content into records, HTML and pages. Caches are keyed by it, so
 * any change to a parser, schema, renderer, template or dependency invalidates them: nothing has
 * to remember to bump a version number.
 */
export function codeVersion(): Promise<string> {
  version ??= codeVersionNow();
  return version;
}

/** {@link codeVersion} as the files are now, read again: for a process that outlives edits (the bench). */
export async function codeVersionNow(): Promise<string> {
  const parts: (string | Uint8Array)[] = [];
  for (const file of await codeFiles()) parts.push(path.relative(ROOT, file), await readFile(file));
  return hashAll(parts);
}

/**
 * Every file {@link codeVersion} hashes. An entry that is missing is an error, not an empty list:
 * a version of nothing never changes, and every cache and site would then outlive the code.
 */
export async function codeFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const entry of CODE) {
    const found = await listFiles(path.join(ROOT, entry));
    if (found.length === 0) throw new Error(`${entry} is not in ${ROOT}: the code's version cannot be taken`);
    files.push(...found);
  }
  return files;
}

async function listFiles(entry: string): Promise<string[]> {
  const stats = await stat(entry).catch(() => undefined);
  if (stats === undefined) return [];
  if (!stats.isDirectory()) return [entry];
  return (await readdir(entry, { withFileTypes: true, recursive: true }))
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.join(dirent.parentPath, dirent.name))
    .sort();
}

/**
 * The nearest folder at or above `from` with a `package.json`: the project, whether this module runs
 * from src/build/cache or compiled, from node_modules/.cache (src/cli/compiled-code.mjs).
 */
export function projectRoot(from: string): string {
  for (let folder = from; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'package.json'))) return folder;
    if (path.dirname(folder) === folder) throw new Error(`no package.json in ${from} or above it`);
  }
}
