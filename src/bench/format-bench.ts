import type { BenchRow } from './run-bench.ts';

const MIB = 1024 * 1024;

/**
 * The benchmark as a table per size, with each build's time per output page as a ratio of the
 * plain Eleventy baseline's: the archive writes many more pages than there are articles. Memory is
 * given twice: the largest single process's peak, and the peak of all the build's processes together.
 */
export function formatBench(rows: readonly BenchRow[]): string {
  const sizes = [...new Set(rows.map((row) => row.articles))];
  const header = [
    'build',
    'wall s',
    'pages',
    'pages/s',
    'ms/page',
    'peak RSS MiB',
    'all processes MiB',
    '× baseline per page',
  ];
  return sizes
    .map((articles) => {
      const group = rows.filter((row) => row.articles === articles);
      const baseline = group.find((row) => row.run === 'eleventy baseline');
      const baselinePerPage = baseline ? baseline.seconds / baseline.pages : undefined;
      const lines = group.map((row) => {
        const perPage = row.seconds / row.pages;
        return [
          row.run,
          row.seconds.toFixed(2),
          String(row.pages),
          (row.pages / row.seconds).toFixed(0),
          (perPage * 1000).toFixed(3),
          mib(row.peakRss),
          mib(row.peakTreeRss),
          baselinePerPage === undefined ? 'n/a' : `${(perPage / baselinePerPage).toFixed(2)}×`,
        ];
      });
      return `${articles} articles\n${table([header, ...lines])}`;
    })
    .join('\n\n');
}

function mib(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : (bytes / MIB).toFixed(0);
}

function table(lines: readonly string[][]): string {
  const widths = (lines[0] ?? []).map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  return lines
    .map((line) =>
      line
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join('  '),
    )
    .join('\n');
}
