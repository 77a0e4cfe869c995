import type { BenchRow } from './run-bench.ts';

const MIB = 1024 * 1024;

/** The row every ratio is taken against: what a team would otherwise build a searchable archive with. */
export const PEER: BenchRow['run'] = 'eleventy + pagefind';

/** The row that ratios were taken against before the peer was measured. */
const PLAIN_ELEVENTY: BenchRow['run'] = 'eleventy baseline';

/** What the ratio columns mean, printed above the tables. */
export const RATIO_LEGEND =
  `× peer per page: the build's time per output page over ${PEER}'s, in the same run.\n` +
  `× eleventy per page: over plain Eleventy's (${PLAIN_ELEVENTY}), the ratio older runs print as "× baseline per page".`;

/**
 * The benchmark as a table per size, with each build's time per output page as a ratio of the
 * peer's, and of plain Eleventy's for comparison with older runs: the archive writes many more
 * pages than there are articles. Memory is given twice: the largest single process's peak, and
 * the peak of all the build's processes together.
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
    '× peer per page',
    '× eleventy per page',
  ];
  const tables = sizes.map((articles) => {
    const group = rows.filter((row) => row.articles === articles);
    const peer = perPageOf(group, PEER);
    const eleventy = perPageOf(group, PLAIN_ELEVENTY);
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
        ratio(perPage, peer),
        ratio(perPage, eleventy),
      ];
    });
    return `${articles} articles\n${table([header, ...lines])}`;
  });
  return [RATIO_LEGEND, ...tables].join('\n\n');
}

/** Seconds per page of the group's `run`, if it was built. */
function perPageOf(group: readonly BenchRow[], run: BenchRow['run']): number | undefined {
  const row = group.find((candidate) => candidate.run === run);
  return row ? row.seconds / row.pages : undefined;
}

function ratio(perPage: number, reference: number | undefined): string {
  return reference === undefined ? 'n/a' : `${(perPage / reference).toFixed(2)}×`;
}

/** Bytes in MiB, or `n/a` when not measured. */
export function mib(bytes: number | undefined): string {
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
