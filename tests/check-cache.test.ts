import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CachedCheckOptions, checkCached } from '../src/build/check/check-cached.ts';
import { hashUnsettled, unchangedSince } from '../src/build/check/unsettled-files.ts';
import { readContent } from '../src/load/read-content.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const FIXTURE = path.join(root, 'tests/fixtures/rules/unregistered-name/content');
// A place with a value of the wrong type: an error beside the fixture's four warnings.
const BAD_PLACE = '---\nname: Yingkou\nkind: city\ncoordinates: { lat: 40.66, lon: "north" }\n---\n';
// Longer than the time after a file's last change before a check records its stamp (3 s).
const SETTLE_MS = 3_500;

/** A copy of the fixture in a folder of its own, with the cache beside it. */
interface Copy {
  readonly content: string;
  readonly cacheDir: string;
}

function copyFixture(withError: boolean): Copy {
  const folder = mkdtempSync(path.join(tmpdir(), 'archive-check-record-'));
  const content = path.join(folder, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  if (withError) writeFileSync(path.join(content, 'places/yingkou.md'), BAD_PLACE);
  return { content, cacheDir: path.join(folder, 'cache') };
}

/** Replaces `from` with `to` in one of the copy's files. */
function edit(copy: Copy, file: string, from: string, to: string): void {
  const full = path.join(copy.content, file);
  writeFileSync(full, readFileSync(full, 'utf8').replace(from, to));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** `npm run check` as package.json runs it: exit code and both streams. */
const checkCli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/check.ts', ...args], { cwd: root }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );

/** {@link checkCached} in this process, with what it printed to stderr. */
async function checkHere(copy: Copy, options: Partial<CachedCheckOptions> = {}) {
  let printed = '';
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    printed += String(text);
    return true;
  });
  try {
    const outcome = await checkCached(copy.content, { cacheDir: copy.cacheDir, ...options });
    return { ...outcome, printed };
  } finally {
    write.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('npm run check with its cache', () => {
  const copies = {
    errors: copyFixture(true),
    warnings: copyFixture(false),
    replay: copyFixture(true),
    edited: copyFixture(true),
    version: copyFixture(false),
    strict: copyFixture(false),
    terminal: copyFixture(true),
  };
  // The copies are made at once and left alone long enough for their stamps to be recorded.
  beforeAll(settle);

  it('should print the same report and exit with the same code as without the cache', async () => {
    const cache = `--cache=${copies.errors.cacheDir}`;
    const uncached = await checkCli('--no-cache', copies.errors.content);
    expect(uncached.code).toBe(1);
    expect(uncached.stderr).toContain('4:33-4:40   error   `coordinates.lon` should be a number, not "north"');
    expect(uncached.stderr).toContain('5 messages (✖ 1 error, ⚠ 4 warnings)');
    // The first check records its report, the second and third replay it.
    for (let round = 0; round < 3; round++) expect(await checkCli(cache, copies.errors.content)).toEqual(uncached);
  }, 90_000);

  it('should pass with warnings from its record, and fail on them with --strict', async () => {
    const cache = `--cache=${copies.warnings.cacheDir}`;
    const first = await checkCli(cache, copies.warnings.content);
    const [plain, strict] = [
      await checkCli(cache, copies.warnings.content),
      await checkCli(cache, '--strict', copies.warnings.content),
    ];
    expect(first.stderr).toContain('⚠ 4 warnings');
    expect([first.code, plain.code, strict.code]).toEqual([0, 0, 1]);
    expect(plain).toEqual(first);
    expect(strict.stderr).toBe(first.stderr);
    expect(strict.stdout).toBe('');
  }, 90_000);

  it('should replay the recorded report when no file changed', async () => {
    const first = await checkHere(copies.replay);
    const second = await checkHere(copies.replay);
    expect(first).toMatchObject({ replayed: false, ok: false, files: 5 });
    expect(second).toEqual({ ...first, replayed: true });
    expect(second.printed).toContain('✖ 1 error');
  }, 60_000);

  it('should replay the report in colour on a terminal, as the full check printed it', async () => {
    const stderr = process.stderr as { isTTY?: boolean };
    const before = Object.getOwnPropertyDescriptor(stderr, 'isTTY');
    Object.defineProperty(stderr, 'isTTY', { value: true, configurable: true });
    try {
      const first = await checkHere(copies.terminal);
      const second = await checkHere(copies.terminal);
      expect(first.printed).toContain('\u001b[');
      expect(second).toEqual({ ...first, replayed: true });
    } finally {
      if (before) Object.defineProperty(stderr, 'isTTY', before);
      else delete stderr.isTTY;
    }
  }, 60_000);

  it('should check again, never replay, once a file changed, even to the same size', async () => {
    const copy = copies.edited;
    await checkHere(copy);
    expect((await checkHere(copy)).replayed).toBe(true);
    edit(copy, 'articles/visit.md', 'Chen Min', 'Chen Mia');
    const afterRename = await checkHere(copy);
    expect(afterRename.replayed).toBe(false);
    expect(afterRename.printed).toContain('"Chen Mia" looks like a person\'s name');
    expect(afterRename.printed).not.toContain('"Chen Min"');
    edit(copy, 'places/yingkou.md', '"north"', '122.23');
    const afterFix = await checkHere(copy);
    expect(afterFix).toMatchObject({ replayed: false, ok: true, files: 5 });
    expect(afterFix.printed).not.toContain('error');
    const uncached = await checkCli('--no-cache', copy.content);
    expect(afterFix.printed).toBe(uncached.stderr);
  }, 60_000);

  it('should check again when the code changed', async () => {
    const copy = copies.version;
    await checkHere(copy, { version: 'one' });
    expect((await checkHere(copy, { version: 'one' })).replayed).toBe(true);
    const other = await checkHere(copy, { version: 'two' });
    expect(other.replayed).toBe(false);
    expect(other.printed).toContain('⚠ 4 warnings');
  }, 60_000);

  it('should fail on replayed warnings with strict', async () => {
    const copy = copies.strict;
    expect(await checkHere(copy)).toMatchObject({ replayed: false, ok: true });
    expect(await checkHere(copy, { strict: true })).toMatchObject({ replayed: true, ok: false });
  }, 60_000);

  it('should replay a check of files changed just before it only while they hold what it read', async () => {
    // Not settled: a file rewritten within the same tick of the clock would keep its times.
    const copy = copyFixture(false);
    const first = await checkHere(copy);
    expect(first).toMatchObject({ replayed: false, ok: true });
    expect(await checkHere(copy)).toEqual({ ...first, replayed: true });
    edit(copy, 'articles/visit.md', 'Chen Min', 'Chen Mia');
    const edited = await checkHere(copy);
    expect(edited.replayed).toBe(false);
    expect(edited.printed).toContain('"Chen Mia" looks like a person\'s name');
  }, 60_000);

  it('should not record a check of more files changed just before it than it would read again', async () => {
    const copy = copyFixture(false);
    for (let n = 0; n < 101; n++) {
      writeFileSync(path.join(copy.content, `officials/extra-${n}.md`), `---\nname: Extra ${n}\n---\n`);
    }
    expect((await checkHere(copy)).replayed).toBe(false);
    expect((await checkHere(copy)).replayed).toBe(false);
  }, 60_000);
});

describe('the hashes of files changed just before a check', () => {
  it('should tell the bytes the check read from any others, of the same size too', async () => {
    const copy = copyFixture(false);
    const rootDir = realpathSync(copy.content);
    const files = ['articles/visit.md', 'places/dalian.md'];
    const hashes = hashUnsettled(rootDir, root, files, await readContent(copy.content, root));
    expect(hashes?.map(([file]) => file).sort()).toEqual(files);
    expect(unchangedSince(rootDir, hashes ?? [])).toBe(true);
    edit(copy, 'places/dalian.md', 'Dalian', 'Dalias');
    expect(unchangedSince(rootDir, hashes ?? [])).toBe(false);
    expect(hashUnsettled(rootDir, root, ['notes.txt'], await readContent(copy.content, root))).toBeUndefined();
  });
});
