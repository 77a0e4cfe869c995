import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/cli/build-site.ts';
import { analyseRelease } from '../src/import/index.ts';
import { readContent } from '../src/load/read-content.ts';
import { type Archive, buildArchive } from '../src/pipeline/build-archive.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(import.meta.dirname, 'fixtures', 'import');
const fixture = (name: string) => path.join(fixtures, name);
let archive: Archive;

const importCli = (args: readonly string[]) =>
  run(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/import.ts'), ...args], { cwd: root });

beforeAll(async () => {
  const result = buildArchive(await readContent(path.join(root, 'content'), root));
  if (!result.archive) throw new Error('shipped content must be valid');
  archive = result.archive;
});

const analyseFixture = (name: string, options: { publishedGiven?: string } = {}) =>
  analyseRelease(
    { file: `tests/fixtures/import/${name}`, text: readFileSync(fixture(name), 'utf8'), ...options },
    archive,
  );

describe('analyseRelease', () => {
  it('should report a seed-format release as the fixture expects', async () => {
    const report = analyseFixture('seed/release.txt', { publishedGiven: '2018-06-22' });
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot(fixture('seed/report.json'));
  });

  it('should read the title, date, address and body of a saved HTML page', async () => {
    const report = analyseFixture('html/release.html');
    expect(report.title).toBe('Vice Mayor meets Japanese business delegation');
    expect(report.published).toBe('2018-06-22');
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot(fixture('html/report.json'));
    // Positions are in the HTML file itself.
    const lines = readFileSync(fixture('html/release.html'), 'utf8').split('\n');
    for (const mention of report.mentions) {
      expect(lines[mention.line - 1]?.slice(mention.column - 1)).toMatch(new RegExp(`^${mention.text}`));
    }
  });

  it('should give the report exactly the names scripts depend on', () => {
    const report = analyseFixture('seed/release.txt');
    expect(Object.keys(report)).toEqual(['file', 'title', 'slug', 'published', 'dates', 'mentions']);
    expect(report.published).toBeNull();
    for (const date of report.dates) {
      expect(Object.keys(date)).toEqual(['text', 'line', 'column', 'value', 'precision', 'basis']);
    }
    for (const mention of report.mentions) {
      expect(Object.keys(mention)).toEqual(['text', 'kind', 'line', 'column', 'record', 'match', 'role']);
    }
  });

  it('should propose variant spellings of registered officials, never new records', () => {
    const report = analyseFixture('seed/release.txt');
    const variants = report.mentions.filter((mention) => mention.match === 'probable-variant');
    expect(variants.map((mention) => [mention.text, mention.record])).toEqual([
      ['Tan Chengxun', 'tan-chengxu'],
      ['Lu Ling', 'lu-lin'],
    ]);
  });

  it('should keep a date without a year when the publication date is not known', () => {
    const report = analyseFixture('seed/release.txt');
    expect(report.dates.map((date) => [date.text, date.value, date.basis])).toEqual([
      ['On June 9', '--06-09', 'stated'],
      ['Yesterday', 'not stated', 'stated'],
      ['From October 16 to 17', '--10-16/--10-17', 'stated'],
    ]);
  });
});

describe('npm run import', () => {
  let content: string;
  let output: string;

  beforeAll(async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'import-'));
    content = path.join(folder, 'content');
    output = path.join(folder, '_site');
    cpSync(path.join(root, 'content'), content, { recursive: true });
    // A file the import would write: it must be left exactly as it is.
    writeFileSync(path.join(content, 'officials', 'porozhanov.yaml'), 'name: Porozhanov\n');
    await importCli([
      `--content=${content}`,
      '--published',
      '2018-06-22',
      fixture('seed/release.txt'),
      fixture('html/release.html'),
    ]);
  }, 120_000);

  it('should never overwrite a file', async () => {
    expect(readFileSync(path.join(content, 'officials', 'porozhanov.yaml'), 'utf8')).toBe('name: Porozhanov\n');
    expect(existsSync(path.join(content, 'officials', 'porozhanov.md'))).toBe(false);
    // The same release again gets the next free slug; the first article is untouched.
    const first = readFileSync(
      path.join(content, 'articles', 'mayor-tan-chengxun-met-with-the-ambassador-of-bulgaria-to.md'),
      'utf8',
    );
    await importCli([`--content=${content}`, fixture('seed/release.txt')]);
    expect(
      existsSync(path.join(content, 'articles', 'mayor-tan-chengxun-met-with-the-ambassador-of-bulgaria-to-2.md')),
    ).toBe(true);
    expect(
      readFileSync(
        path.join(content, 'articles', 'mayor-tan-chengxun-met-with-the-ambassador-of-bulgaria-to.md'),
        'utf8',
      ),
    ).toBe(first);
  }, 60_000);

  it('should keep the body word for word', () => {
    const article = readFileSync(
      path.join(content, 'articles', 'mayor-tan-chengxun-met-with-the-ambassador-of-bulgaria-to.md'),
      'utf8',
    );
    const source = readFileSync(fixture('seed/release.txt'), 'utf8');
    expect(article.split('\n---\n')[1]?.trim()).toBe(source.slice(source.indexOf('\n') + 1).trim());
  });

  it('should build, with backlinks on the pages of the records it names', async () => {
    const result = buildArchive(await readContent(content));
    const errors = result.files.flatMap((file) => file.messages.filter((message) => message.fatal));
    expect(errors.map(String)).toEqual([]);
    const rules = new Set(result.files.flatMap((file) => file.messages.map((message) => message.ruleId)));
    expect([...rules].filter((rule) => rule !== 'needs-review' && rule !== 'unregistered-name')).toEqual([]);
    if (!result.archive) throw new Error('imported content must be valid');
    await buildSite({ archive: result.archive, output });
    const page = (url: string) => readFileSync(path.join(output, url, 'index.html'), 'utf8');
    const article = '/articles/vice-mayor-meets-japanese-business-delegation/';
    expect(page(article)).toContain('href="/officials/yoshihiro-murai/"');
    expect(page('/officials/yoshihiro-murai/')).toContain(`href="${article}"`);
    expect(page('/cities/dalian/')).toContain(`href="${article}"`);
    expect(page('/organisations/osaka-chamber-of-commerce/')).toContain(`href="${article}"`);
  }, 180_000);
});
