#!/usr/bin/env node
// `npm run bench:corpus -- --articles 10000 --out /tmp/corpus [--seed 1]`: writes a synthetic archive.
import { parseArgs } from 'node:util';
import { writeCorpus } from './write-corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
if (values.out === undefined) {
  process.stderr.write('Usage: npm run bench:corpus -- --articles 10000 --out DIR [--seed 1]\n');
  process.exit(2);
}
const files = await writeCorpus(values.out, { articles: Number(values.articles), seed: Number(values.seed) });
process.stdout.write(`Wrote ${files} files to ${values.out}/\n`);
