import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../src/bench/generate-corpus.ts';
import { writeCorpus } from '../src/bench/write-corpus.ts';
import { readContent } from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

describe('the benchmark corpus generator', () => {
  it('should give the same corpus for the same seed, and another for another seed', () => {
    const first = generateCorpus({ articles: 30, seed: 5 });
    expect(generateCorpus({ articles: 30, seed: 5 })).toEqual(first);
    expect(generateCorpus({ articles: 30, seed: 6 })).not.toEqual(first);
  });

  it('should write an archive that npm run check passes', async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-')), 'content');
    const files = await writeCorpus(content, { articles: 40, seed: 2 });
    const { stdout } = await run('npx', ['tsx', 'src/cli/check.ts', '--strict', content], { cwd: root });
    expect(stdout).toContain(`${files} files checked, no errors`);
  }, 60_000);

  it('should name registered records in ~600-word bodies, with dates over the years and some undated', async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-')), 'content');
    await writeCorpus(content, { articles: 60, seed: 3 });
    const { archive, files } = buildArchive(await readContent(content));
    expect(files.flatMap((file) => file.messages.map(String))).toEqual([]);
    if (!archive) throw new Error('the corpus must be valid');
    const articles = [...archive.records.article.values()];
    expect(articles).toHaveLength(60);
    expect(archive.records.event.size).toBeGreaterThanOrEqual(60);
    for (const article of articles) {
      const body = archive.bodies.get(`article:${article.slug}`);
      const words = (body?.html.replace(/<[^>]+>/g, ' ').match(/\S+/g) ?? []).length;
      expect(words, article.slug).toBeGreaterThan(500);
      expect(words, article.slug).toBeLessThan(800);
      const kinds = new Set(body?.mentions.map((mention) => mention.target.kind));
      expect([...kinds].sort(), article.slug).toEqual(expect.arrayContaining(['event', 'official', 'place']));
    }
    const years = new Set(
      articles.map((article) =>
        article.data.published.precision === 'unknown' ? 'undated' : article.data.published.value.slice(0, 4),
      ),
    );
    expect(years.has('undated')).toBe(true);
    expect(years.size).toBeGreaterThan(8);
  });
});
