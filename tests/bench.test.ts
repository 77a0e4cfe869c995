import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBench } from '../src/bench/format-bench.ts';
import { EDIT_MARK, editFrontMatter, runBench, SUMMARY_MARK, TITLE_MARK } from '../src/bench/run-bench.ts';

// A tiny run, so the benchmark cannot rot; its timings are printed by `npm run bench`, never asserted.
describe('npm run bench, on a tiny archive', () => {
  it('should build cold, skip an unchanged build, rebuild after a text edit and three front-matter edits, and build the peer and the baseline', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-bench-'));
    const rows = await runBench({ sizes: [30], work, hugo: false });
    expect(rows.map((row) => row.run)).toEqual([
      'cold',
      'no-change',
      'one edit',
      'one front-matter edit',
      'one summary edit',
      'one date edit',
      'eleventy + pagefind',
      'eleventy baseline',
    ]);
    const [cold, unchanged, edited, retitled, summarised, redated, peer, baseline] = rows;
    expect(cold?.stdout).toContain('Built');
    expect(unchanged?.stdout).toContain('is up to date');
    expect(edited?.stdout).toContain('Only the text of 1 record changed');
    expect(edited?.stdout).toMatch(/Kept what did not change: \d+ record pages \(1 rendered\)/);
    // The edited article's shard was read by Pagefind while the archive loaded (search-ahead.ts).
    expect(edited?.stdout).toMatch(/search index shards \(1 indexed, 1 from pages read ahead\)/);
    // A new title shows wherever the article is listed: more than its own page is made again.
    expect(retitled?.stdout).not.toContain('Only the text');
    expect(retitled?.stdout).toMatch(/Kept what did not change: \d+ record pages \(([2-9]|\d\d+) rendered\)/);
    // A summary shows beside the title; a date orders the lists that show the article.
    expect(summarised?.stdout).toContain('Only names, summaries or dates (and texts) changed, of 1 record');
    expect(redated?.stdout).toContain('Only names, summaries or dates (and texts) changed, of 1 record');
    expect(peer?.pages).toBe(30);
    expect(peer?.stdout).toContain('Running Pagefind');
    expect(baseline?.pages).toBe(30);
    // Every archive run leaves the same set of pages, and each edit is in the rebuilt site.
    expect(new Set(rows.slice(0, 6).map((row) => row.pages)).size).toBe(1);
    expect(cold?.pages).toBeGreaterThan(30);
    const site = path.join(work, '30', 'site', 'articles');
    const pages = readdirSync(site, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => readFileSync(path.join(site, entry.name, 'index.html'), 'utf8'));
    expect(pages.filter((page) => page.includes(EDIT_MARK))).toHaveLength(1);
    // The retitled article's own page, and the pages that link it by its title.
    expect(pages.filter((page) => page.includes(TITLE_MARK)).length).toBeGreaterThan(1);
    expect(pages.filter((page) => page.includes(SUMMARY_MARK)).length).toBeGreaterThan(0);

    const report = formatBench(rows);
    expect(report).toMatch(
      /\n30 articles\nbuild +wall s +pages +pages\/s +ms\/page +peak RSS MiB +all processes MiB +× peer per page +× eleventy per page\n/,
    );
    expect(report).toMatch(
      /\neleventy \+ pagefind +[\d.]+ +30 +\d+ +[\d.]+ +(\d+|n\/a) +(\d+|n\/a) +1\.00× +[\d.]+×\n/,
    );
    expect(report).toMatch(/\neleventy baseline +[\d.]+ +30 +\d+ +[\d.]+ +(\d+|n\/a) +(\d+|n\/a) +[\d.]+× +1\.00×/);
  }, 120_000);
});

describe("the bench's front-matter edits", () => {
  it('should edit the next article that has the field when the one at the fraction lacks it', async () => {
    const content = mkdtempSync(path.join(tmpdir(), 'archive-bench-edit-'));
    const folder = path.join(content, 'articles');
    mkdirSync(folder);
    const dates = { 'a.md': '2019-06-09', 'b.md': 'not stated', 'c.md': '2020-10-16' };
    for (const [name, date] of Object.entries(dates))
      writeFileSync(path.join(folder, name), `---\npublished: ${date}\n---\n`);
    const dated = /^published: (\d{4}-\d\d-\d\d)$/m;
    await editFrontMatter(content, 1 / 3, dated, (_, date: string) => `published: ${date.slice(0, 7)}`);
    const published = (name: string) => readFileSync(path.join(folder, name), 'utf8');
    expect([published('a.md'), published('b.md'), published('c.md')]).toEqual([
      '---\npublished: 2019-06-09\n---\n',
      '---\npublished: not stated\n---\n',
      '---\npublished: 2020-10\n---\n',
    ]);
    await expect(editFrontMatter(content, 0, /^title: /m, () => 'title: ')).rejects.toThrow(
      /no article in .* has a line \/\^title: \/m to edit/,
    );
  });
});
