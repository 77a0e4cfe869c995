import { readdirSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDEX_PAGE_ENTRIES, splitIndex } from '../src/site/view/index-view.ts';
import { buildContentDir, siteDir, sitePage } from './helpers/build-content-dir.ts';
import { writeContentDir } from './helpers/content-dir.ts';

// One more document than an index lists on one page, under several letters and under `#`.
const WORDS = ['Agreement', 'Budget', 'Charter', 'Declaration', 'Memorandum', 'Notice', 'Plan', 'Programme'];
const DOCUMENTS = INDEX_PAGE_ENTRIES + 1;
const documentName = (n: number) =>
  n % 100 === 0 ? `${2000 + (n % 25)} plan number ${n}` : `${WORDS[n % WORDS.length]} number ${n}`;

const root = writeContentDir({
  'officials/tan-chengxu.md': '---\nname: Tan Chengxu\n---\n',
  'articles/release.md':
    '---\ntitle: "A release"\npublished: 2019-06-09\nadded: 2026-11-22\nsource: { reference: "release.txt" }\n' +
    'language: en\nsummary: "A release."\n---\nText.\n',
  ...Object.fromEntries(
    Array.from({ length: DOCUMENTS }, (_, n) => [
      `documents/document-${n}.md`,
      `---\nname: "${documentName(n)}"\nkind: plan\n---\n`,
    ]),
  ),
});
const output = siteDir(root);
const page = (url: string) => sitePage(root, url);

beforeAll(async () => {
  await buildContentDir(root);
}, 180_000);

describe('an A–Z index too long for one page', () => {
  it('should list the letters, each with its count and its own page', () => {
    const letters = [
      ...page('/documents/').matchAll(
        /<li><a href="(\/a-z\/documents\/[a-z]+\/)">([^<]+)<\/a> <span class="count">(\d+) documents/g,
      ),
    ];
    expect(letters.map((match) => match[2])).toEqual(['A', 'B', 'C', 'D', 'M', 'N', 'P', '#']);
    expect(letters.map((match) => match[1])).toContain('/a-z/documents/other/');
    expect(letters.reduce((sum, match) => sum + Number(match[3]), 0)).toBe(DOCUMENTS);
    expect(readdirSync(path.join(output, 'a-z', 'documents')).sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
      'm',
      'n',
      'other',
      'p',
    ]);
  });

  it("should put every document on its letter's page, once", () => {
    const listed = readdirSync(path.join(output, 'a-z', 'documents')).flatMap((letter) =>
      [...page(`/a-z/documents/${letter}/`).matchAll(/<a href="(\/documents\/[a-z0-9-]+\/)">([^<]+)<\/a>/g)].map(
        (match) => ({ letter, url: match[1], name: match[2] ?? '' }),
      ),
    );
    expect(listed).toHaveLength(DOCUMENTS);
    expect(new Set(listed.map((entry) => entry.url)).size).toBe(DOCUMENTS);
    for (const { letter, name } of listed)
      expect(letter === 'other' ? /^\d/.test(name) : name.toLowerCase().startsWith(letter)).toBe(true);
  });

  it('should title each letter page, mark its section in the navigation, and write valid HTML', async () => {
    const letter = page('/a-z/documents/p/');
    expect(letter).toContain('<h1 id="letter-P">Documents: P</h1>');
    expect(letter).toContain('<a href="/documents/" aria-current="true">Documents</a>');
    expect(page('/a-z/documents/other/')).toContain('<h1 id="letter-other">Documents: #</h1>');
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const url of ['/documents/', '/a-z/documents/p/', '/a-z/documents/other/']) {
      const report = await validator.validateString(page(url));
      expect(report.results.flatMap((result) => result.messages.map((message) => `${url} ${message.message}`))).toEqual(
        [],
      );
    }
  });

  it('should keep a short index on one page, a section per letter', () => {
    const index = page('/officials/');
    expect(index).toContain('<h2 id="letter-T">T</h2>');
    expect(index).toContain('<a href="/officials/tan-chengxu/">Tan Chengxu</a>');
    expect(index).not.toContain('/a-z/');
    const groups = [
      { letter: 'A', id: 'A', entries: [{ link: { url: '/officials/an/', label: 'An' }, detail: '', articles: 0 }] },
    ];
    expect(splitIndex('officials', groups, 0)).toEqual([{ ...groups[0], url: '/a-z/officials/a/' }]);
    expect(splitIndex('officials', groups)).toEqual(groups);
  });
});
