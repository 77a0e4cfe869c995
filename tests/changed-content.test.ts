import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildArchiveCached } from '../src/build/build-archive-cached.ts';
import { knownFilesFile, readKnownFiles, writeKnownFiles } from '../src/build/cache/known-files.ts';
import { createPreviewLoader } from '../src/build/live-preview/preview-content.ts';
import {
  ContentChangedError,
  type ContentFile,
  contentDigest,
  type KnownFiles,
  readChangedContent,
  readContent,
  UNSETTLED,
  withBytes,
} from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import { formatReport } from '../src/report/report.ts';
import { filesIn, generatedContent } from './helpers/generated-content.ts';
import { snapshotSite } from './helpers/tree.ts';

const contentFolder = () => generatedContent('changed-content', 5);
const articlePaths = (content: string) =>
  readdirSync(path.join(content, 'articles'))
    .sort()
    .map((name) => `articles/${name}`);
const appendTo = (content: string, file: string, text: string) =>
  writeFileSync(path.join(content, file), `${readFileSync(path.join(content, file), 'utf8')}\n${text}\n`);

// Files are stamped as the clock says they were just written; a clock a minute on has them settled.
const LATER = () => Date.now() + 60_000;
const unread = (files: readonly ContentFile[]) => files.filter((file) => file.bytes === undefined).map((f) => f.path);
const readAgain = (content: string, known: KnownFiles, now = LATER()) =>
  readChangedContent(content, known, content, now);

describe('reading only the content that changed', () => {
  it('should read every file the first time, and vouch for each settled one the next', async () => {
    const content = await contentFolder();
    const count = filesIn(content);
    const first = await readAgain(content, new Map());
    expect(first.read).toBe(count);
    expect(first.changed).toBe(count);
    expect(first.known.size).toBe(count);
    const second = await readAgain(content, first.known);
    expect(second.read).toBe(0);
    expect(second.changed).toBe(0);
    expect(unread(second.files)).toHaveLength(count);
    // In the same order, with the same digests, as a full read.
    const full = await readContent(content, content);
    expect(second.files.map((file) => [file.path, file.kind, file.digest])).toEqual(
      full.map((file) => [file.path, file.kind, contentDigest(file.bytes)]),
    );
    expect(second.files.map((file) => withBytes(file).bytes)).toEqual(full.map((file) => file.bytes));
  });

  it('should read a file written again, even with its old size and modification time put back', async () => {
    const content = await contentFolder();
    const [, edited = ''] = articlePaths(content);
    const file = path.join(content, edited);
    // A whole second, which file times keep exactly.
    const mtime = 1_700_000_000;
    utimesSync(file, mtime, mtime);
    const first = await readAgain(content, new Map());
    const before = statSync(file);
    // The clock of change times moves in ticks of a few milliseconds.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/\bthe\b/, 'teh'));
    utimesSync(file, mtime, mtime);
    expect([statSync(file).size, statSync(file).mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const second = await readAgain(content, first.known);
    expect(second.read).toBe(1);
    expect(second.changed).toBe(1);
    const read = second.files.find((source) => source.path === edited);
    expect(new TextDecoder().decode(read?.bytes)).toBe(text.replace(/\bthe\b/, 'teh'));
  });

  it('should read a file only touched, but not count it as changed', async () => {
    const content = await contentFolder();
    const [touched = ''] = articlePaths(content);
    const first = await readAgain(content, new Map());
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(content, touched), later, later);
    const second = await readAgain(content, first.known, Date.now() + 120_000);
    expect([second.read, second.changed]).toEqual([1, 0]);
  });

  it('should not vouch for a file changed within the last seconds, which may change again unseen', async () => {
    const content = await contentFolder();
    const now = Date.now();
    const first = await readAgain(content, new Map(), now);
    // Known by their digests, but with no stamp to vouch for them: read again, and not changed.
    expect([...first.known.values()].every((known) => known.stamp === UNSETTLED)).toBe(true);
    const second = await readAgain(content, first.known, now);
    expect([second.read, second.changed]).toEqual([filesIn(content), 0]);
  });

  it('should read new files, leave out removed ones, and always read a linked file', async () => {
    const content = await contentFolder();
    const [linkedTo = '', removed = '', ...others] = articlePaths(content);
    symlinkSync(path.join(content, linkedTo), path.join(content, 'articles/linked.md'));
    const first = await readAgain(content, new Map());
    expect(first.known.has('articles/linked.md')).toBe(false);
    copyFileSync(path.join(content, removed), path.join(content, 'articles/copied.md'));
    rmSync(path.join(content, removed));
    const second = await readAgain(content, first.known);
    expect(second.read).toBe(2);
    // The copy is new; the linked file is read every time, and not counted as changed.
    expect(second.changed).toBe(1);
    expect(second.known.has(removed)).toBe(false);
    const read = second.files.filter((file) => file.bytes !== undefined).map((file) => file.path);
    expect(read).toEqual(['articles/copied.md', 'articles/linked.md']);
    expect(unread(second.files)).toEqual(expect.arrayContaining([linkedTo, ...others]));
  });

  it('should refuse to read a vouched-for file whose bytes are no longer those of its digest', async () => {
    const content = await contentFolder();
    const [edited = ''] = articlePaths(content);
    const first = await readAgain(content, new Map());
    const second = await readAgain(content, first.known);
    appendTo(content, edited, 'A sentence written after the file was vouched for.');
    const changed = second.files.find((file) => file.path === edited);
    expect(changed?.bytes).toBeUndefined();
    expect(() => withBytes(changed as ContentFile)).toThrow(ContentChangedError);
  });

  it('should build from vouched-for files what a build from read ones makes, reading them when it must', async () => {
    const content = await contentFolder();
    const cacheDir = path.join(path.dirname(content), 'cache');
    const build = async (known: KnownFiles) => {
      const { files, known: next } = await readAgain(content, known);
      const result = await buildArchiveCached(files, { cacheDir, version: 'v1', workers: 0 });
      return { result, next, files };
    };
    const first = await build(new Map());
    expect(first.result.archive).toBeDefined();
    // A new name renders every body again, those of unread files too: they are read then.
    const official = readdirSync(path.join(content, 'officials')).sort()[0] ?? '';
    const file = path.join(content, 'officials', official);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: (.*)$/m, 'name: $1 Renamed'));
    const second = await build(first.next);
    expect(second.result.stats).toMatchObject({ parsed: 1, rendered: articlePaths(content).length });
    expect(unread(second.files)).toHaveLength(filesIn(content) - 1);
    const full = buildArchive(await readContent(content, content));
    expect([...(second.result.archive?.bodies ?? [])]).toEqual([...(full.archive?.bodies ?? [])]);
    expect(formatReport(second.result.files)).toBe(formatReport(full.files));
  });
});

