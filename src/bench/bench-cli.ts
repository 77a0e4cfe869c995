#!/usr/bin/env node
// `npm run bench [-- --sizes 1000,10000 --work /tmp/news-archive-bench --seed 1 --no-hugo]`
// 1,000 and 10,000 articles by default; bigger archives only when asked, e.g. `--sizes 100000`.
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { formatBench, mib } from './format-bench.ts';
import { runBench } from './run-bench.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    work: { type: 'string', default: '/tmp/news-archive-bench' },
    seed: { type: 'string', default: '1' },
    'no-hugo': { type: 'boolean', default: false },
  },
});
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
process.stdout.write(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n` +
    `Load average before: ${load()} (other work on the machine makes every figure noisier)\n\n`,
);
const rows = await runBench({
  sizes: values.sizes.split(',').map(Number),
  work: values.work,
  seed: Number(values.seed),
  ...(values['no-hugo'] ? { hugo: false } : {}),
  // Each row in full as soon as it is measured: a long run that fails later keeps what it measured.
  onRow: (row) =>
    process.stderr.write(
      `  ${row.articles} articles, ${row.run}: ${row.seconds.toFixed(2)} s, ${row.pages} pages, ` +
        `peak ${mib(row.peakRss)} MiB, all processes ${mib(row.peakTreeRss)} MiB\n`,
    ),
});
process.stdout.write(`${formatBench(rows)}\n\nLoad average after: ${load()}\n`);
