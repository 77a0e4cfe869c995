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
  return startNode(args, env, shellPrefix);
}

/** Starts `npm run preview` itself on a free port. */
function startPreview(): ChildProcess {
  return startNode(['--import', 'tsx', 'src/cli/preview.ts', `--output=${output}`, '--port=0']);
}

function startNode(args: string[], env: Record<string, string> = {}, shellPrefix = ''): ChildProcess {
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

function stderrMatches(child: ChildProcess, pattern: RegExp, stream: 'stderr' | 'stdout' = 'stderr'): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    child[stream]?.on('data', (chunk) => {
      seen += String(chunk);
      const match = pattern.exec(seen);
      if (match) resolve(match[1] ?? match[0]);
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
/** Leftovers but the replaced sites that removers started in the background are still deleting. */
const unfinished = () => leftovers().filter((name) => !name.startsWith('._site.removing-'));
/** Every file under a folder of the work folder. */
const filesIn = (name: string) => readdirSync(path.join(work, name), { recursive: true, encoding: 'utf8' }).sort();

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

describe('an update in place killed halfway', () => {
  it('should be finished by the next build, even one refused, and the preview should wait for it', async () => {
    publishOldSite();
    const cache = { NEWS_ARCHIVE_CACHE: path.join(work, 'cache') };
    rmSync(cache.NEWS_ARCHIVE_CACHE, { recursive: true, force: true });
    // Built with a cache, the old site is the one the next build (a title changed) updates in place.
    expect((await finished(startBuild(path.join(root, 'content'), cache))).code).toBe(0);
    expect(outputState()).toBe('old');
    const child = startBuild(newContent, { ...cache, NEWS_ARCHIVE_PAUSE_AT: 'swapping' });
    const done = finished(child);
    await stderrMatches(child, /paused at swapping/);
    // While the build lives, the preview only asks for a moment.
    const meanwhile = await finished(startPreview());
    expect(meanwhile.code).toBe(1);
    expect(meanwhile.stderr).toMatch(/_site\/ is partly updated: a build is moving its new files in/);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(unfinished().some((name) => name.startsWith('._site.updating-'))).toBe(true);
    expect(['old', 'mixed']).toContain(outputState());

    const preview = await finished(startPreview());
    expect(preview.code).toBe(1);
    expect(preview.stderr).toMatch(/_site\/ is partly updated: .*run `npm run build` to finish it/);

    await runRefusedBuild();
    expect(outputState()).toBe('new');
    expect(unfinished()).toEqual([]);
  }, 180_000);
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

describe('two builds and a preview at once', () => {
  it('should let the second build wait for the first, stopped while writing, and the preview delete nothing', async () => {
    publishOldSite();
    const first = startBuild(newContent, { NEWS_ARCHIVE_PAUSE_AT: 'writing' });
    const firstDone = finished(first);
    let second: ChildProcess | undefined;
    try {
      await stderrMatches(first, /paused at writing/);
      // Frozen for real: not even its lock is refreshed now.
      first.kill('SIGSTOP');
      const building = leftovers().find((name) => name.startsWith(`._site.building-${first.pid}-`)) ?? '';
      const pages = filesIn(building);
      expect(pages.length).toBeGreaterThan(20);

      second = startBuild(path.join(root, 'content'));
      const secondDone = finished(second);
      await stderrMatches(second, new RegExp(`Waiting for the build of pid ${first.pid} to finish with `));
      const preview = startPreview();
      try {
        const url = await stderrMatches(preview, /at (http:\S+)/, 'stdout');
        expect((await fetch(url)).status).toBe(200);
      } finally {
        preview.kill();
      }
      expect(outputState()).toBe('old');
      // Pagefind, a process of its own, may have added files since; none was taken away.
      expect(filesIn(building)).toEqual(expect.arrayContaining(pages));

      first.kill('SIGCONT');
      const [one, two] = await Promise.all([firstDone, secondDone]);
      // The first finishes, unless it was stopped so long that its lock went stale and the second
      // took it over: then it must refuse to swap, and say why.
      if (one.code !== 0) expect(one.stderr).toMatch(/another build took over the lock on .*: run the build again/);
      expect(one.code === 0 || one.code === 1).toBe(true);
      expect(two.code).toBe(0);
      expect(outputState()).toBe('old');
      expect(unfinished()).toEqual([]);
    } finally {
      // A failed check must not leave a stopped build behind.
      for (const child of [first, second]) if (child?.exitCode === null) child.kill('SIGKILL');
    }
  }, 180_000);

  it('should have the preview say that a build must put the site back, and leave that to the build', async () => {
    publishOldSite();
    const child = startBuild(newContent, { NEWS_ARCHIVE_PAUSE_AT: 'swapping' });
    const done = finished(child);
    await stderrMatches(child, /paused at swapping/);
    child.kill('SIGKILL');
    await done;
    const previewing = startPreview();
    // A preview that serves has put the site back itself: stop it, the check below fails.
    previewing.stdout?.on('data', () => previewing.kill());
    const preview = await finished(previewing);
    expect(preview.code).toBe(1);
    expect(preview.stderr).toMatch(
      /_site\/ is missing, but \._site\.previous-\d+-\d+ holds the last site .*: run `npm run build` to put it back/,
    );
    expect(outputState()).toBe('missing');

    await runRefusedBuild();
    expect(outputState()).toBe('old');
  }, 120_000);
});
