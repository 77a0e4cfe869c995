import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../src/util/process-alive.ts';
import { snapshotTree } from './helpers/tree.ts';

// Runs the build CLI where writes fail for real (a file-size limit, a cache that cannot be written)
// and checks what the editor sees: one line with the cause and the fix, no stack trace, the old
// site untouched and nothing left behind, neither the half-built site nor Pagefind's folders.

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'archive-failures-'));
const output = path.join(work, '_site');
const content = path.join(work, 'content');
/** The builds' temporary folder (`TMPDIR`), so what Pagefind leaves there can be seen. */
const temporary = path.join(work, 'tmp');
let oldSite: Map<string, string>;
let oldInode: number;

/** Runs the build CLI in bash, after `shell` (e.g. `ulimit -f 60`). */
function build(shell: string, ...args: string[]) {
  const words = [process.execPath, '--import', 'tsx', 'src/cli/build.ts', `--content=${content}`, `--output=${output}`];
  const command = [...words, ...args].map((word) => `'${word}'`).join(' ');
  // tsx's cache is off so that only the build writes files.
  const env = { ...process.env, TMPDIR: temporary, TSX_DISABLE_CACHE: '1' };
  const result = spawnSync('bash', ['-c', `${shell} && exec ${command}`], { cwd: root, env, encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

function expectOldSiteAndNoLeftovers(): void {
  expect(statSync(output).ino).toBe(oldInode);
  expect(snapshotTree(output)).toEqual(oldSite);
  expect(readdirSync(work).filter((name) => name.startsWith('._site.'))).toEqual([]);
  expect(readdirSync(temporary).filter((name) => name.startsWith('archive-search-'))).toEqual([]);
}

beforeAll(() => {
  cpSync(path.join(root, 'content'), content, { recursive: true });
  mkdirSync(temporary);
  const first = build('true', '--no-cache');
  expect(first.code).toBe(0);
  oldSite = snapshotTree(output);
  oldInode = statSync(output).ino;
  // The next builds make a different site, so one swapped in would be seen.
  const article = path.join(content, 'articles/second-shanghai-dalian-joint-conference.md');
  writeFileSync(article, `${readFileSync(article, 'utf8')}\nOne more paragraph.\n`);
}, 120_000);

describe('a build that cannot write', () => {
  it.each([
    // Eleventy's copy of the assets fails first; Eleventy handles that rejection only later.
    [5, 'EFBIG: file too large, write'],
    // The pages fit, but Pagefind's files do not: the limit's signal stops it.
    [60, 'Pagefind was stopped by SIGXFSZ'],
  ])(
    'should say in one line, without a stack trace, that files cannot grow past %i KiB (%s)',
    (limit, detail) => {
      const result = build(`ulimit -f ${limit}`, `--cache=${path.join(work, 'cache')}`);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `Build failed: a file would pass the file-size limit of this shell (${detail}): ` +
          `raise the limit (\`ulimit -f unlimited\`) and build again. ${output}/ was left as it was.\n`,
      );
      expectOldSiteAndNoLeftovers();
    },
    120_000,
  );

  it('should fail before the swap when its cache cannot be recorded, and remove abandoned search folders', () => {
    // What a killed build leaves: the folder of a process that is gone, beside one that still runs.
    const { pid } = spawnSync(process.execPath, ['-e', '']);
    expect(isProcessAlive(pid ?? 0)).toBe(false);
    const [dead, live] = [`archive-search-${pid}-AbC123`, `archive-search-${process.pid}-XyZ789`];
    for (const name of [dead, live]) mkdirSync(path.join(temporary, name));
    const cache = path.join(work, 'full-cache');
    mkdirSync(cache);
    writeFileSync(path.join(cache, 'sites'), 'in the way of the record, as a full disk would be');

    const result = build('true', `--cache=${cache}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Build failed: [^\n]*(EEXIST|ENOTDIR)[^\n]* was left as it was\.\n$/);
    expect(readdirSync(temporary)).toEqual([live]);
    rmSync(path.join(temporary, live), { recursive: true });
    expectOldSiteAndNoLeftovers();
  }, 120_000);
});
