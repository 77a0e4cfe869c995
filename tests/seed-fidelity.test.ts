import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import type { Paragraph } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readContent } from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import { parseSource } from '../src/pipeline/parse-source.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
// The original texts live beside the repository. CI always has them; a clone without them skips
// the comparison (loudly) rather than failing for a reason that is not the code's.
const seedsDir = path.resolve(root, process.env['NEWS_ARCHIVE_SEEDS'] ?? '../shared/seeds');
const haveSeeds = existsSync(seedsDir) || process.env['CI'] === 'true';
const seeds = haveSeeds ? readdirSync(seedsDir).filter((name) => name.endsWith('.txt')) : [];

/** Splits a seed into its title (first line) and body (the rest, without the blank lines after the title). */
function readSeed(name: string): { title: string; body: string } {
  const text = readFileSync(path.join(seedsDir, name), 'utf8');
  const [title = '', ...rest] = text.split('\n');
  return { title, body: rest.join('\n').replace(/^\n+/, '') };
}

const sources = await readContent(path.join(root, 'content'), root);
const { archive, files } = buildArchive(sources);
const articles = [...(archive?.records.article.values() ?? [])];
const bodyOf = (file: string) => {
  const source = sources.find((candidate) => candidate.path === file);
  return source && parseSource(source).body;
};

describe.skipIf(!haveSeeds)(`seed articles (originals in ${seedsDir})`, () => {
  it('should build the shipped content without any message', () => {
    expect(files.flatMap((file) => file.messages.map(String))).toEqual([]);
  });

  it.each(seeds)('should keep %s word for word', (name) => {
    const seed = readSeed(name);
    const article = articles.find((candidate) => candidate.data.source.reference === name);
    expect(article, `no article cites ${name} as its source`).toBeDefined();
    if (!article) return;
    expect(article.data.title).toBe(seed.title);
    // The body as stored in the file, byte for byte.
    const stored = matter(String(article.file.value), {}).content;
    expect(stored).toBe(seed.body);
    // And as Markdown reads it: no character of the source may be taken for syntax.
    const body = bodyOf(article.file.path)?.children ?? [];
    const paragraphs = body.map((node) => mdastToString(node as Paragraph));
    expect(paragraphs).toEqual(seed.body.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== ''));
    expect(body.every((node) => node.type === 'paragraph')).toBe(true);
  });

  it('should convert every seed', () => {
    expect(articles.map((article) => article.data.source.reference).sort()).toEqual([...seeds].sort());
  });
});
