// `npx tsx src/bench/markdown-cost.ts [FILTER] [--checked] [--budget=SECONDS]`: times the Markdown
// parser on each shape of src/bench/markdown-shapes.ts at sizes n, 2n and 4n, and prints how the
// time grows. A shape whose time quadruples when its size doubles is quadratic. With `--checked`,
// the body goes through `parseBody` as content does, so a shape the pre-scan refuses costs only
// the scan. The figures and limits in docs/security.md come from this script.
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parseBody } from '../parse/markdown.ts';
import { MARKDOWN_SHAPES } from './markdown-shapes.ts';

const args = process.argv.slice(2);
const filter = args.find((arg) => !arg.startsWith('--')) ?? '';
const checked = args.includes('--checked');
const budget = Number(args.find((arg) => arg.startsWith('--budget='))?.slice('--budget='.length) ?? 5);

const parser = unified().use(remarkParse);

// CPU seconds rather than wall time: the figures are taken on machines that run other work too.
const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** CPU seconds one parse of `text` takes, with or without the checks content gets. */
function timeParse(text: string): { seconds: number; refused: string } {
  const started = cpuSeconds();
  let refused = '';
  if (checked) {
    const file = new VFile({ path: 'bench.md', value: text });
    parseBody(file, 0);
    refused = [...new Set(file.messages.map((message) => message.ruleId))].join(',');
  } else {
    parser.parse(text);
  }
  return { seconds: cpuSeconds() - started, refused };
}

const rows: string[][] = [['shape', 'n', 'bytes', 's(n)', 's(2n)', 's(4n)', 'growth', 'refused by']];
for (const shape of MARKDOWN_SHAPES) {
  if (!shape.name.includes(filter)) continue;
  const times: string[] = [];
  let refused = '';
  let last = Number.NaN;
  let previous = Number.NaN;
  for (const size of [shape.n, shape.n * 2, shape.n * 4]) {
    // A shape that already took the budget would take four times as long at twice the size.
    if (last > budget) {
      times.push('skipped');
      continue;
    }
    const result = timeParse(shape.make(size));
    previous = last;
    last = result.seconds;
    refused = result.refused;
    times.push(last.toFixed(3));
  }
  // The exponent k of the growth n^k between the last two sizes measured.
  const growth = Number.isFinite(previous) && previous > 0.002 ? Math.log2(last / previous).toFixed(1) : '-';
  const bytes = Buffer.byteLength(shape.make(shape.n));
  rows.push([shape.name, String(shape.n), String(bytes), ...times, growth, refused]);
  process.stdout.write(`${rows.at(-1)?.join(' | ')}\n`);
}
process.stdout.write(`\n| ${rows[0]?.join(' | ')} |\n`);
process.stdout.write(`|${rows[0]?.map(() => ' --- |').join('')}\n`);
for (const row of rows.slice(1)) process.stdout.write(`| ${row.join(' | ')} |\n`);