describe('the record of known files', () => {
  it('should keep the stamps and digests, and give none for a damaged or foreign record', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'known-files-'));
    const file = knownFilesFile(cacheDir, '/some/content');
    expect(readKnownFiles(file).size).toBe(0);
    const known = new Map([['articles/a.md', { stamp: '1 2 3 4 5 6', digest: 'ab' }]]);
    writeKnownFiles(file, known);
    expect(readKnownFiles(file)).toEqual(known);
    expect(knownFilesFile(cacheDir, '/other/content')).not.toBe(file);
    for (const damaged of ['{"format":1,"files":[["a","b"]]}', '{"format":2,"files":[]}', '{"format":1', '']) {
      writeFileSync(file, damaged);
      expect(readKnownFiles(file).size).toBe(0);
    }
  });
});

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
// Longer than a file must go unchanged before its stamp vouches for it (3 s).
const SETTLE_MS = 3_500;

describe('a build through the cache', () => {
  it('should read only the file edited since the last build, and make the site a full build makes', async () => {
    const content = await contentFolder();
    const work = path.dirname(content);
    const build = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', `--content=${content}`, ...args], { cwd: root });
    const cached = [`--output=${work}/site`, `--cache=${work}/cache`];
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const first = await build(...cached);
    expect(first.stdout).not.toContain('content files: the others');
    const [edited = ''] = articlePaths(content);
    appendTo(content, edited, 'A sentence added in an edit, naming nobody.');
    const second = await build(...cached);
    expect(second.stdout).toContain(
      `Read 1 of ${filesIn(content)} content files: the others had not changed since a build read them`,
    );
    await build(`--output=${work}/full`, '--no-cache');
    expect(snapshotSite(path.join(work, 'site'))).toEqual(snapshotSite(path.join(work, 'full')));
  }, 120_000);
});

describe('the live preview through the cache', () => {
  it('should load what the pure build makes, the first time and after a save, caching what it parsed', async () => {
    const content = await contentFolder();
    const cacheDir = path.join(path.dirname(content), 'cache');
    const load = createPreviewLoader(content, cacheDir);
    const bodiesOf = async () => [...(buildArchive(await readContent(content)).archive?.bodies ?? [])];
    expect([...(await load()).archive.bodies]).toEqual(await bodiesOf());
    expect(existsSync(knownFilesFile(cacheDir, realpathSync(content)))).toBe(true);
    expect(readdirSync(path.join(cacheDir, 'parse')).length).toBeGreaterThan(0);
    const [edited = ''] = articlePaths(content);
    appendTo(content, edited, 'A sentence saved while the preview runs.');
    const saved = await load();
    const slug = path.basename(edited, '.md');
    expect(saved.archive.bodies.get(`article:${slug}`)?.html).toContain('A sentence saved while the preview runs.');
    expect([...saved.archive.bodies]).toEqual(await bodiesOf());
  });
});
