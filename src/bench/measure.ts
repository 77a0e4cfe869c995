import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { sampleTreeRss } from './tree-rss.ts';

/** What one measured child process took. */
export interface Measurement {
  readonly seconds: number;
  /** Peak resident set size in bytes, or `undefined` when `/usr/bin/time` is not installed. */
  readonly peakRss: number | undefined;
  /** Peak of the summed RSS of the process and its children (see tree-rss.ts); `undefined` without /proc. */
  readonly peakTreeRss: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const RSS_MARK = 'BENCH_PEAK_RSS_KIB=';

/**
 * Runs a command in its own process and measures its wall time and peak RSS. Each build runs in a
 * fresh process, so the memory figure is that build's own, not the benchmark's. A non-zero exit
 * is thrown with the command's output, so a broken build never shows up as a fast one.
 */
export async function measure(
  command: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<Measurement> {
  const timed = existsSync(GNU_TIME);
  const [file, argv] = timed ? [GNU_TIME, ['-f', `${RSS_MARK}%M`, command, ...args]] : [command, [...args]];
  const started = performance.now();
  const { code, stdout, stderr, peakTreeRss } = await run(file, argv, options);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr || stdout}`);
  const mark = stderr.lastIndexOf(RSS_MARK);
  const kib = mark === -1 ? Number.NaN : Number.parseInt(stderr.slice(mark + RSS_MARK.length), 10);
  const peakRss = Number.isFinite(kib) ? kib * 1024 : undefined;
  return {
    seconds,
    peakRss,
    // All processes together hold at least what the largest one held: a build shorter than the
    // sampling interval is not sampled at its peak.
    peakTreeRss: peakTreeRss === undefined ? undefined : Math.max(peakTreeRss, peakRss ?? 0),
    stdout,
    stderr: mark === -1 ? stderr : stderr.slice(0, mark),
  };
}

function run(file: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; peakTreeRss: number | undefined }>(
    (resolve, reject) => {
      const child = spawn(file, args, { cwd: options.cwd, env: options.env ?? process.env });
      const stopSampling = child.pid === undefined ? () => undefined : sampleTreeRss(child.pid);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
      });
      child.on('error', (error) => {
        stopSampling();
        reject(error);
      });
      child.on('close', (code) => resolve({ code, stdout, stderr, peakTreeRss: stopSampling() }));
    },
  );
}
