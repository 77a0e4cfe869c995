#!/usr/bin/env node
// `npm run eval:search [-- --out DIR]`: builds the shipped site and the 1,000-article benchmark
// corpus (each only if it changed), runs tests/fixtures/search-queries.json on them in Chromium,
// and prints each query's first three results and the precision at 3. Exits 1 if a query fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../bench/write-corpus.ts';
import { launchChromium } from './chromium.ts';
import { EVAL_CORPUS, evaluateQueries } from './evaluate.ts';
import { formatJudgements } from './judge.ts';
import { readQueries } from './queries.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: '.cache/search-eval' } } });
const out = path.resolve(values.out);
const root = path.resolve(import.meta.dirname, '../..');

const corpus = path.join(out, `corpus-${EVAL_CORPUS.articles}-seed-${EVAL_CORPUS.seed}`);
if (!existsSync(corpus)) await writeCorpus(corpus, EVAL_CORPUS);
const sites = { shipped: path.join(out, 'shipped'), 'corpus-1000': path.join(out, 'corpus-1000') };
build(path.join(root, 'content'), sites.shipped);
build(corpus, sites['corpus-1000']);

const browser = await launchChromium();
try {
  const judgements = await evaluateQueries(browser, sites, readQueries());
  process.stdout.write(`${formatJudgements(judgements)}\n`);
  process.exitCode = judgements.every((judgement) => judgement.passed) ? 0 : 1;
} finally {
  await browser.close();
}

/** Builds with `npm run build`, which skips a site whose content and code did not change. */
function build(content: string, output: string): void {
  process.stdout.write(`Building ${path.relative(root, output) || output} from ${content}\n`);
  const cli = path.join(root, 'src/cli/build.ts');
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const run = spawnSync(tsx, ['--expose-gc', cli, `--content=${content}`, `--output=${output}`], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`the build of ${output} failed (exit code ${run.status})`);
}
