import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../src/cli/build-site.ts';
import { readContent } from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import { formatReport } from '../src/report/report.ts';
import { writeContentDir } from './helpers/content-dir.ts';

// Files that are odd but valid: a byte order mark, Windows line endings, no final newline, CJK
// names and a 5 MB article. They must build, and positions in messages must not shift.

const BOM = '\uFEFF';

/** Writes `text` as Windows editors might: optional BOM, CRLF line endings, no final newline. */
function encode(text: string, { bom = false, crlf = false, finalNewline = true } = {}): string {
  const lines = crlf ? text.replace(/\n/g, '\r\n') : text;
  return (bom ? BOM : '') + (finalNewline ? lines : lines.replace(/\r?\n$/, ''));
}

const ENCODINGS = [
  ['LF', {}],
  ['CRLF', { crlf: true }],
  ['a BOM', { bom: true }],
  ['a BOM and CRLF', { bom: true, crlf: true }],
  ['CRLF and no final newline', { crlf: true, finalNewline: false }],
] as const;

async function check(files: Record<string, string>) {
  const root = writeContentDir(files);
  const result = buildArchive(await readContent(path.join(root, 'content'), root));
  return { ...result, root, report: formatReport(result.files) };
}

const BROKEN_ORGANISATION = [
  '---',
  'name: Council',
  'titel: typo',
  'kind: commission',
  '---',
  'The council met.',
  '',
  'It said <b>nothing</b> and linked [x](javascript:void(0)).',
  '',
].join('\n');

describe('positions in files with odd encodings', () => {
  it.each(ENCODINGS)('should report the same line:column with %s', async (_, encoding) => {
    const { report } = await check({ 'organisations/council.md': encode(BROKEN_ORGANISATION, encoding) });
    const places = report
      .split('\n')
      .flatMap((line) => /^(\d+:\d+-\d+:\d+)\s+error.*?(\S+)\s+news-archive$/.exec(line)?.slice(1, 3) ?? []);
    expect(places).toEqual([
      '3:1-3:6',
      'unknown-key',
      '8:9-8:12',
      'raw-html',
      '8:19-8:23',
      'raw-html',
      '8:35-8:58',
      'unsafe-link',
    ]);
  });
});

const CITY = [
  '---',
  'name: 大连',
  'aliases: [Dalian]',
  'kind: city',
  'coordinates: { lat: 38.914, lon: 121.6147 }',
  '---',
  '',
].join('\n');
const OFFICIAL = [
  '---',
  'name: 谭成旭',
  'aliases: [Tan Chengxu]',
  'roles: [{ title: 大连市市长, source: tan-chengxu-meets-delegation }]',
  '---',
  '',
].join('\n');
const ARTICLE = [
  '---',
  'title: 谭成旭会见上海代表团 — “三区”城市',
  'published: 2018-06-20',
  'added: 2026-11-22',
  'source: { reference: 新闻稿.txt }',
  'language: zh-Hans',
  'summary: 谭成旭在大连会见代表团。',
  '---',
  '谭成旭，大连市市长，会见了代表团。',
  '',
].join('\n');

/**
 * About 5 MB of ordinary article text: paragraphs, headings, emphasis and links, with a list and a
 * quote every forty sections, as a long report has them. Every end of a list or quote makes the
 * parser move the events before it (docs/security.md, "Markdown that is slow to parse"): one in
 * each section, 4,000 in all, took this test two minutes, and that shape has tests of its own.
 */
function longBody(bytes: number): string {
  const paragraph =
    'On June 20, the *Second Joint Conference* on counterpart cooperation was held in [Shanghai](https://example.gov/a). ' +
    'Tan Chengxu, **mayor** of Dalian, attended and spoke; the two cities signed agreements.\n\n';
  const section = `## Section\n\n${paragraph.repeat(5)}`;
  const block = `${section.repeat(40)}- item one\n- item two\n  - nested _item_\n\n> a quote\n\n`;
  return block.repeat(Math.ceil(bytes / block.length));
}

describe('odd but valid files', () => {
  it('should build a site from CRLF, BOM, CJK, no-final-newline and 5 MB files', async () => {
    const body = longBody(5 * 1000 * 1000);
    const { archive, report, root } = await check({
      'places/dalian.md': encode(CITY, { bom: true, crlf: true }),
      'officials/tan-chengxu.md': encode(OFFICIAL, { crlf: true, finalNewline: false }),
      'articles/tan-chengxu-meets-delegation.md': encode(ARTICLE, { bom: true }),
      'articles/long-report.md': `---\ntitle: A long report\npublished: not stated\nadded: 2026-11-22\nsource: { reference: long.txt }\nlanguage: en\nsummary: Long.\n---\n${body}`,
    });
    expect(report).toBe('');
    if (!archive) throw new Error('expected an archive');
    expect(Buffer.byteLength(body)).toBeGreaterThan(5_000_000);

    const output = path.join(root, '_site');
    await buildSite({ archive, output });
    const page = (url: string) => readFileSync(path.join(output, url, 'index.html'), 'utf8');
    const article = page('articles/tan-chengxu-meets-delegation');
    expect(article).toContain('<h1>谭成旭会见上海代表团 — “三区”城市</h1>');
    expect(article).toContain('<a href="/officials/tan-chengxu/" class="mention mention-official">谭成旭</a>');
    expect(page('cities/dalian')).toContain('<h1>大连</h1>');
    expect(page('officials/tan-chengxu')).toContain('<h1>谭成旭</h1>');
    const long = page('articles/long-report');
    expect(long.length).toBeGreaterThan(5_000_000);
    expect(long).toContain('<li>nested <em>item</em></li>');
    expect(long.trimEnd().endsWith('</html>')).toBe(true);
  }, 600_000);
});
