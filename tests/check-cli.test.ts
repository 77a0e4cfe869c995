import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const check = (...args: string[]) =>
  run('npx', ['tsx', 'src/cli/check.ts', ...args], { cwd: root }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('npm run check', () => {
  it('should pass the shipped content with no message', async () => {
    const result = await check('--strict');
    expect(result.code).toBe(0);
    expect(result.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(result.stdout).toMatch(/^content: \d+ files checked, no errors\n$/);
  }, 60_000);

  it('should print every problem of every file together and exit non-zero', async () => {
    const result = await check('tests/fixtures/rules/wrong-type/content');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('3:10-3:21 error `aliases` should be a list, not "Dalian City"');
    expect(result.stderr).toContain('5:34-5:41 error `coordinates.lon` should be a number, not "north"');
    expect(result.stderr).toContain('✖ 2 errors');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('should pass with warnings, and fail on them only with --strict', async () => {
    const content = 'tests/fixtures/rules/unregistered-name/content';
    const [plain, strict] = await Promise.all([check(content), check('--strict', content)]);
    expect([plain.code, strict.code]).toEqual([0, 1]);
    for (const result of [plain, strict]) {
      expect(result.stderr).toContain(
        '12:14-12:22 warning "Chen Min" looks like a person\'s name but is not registered',
      );
      expect(result.stderr).toContain('⚠ 4 warnings');
    }
  }, 60_000);

  it('should print the same report from its cache as without one', async () => {
    const content = 'tests/fixtures/rules/unregistered-name/content';
    const cacheDir = `--cache=${mkdtempSync(path.join(tmpdir(), 'archive-check-cache-'))}`;
    const uncached = await check('--no-cache', content);
    const first = await check(cacheDir, content);
    const second = await check(cacheDir, content);
    expect(uncached.stderr).toContain('⚠ 4 warnings');
    for (const result of [first, second]) expect([result.code, result.stderr]).toEqual([0, uncached.stderr]);
  }, 60_000);
});
