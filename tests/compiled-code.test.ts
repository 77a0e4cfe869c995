import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { npmScript } from '../src/bench/commands.ts';
import { writeCorpus } from '../src/bench/write-corpus.ts';
import { COMPILED_FOLDER, compiledCode, ENTRIES, sourceStamp } from '../src/cli/compiled-code.mjs';
import { filesIn } from './helpers/generated-content.ts';
import { snapshotSite } from './helpers/tree.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

describe('npm run build', () => {
  it('should run the compiled code, its worker threads and the process that parses apart too, and build the site the sources build', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'compiled-code-'));
    const content = path.join(work, 'content');
    await writeCorpus(content, { articles: 200, seed: 7 });
    // Enough files that the cached build parses them on worker threads (250 a thread at least).
    expect(readdirSync(content, { recursive: true }).length).toBeGreaterThanOrEqual(500);
    const [node, args] = npmScript(root, 'build', `--content=${content}`, `--output=${work}/compiled`);
    // Parsed in a process of its own, which runs its compiled file too, and its worker threads.
    const env = { ...process.env, NEWS_ARCHIVE_PREPARE_FROM: '1' };
    const { stdout } = await run(node, [...args, `--cache=${work}/cache`], { cwd: root, env });
    expect(stdout).toContain(`Parsed and rendered ${filesIn(content)} content files in a process of its own first`);
    expect(existsSync(path.join(COMPILED_FOLDER, sourceStamp(), 'archive-worker.mjs'))).toBe(true);
    expect(existsSync(path.join(COMPILED_FOLDER, sourceStamp(), 'search-ahead-worker.mjs'))).toBe(true);
    const fromSources = ['--import', 'tsx', 'src/cli/build.ts', `--content=${content}`];
    await run(process.execPath, [...fromSources, `--output=${work}/sources`, '--no-cache'], { cwd: root });
    expect(snapshotSite(path.join(work, 'compiled'))).toEqual(snapshotSite(path.join(work, 'sources')));
  }, 120_000);
});

describe('the compiled code', () => {
  it('should be compiled again when a source changes, and keep the last four versions', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'compiled-project-'));
    cpSync(path.join(root, 'src'), path.join(project, 'src'), { recursive: true });
    const folder = path.join(project, 'compiled');
    const first = await compiledCode(project, folder);
    for (const entry of Object.keys(ENTRIES)) expect(existsSync(path.join(first, `${entry}.mjs`))).toBe(true);
    // Unchanged sources: the same code, not compiled again.
    expect(await compiledCode(project, folder)).toBe(first);
    const edited = path.join(project, 'src/cli/build.ts');
    const versions = [first];
    for (let edit = 1; edit <= 4; edit++) {
      // A checkout or an edit: a new modification time, as the file system records it.
      utimesSync(edited, new Date(), new Date(Date.now() + edit * 1000));
      versions.push(await compiledCode(project, folder));
    }
    expect(new Set(versions).size).toBe(5);
    // What a compile that was stopped an hour ago left behind goes with the next compile; what one
    // that is running now writes stays.
    const abandoned = path.join(folder, 'stopped.1234.tmp');
    const running = path.join(folder, 'running.5678.tmp');
    mkdirSync(abandoned);
    mkdirSync(running);
    utimesSync(abandoned, new Date(0), new Date(0));
    utimesSync(edited, new Date(), new Date(Date.now() + 5000));
    versions.push(await compiledCode(project, folder));
    expect([existsSync(abandoned), existsSync(running)]).toEqual([false, true]);
    expect(
      readdirSync(folder)
        .filter((name) => !name.endsWith('.tmp'))
        .sort(),
    ).toEqual(
      versions
        .slice(2)
        .map((version) => path.basename(version))
        .sort(),
    );
  }, 60_000);
});
