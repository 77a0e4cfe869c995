// `npm run fuzz [-- RUNS [SEED]]`: runs the content property (tests/fuzz/archive-property.ts) for 10,000
// cases or more. The cases run in a child process so that a case that hangs is caught: when no case
// finishes for a minute, the child is killed and the seed to replay it is printed.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { checkSources, contentSources } from './archive-property.ts';

const STALL_MS = 60_000;
const PROGRESS_EVERY = 250;

interface Job {
  readonly runs: number;
  readonly seed: number;
}

type Report =
  | { readonly type: 'progress'; readonly cases: number }
  | { readonly type: 'done'; readonly cases: number; readonly slowestMs: number; readonly failure?: string };

const isChild = process.argv[2] === '--child';

if (!isChild) {
  const job: Job = { runs: Number(process.argv[2] ?? 10_000), seed: Number(process.argv[3] ?? Date.now() % 2 ** 31) };
  process.stdout.write(`Fuzzing ${job.runs} cases with seed ${job.seed}\n`);
  const worker = fork(fileURLToPath(import.meta.url), ['--child', String(job.runs), String(job.seed)], {
    execArgv: ['--import', 'tsx'],
  });
  let lastProgress = Date.now();
  const watchdog = setInterval(() => {
    if (Date.now() - lastProgress < STALL_MS) return;
    process.stderr.write(
      `No case finished for ${STALL_MS / 1000} s: one hangs. Replay with: npm run fuzz -- ${job.runs} ${job.seed}\n`,
    );
    process.exit(1);
  }, 1_000);
  worker.on('message', (report: Report) => {
    lastProgress = Date.now();
    if (report.type === 'progress') {
      process.stdout.write(`  ${report.cases} cases\n`);
      return;
    }
    clearInterval(watchdog);
    process.stdout.write(`${report.cases} cases run; slowest ${report.slowestMs.toFixed(0)} ms\n`);
    if (report.failure !== undefined) {
      process.stderr.write(`${report.failure}\nReplay with: npm run fuzz -- ${job.runs} ${job.seed}\n`);
      process.exitCode = 1;
    }
  });
  worker.on('exit', (code) => {
    clearInterval(watchdog);
    if (code !== 0) {
      process.stderr.write(`The fuzzing process ended with code ${code}\n`);
      process.exitCode = 1;
    }
  });
} else {
  const [runs, seed] = [Number(process.argv[3]), Number(process.argv[4])];
  const report = (message: Report) => process.send?.(message);
  let cases = 0;
  let slowestMs = 0;
  const property = fc.property(contentSources, (sources) => {
    const started = performance.now();
    try {
      checkSources(sources);
    } finally {
      slowestMs = Math.max(slowestMs, performance.now() - started);
      cases++;
      if (cases % PROGRESS_EVERY === 0) report({ type: 'progress', cases });
    }
  });
  const details = fc.check(property, { numRuns: runs, seed });
  const failure = details.failed
    ? `${String(details.errorInstance)}\n${(fc.defaultReportMessage(details) ?? '').slice(0, 6_000)}`
    : undefined;
  report({ type: 'done', cases: details.numRuns, slowestMs, ...(failure === undefined ? {} : { failure }) });
  process.disconnect?.();
}
