import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SwapStage } from '../src/cli/atomic-output.ts';
import { buildSite } from '../src/cli/build-site.ts';
import { readContent } from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import { snapshotSite } from './helpers/tree.ts';

// Kills a real `npm run build` (the CLI in a child process) at different points and checks that the
// output folder is then the previous site or the new one, never a mix; after the next run at the latest.

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'archive-interrupted-'));
const output = path.join(work, '_site');
const newContent = path.join(work, 'content');
const badContent = path.join(root, 'tests/fixtures/rules/unknown-reference/content');
let oldSite: Map<string, string>;
let newSite: Map<string, string>;

async function buildReference(content: string, folder: string): Promise<Map<string, string>> {
  const { archive } = buildArchive(await readContent(content, root));
  if (!archive) throw new Error(`${content} must be valid`);
  await buildSite({ archive, output: folder });
  return snapshotSite(folder);
}

beforeAll(async () => {
  // The new site differs from the old one in one article's title, so the two are told apart.
  cpSync(path.join(root, 'content'), newContent, { recursive: true });
  const article = path.join(newContent, 'articles/second-shanghai-dalian-joint-conference.md');
  writeFileSync(article, readFileSync(article, 'utf8').replace(/^title: (["']?)/m, 'title: $1Revised: '));
  oldSite = await buildReference(path.join(root, 'content'), path.join(work, 'old'));
  newSite = await buildReference(newContent, path.join(work, 'new'));
}, 120_000);

/** Starts the build CLI itself (not through npx, so the kill reaches the build). */
function startBuild(content: string, env: Record<string, string> = {}, shellPrefix = ''): ChildProcess {
  const args = ['--import', 'tsx', 'src/cli/build.ts', `--content=${content}`, `--output=${output}`];
  const options: SpawnOptions = { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] };
  if (shellPrefix === '') return spawn(process.execPath, args, options);
  const command = [process.execPath, ...args].map((word) => `'${word}'`).join(' ');
  return spawn('bash', ['-c', `${shellPrefix} && exec ${command}`], options);
}

function finished(child: ChildProcess): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

function stderrMatches(child: ChildProcess, pattern: RegExp): Promise<void> {
  let seen = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk) => {
      seen += String(chunk);
      if (pattern.test(seen)) resolve();
    });
    child.on('close', () => reject(new Error(`build ended before ${pattern}:\n${seen}`)));
  });
}

/** What the output folder holds now: exactly one of the two sites, nothing, or a mix. */
function outputState(): 'old' | 'new' | 'missing' | 'mixed' {
  if (!existsSync(output)) return 'missing';
  const now = snapshotSite(output);
  const same = (site: Map<string, string>) =>
    now.size === site.size && [...site].every(([file, bytes]) => now.get(file) === bytes);
  if (same(oldSite)) return 'old';
  if (same(newSite)) return 'new';
  return 'mixed';
}

const leftovers = () => readdirSync(work).filter((name) => name.startsWith('._site.'));

function publishOldSite(): void {
  rmSync(output, { recursive: true, force: true });
  for (const name of leftovers()) rmSync(path.join(work, name), { recursive: true, force: true });
  cpSync(path.join(work, 'old'), output, { recursive: true });
}

/** The next build, refused for bad content: it must still repair an interrupted swap first. */
async function runRefusedBuild(): Promise<void> {
  const result = await finished(startBuild(badContent));
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('Build refused');
}

describe('a build killed in the middle', () => {
  const stages: [SwapStage, 'old' | 'missing' | 'new', string][] = [
    ['built', 'old', 'the new site is complete, before the swap'],
    ['swapping', 'missing', 'the old site has been moved aside (the documented window)'],
    ['swapped', 'new', 'the new site is in place, the old one not yet removed'],
  ];
  it.each(stages)(
    'should leave the old or new site when killed at "%s" (%s: %s)',
    async (stage, right) => {
      publishOldSite();
      const child = startBuild(newContent, { NEWS_ARCHIVE_PAUSE_AT: stage });
      const done = finished(child);
      await stderrMatches(child, new RegExp(`paused at ${stage}`));
      child.kill('SIGKILL');
      expect((await done).signal).toBe('SIGKILL');
      expect(outputState()).toBe(right);

      await runRefusedBuild();
      expect(outputState()).toBe(right === 'missing' ? 'old' : right);
      expect(leftovers()).toEqual([]);
    },
    120_000,
  );

  it('should leave the old site when killed while pages are being written', async () => {
    publishOldSite();
    const child = startBuild(newContent);
    const done = finished(child);
    // Wait until the temporary folder holds some pages but the build has not finished.
    let written = 0;
    while (written < 20 && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const building = leftovers().find((name) => name.includes('.building-'));
      written = building ? readdirSync(path.join(work, building), { recursive: true }).length : 0;
    }
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(outputState()).toBe('old');
    expect(leftovers()).not.toEqual([]);

    await runRefusedBuild();
    expect(outputState()).toBe('old');
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it.each([300, 1500, 3000, 4500])(
    'should never leave a mix when killed after %i ms',
    async (delay) => {
      publishOldSite();
      const child = startBuild(newContent);
      const done = finished(child);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await done;
      expect(['old', 'new', 'missing']).toContain(outputState());

      await runRefusedBuild();
      expect(['old', 'new']).toContain(outputState());
      expect(leftovers()).toEqual([]);
    },
    120_000,
  );
});

describe('a build that cannot write', () => {
  it('should keep the old site and remove its half-written one when files cannot grow (EFBIG)', async () => {
    publishOldSite();
    // A real write failure from the operating system: no file may exceed 24 KiB (bash counts in
    // KiB), and some pages do. tsx's cache is off so that only the site's files are written.
    const result = await finished(startBuild(newContent, { TSX_DISABLE_CACHE: '1' }, 'ulimit -f 24'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('EFBIG: file too large');
    expect(result.stderr).toContain('Build failed: ');
    expect(result.stderr).toContain('was left as it was');
    expect(outputState()).toBe('old');
    expect(leftovers()).toEqual([]);
  }, 120_000);
});
