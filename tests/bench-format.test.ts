import { describe, expect, it } from 'vitest';
import { formatBench, RATIO_LEGEND } from '../src/bench/format-bench.ts';
import type { BenchRow } from '../src/bench/run-bench.ts';

const MIB = 2 ** 20;

function row(run: BenchRow['run'], seconds: number, pages: number, articles = 100): BenchRow {
  return { articles, run, seconds, pages, peakRss: 300 * MIB, peakTreeRss: 500 * MIB, stdout: '' };
}

/** The cells of the line of `run` in the table of `articles`, split on the column gaps. */
function cells(report: string, articles: number, run: string): string[] {
  const table = report.split('\n\n').find((block) => block.startsWith(`${articles} articles\n`)) ?? '';
  const line = table.split('\n').find((candidate) => candidate.startsWith(`${run}  `)) ?? '';
  return line.split(/ {2,}/);
}

describe('formatBench', () => {
  // Per page: peer 20 ms, plain Eleventy 5 ms, Hugo + Pagefind 10 ms, the archive's cold build 30 ms.
  const rows = [
    row('cold', 7.5, 250),
    row('eleventy + pagefind', 2, 100),
    row('hugo + pagefind', 1, 100),
    row('eleventy baseline', 0.5, 100),
  ];

  it('should explain both ratios above the tables', () => {
    const report = formatBench(rows);
    expect(report.startsWith(`${RATIO_LEGEND}\n\n100 articles\n`)).toBe(true);
    expect(RATIO_LEGEND).toContain('eleventy + pagefind');
    expect(RATIO_LEGEND).toContain('× baseline per page');
  });

  it('should give each build its time per page over the peer’s and over plain Eleventy’s', () => {
    const report = formatBench(rows);
    expect(cells(report, 100, 'build').slice(-2)).toEqual(['× peer per page', '× eleventy per page']);
    expect(cells(report, 100, 'cold')).toEqual(['cold', '7.50', '250', '33', '30.000', '300', '500', '1.50×', '6.00×']);
    expect(cells(report, 100, 'eleventy + pagefind').slice(-2)).toEqual(['1.00×', '4.00×']);
    expect(cells(report, 100, 'hugo + pagefind').slice(-2)).toEqual(['0.50×', '2.00×']);
    expect(cells(report, 100, 'eleventy baseline').slice(-2)).toEqual(['0.25×', '1.00×']);
  });

  it('should take each size’s ratios against the peer of the same size', () => {
    const report = formatBench([...rows, row('cold', 30, 2500, 1000), row('eleventy + pagefind', 4, 1000, 1000)]);
    // 12 ms a page against 4 ms: the peer of 100 articles (20 ms) would give 0.60×.
    expect(cells(report, 1000, 'cold').slice(-2)).toEqual(['3.00×', 'n/a']);
    expect(cells(report, 100, 'cold').slice(-2)).toEqual(['1.50×', '6.00×']);
  });

  it('should print n/a for a ratio whose reference build is missing', () => {
    const report = formatBench([row('cold', 7.5, 250), row('eleventy baseline', 0.5, 100)]);
    expect(cells(report, 100, 'cold').slice(-2)).toEqual(['n/a', '6.00×']);
  });
});
