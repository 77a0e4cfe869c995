import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBench } from '../src/bench/format-bench.ts';
import { EDIT_MARK, runBench } from '../src/bench/run-bench.ts';

// A tiny run, so the benchmark cannot rot; its timings are printed by `npm run bench`, never asserted.
describe('npm run bench, on a tiny archive', () => {
  it('should build cold, skip an unchanged build, rebuild an edit, and build the baseline', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-bench-'));
    const rows = await runBench({ sizes: [30], work, hugo: false });
    expect(rows.map((row) => row.run)).toEqual(['cold', 'no-change', 'one edit', 'eleventy baseline']);
    const [cold, unchanged, edited, baseline] = rows;
    expect(cold?.stdout).toContain('Built');
    expect(unchanged?.stdout).toContain('is up to date');
    expect(edited?.stdout).toMatch(/Kept what did not change: \d+ record pages \(1 rendered\)/);
    expect(baseline?.pages).toBe(30);
    // Every archive run leaves the same set of pages, and the edit is in the rebuilt site.
    expect(new Set(rows.slice(0, 3).map((row) => row.pages)).size).toBe(1);
    expect(cold?.pages).toBeGreaterThan(30);
    const site = path.join(work, '30', 'site', 'articles');
    const pages = readdirSync(site, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(site, entry.name, 'index.html'));
    expect(pages.filter((page) => readFileSync(page, 'utf8').includes(EDIT_MARK))).toHaveLength(1);

    const report = formatBench(rows);
    expect(report).toMatch(
      /^30 articles\nbuild +wall s +pages +pages\/s +ms\/page +peak RSS MiB +all processes MiB +× baseline per page\n/,
    );
    expect(report).toMatch(/\neleventy baseline +[\d.]+ +30 +\d+ +[\d.]+ +(\d+|n\/a) +(\d+|n\/a) +1\.00×/);
  }, 120_000);
});
