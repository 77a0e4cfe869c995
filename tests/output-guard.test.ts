import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER } from '../src/cli/output-guard.ts';

// A build replaces its output folder as a whole, so `--output` must never name a source. The
// refused outputs are tried in a project of its own: its code folders are links to this one's, and
// replacing a link never reaches what it points to, so even a build without the guard harms nothing here.

const root = path.resolve(import.meta.dirname, '..');
const sandbox = mkdtempSync(path.join(tmpdir(), 'archive-guard-'));
const project = path.join(sandbox, 'project');
const smallContent = path.join(root, 'tests/fixtures/mentions/content');

/** Runs the build CLI in `cwd` with `args`, as `npm run build -- args` would. */
function build(cwd: string, ...args: string[]) {
  const cli = path.join(root, 'src/cli/build.ts');
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}

beforeAll(() => {
  mkdirSync(project);
  for (const name of ['src', 'layouts', 'node_modules', '.eleventy.ts']) {
    symlinkSync(path.join(root, name), path.join(project, name));
  }
  cpSync(smallContent, path.join(project, 'content'), { recursive: true });
  mkdirSync(path.join(project, 'tests/unit'), { recursive: true });
  mkdirSync(path.join(project, '.git'));
  writeFileSync(path.join(project, '.git/HEAD'), 'ref: refs/heads/main\n');
  mkdirSync(path.join(sandbox, 'elsewhere/content'), { recursive: true });
  symlinkSync('content', path.join(project, 'site-link'));
});

describe('an output that is a source', () => {
  it.each([
    ['the project', '.', 'is the project'],
    ['the parent of the project', '..', 'contains the project'],
    ['the content folder', 'content', 'is the content folder'],
    ['a folder inside the content folder', 'content/articles', 'lies inside the content folder'],
    ['a link to the content folder', 'site-link', 'is the content folder'],
    ['a folder that holds --content', '../elsewhere', 'contains the content folder', '--content=../elsewhere/content'],
    ['layouts/', 'layouts', 'is layouts/'],
    ['src/', 'src', 'is src/'],
    ['a folder inside tests/', 'tests/unit', 'lies inside tests/'],
    ['.git/', '.git', 'is .git/'],
    ['node_modules/', 'node_modules', 'is node_modules/'],
    ['the cache folder', 'cache', 'is the cache folder', '--cache=cache'],
  ])(
    'should refuse %s (--output=%s) with exit code 2 and touch nothing',
    (_, output, relation, option = '--no-cache') => {
      const before = readdirSync(sandbox, { recursive: true }).length;
      const result = build(project, `--output=${output}`, option);
      expect(result.stderr).toMatch(
        new RegExp(
          `^Build refused: --output=${output.replaceAll('.', '\\.')} ${relation} \\(.+\\): .+; choose a folder of its own, e\\.g\\. --output=_site\\n$`,
        ),
      );
      expect(result.code).toBe(2);
      expect(readdirSync(sandbox, { recursive: true }).length).toBe(before);
    },
  );
});

describe('an output that holds something else', () => {
  const refusal = (output: string) =>
    `Build refused: --output=${output} is a folder with files but no earlier build of the archive (no ${BUILD_MARKER} in it), and a build would replace them: choose an empty or new folder, or add --force to replace it\n`;

  it('should refuse a folder of other files, and replace it only with --force', () => {
    const output = path.join(sandbox, 'notes');
    mkdirSync(output);
    writeFileSync(path.join(output, 'todo.txt'), 'keep me');
    const refused = build(root, `--output=${output}`, `--content=${smallContent}`, '--no-cache');
    expect([refused.code, refused.stderr]).toEqual([2, refusal(output)]);
    expect(readdirSync(output)).toEqual(['todo.txt']);

    const forced = build(root, `--output=${output}`, `--content=${smallContent}`, '--no-cache', '--force');
    expect(forced.code).toBe(0);
    expect(existsSync(path.join(output, 'todo.txt'))).toBe(false);
    expect(existsSync(path.join(output, BUILD_MARKER))).toBe(true);
  }, 240_000);

  it('should refuse a file', () => {
    const output = path.join(sandbox, 'site.txt');
    writeFileSync(output, 'not a folder');
    const refused = build(root, `--output=${output}`, '--no-cache');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `Build refused: --output=${output} is a file, not a folder: choose a folder of its own, e.g. --output=_site, or add --force to replace the file\n`,
    );
  });

  it('should build again into its own earlier build, an empty folder or a new one', () => {
    const [empty, fresh] = [path.join(sandbox, 'empty'), path.join(sandbox, 'new/site')];
    mkdirSync(empty);
    for (const output of [empty, fresh, fresh]) {
      const result = build(root, `--output=${output}`, `--content=${smallContent}`, '--no-cache');
      expect([result.code, result.stderr]).toEqual([0, '']);
      expect(existsSync(path.join(output, BUILD_MARKER))).toBe(true);
    }
  }, 360_000);
});
