import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../src/import/analyse.ts';
import { draftRelease } from '../src/import/draft-release.ts';
import { readContent } from '../src/load/read-content.ts';
import { type Archive, buildArchive } from '../src/pipeline/build-archive.ts';
import { shippedArchive } from './helpers/shipped-archive.ts';

let archive: Archive;

beforeAll(async () => {
  archive = await shippedArchive();
});

const ARTICLE = `---
title: "Tang Yijun met the Ambassador of Oman"
published: not stated
added: "2026-12-01"
source:
  reference: "release.txt"
language: en
summary: "Tang Yijun met the Ambassador of Oman"
review: { quote: "Tang Yijun met the Ambassador of Oman", line: 1, column: 1 }
---
Tang Yijun met Ahmed bin Khalfan al-Ruwaihi, Ambassador of the Sultanate of Oman to China.
`;

const OFFICIAL = `---
name: "Ahmed bin Khalfan al-Ruwaihi"
roles:
  - { title: "Ambassador of the Sultanate of Oman to China", source: tang-yijun-met-the-ambassador }
importedFrom: { article: tang-yijun-met-the-ambassador, quote: "Ahmed bin Khalfan al-Ruwaihi, Ambassador", line: 3, column: 16 }
---
`;

/** The messages of each file of a small archive: one imported article and one record drafted from it. */
async function check(article: string) {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'import-review-')), 'content');
  mkdirSync(path.join(content, 'articles'), { recursive: true });
  mkdirSync(path.join(content, 'officials'));
  writeFileSync(path.join(content, 'articles', 'tang-yijun-met-the-ambassador.md'), article);
  writeFileSync(path.join(content, 'officials', 'ahmed-bin-khalfan-al-ruwaihi.md'), OFFICIAL);
  const { files } = buildArchive(await readContent(content, content));
  return (name: string) =>
    files
      .find((file) => file.path.endsWith(name))
      ?.messages.filter((message) => message.ruleId === 'needs-review')
      .map((message) => ({ reason: message.reason, line: message.line, column: message.column }));
}

describe('one sign-off per import (needs-review in the link stage)', () => {
  it('should warn on each drafted record while its article keeps its review mark, quoting the words and position', async () => {
    const messages = await check(ARTICLE);
    expect(messages('ahmed-bin-khalfan-al-ruwaihi.md')).toEqual([
      {
        reason:
          'Drafted by the importer from “Ahmed bin Khalfan al-Ruwaihi, Ambassador” (line 3, column 16 of the release imported as article "tang-yijun-met-the-ambassador"): check the values against those words; the import is signed off by deleting `review` from articles/tang-yijun-met-the-ambassador.md',
        line: 5,
        column: 15,
      },
    ]);
    expect(messages('tang-yijun-met-the-ambassador.md')).toHaveLength(1);
  });

  it('should warn no more once the article’s review mark is deleted, and keep importedFrom valid', async () => {
    const messages = await check(ARTICLE.replace(/^review: .*\n/mu, ''));
    expect(messages('ahmed-bin-khalfan-al-ruwaihi.md')).toEqual([]);
    expect(messages('tang-yijun-met-the-ambassador.md')).toEqual([]);
  });
});

const eventsOf = (body: string) => analyse({ text: `A release\n\n${body}\n` }, archive).events;

describe('events the importer drafts', () => {
  it('should add an attendee sentence to the event just reported, with the role as written', () => {
    const events = eventsOf(
      'On May 14, Tang Yijun, governor, met with Ahmed bin Khalfan al-Ruwaihi, Ambassador of the Sultanate of Oman to China, and his delegation in Shenyang. Li Jinke, vice governor, attended the meeting.',
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.participants.map(({ person, parts }) => [person.record, person.role, parts])).toEqual([
      ['tang-yijun', 'governor', ['met']],
      ['ahmed-bin-khalfan-al-ruwaihi', 'Ambassador of the Sultanate of Oman to China', ['met']],
      ['li-jinke', 'vice governor', ['attended']],
    ]);
  });

  it('should give every name of a list the verb after the last', () => {
    const [visit] = eventsOf(
      'On September 3, Jari Vähäkangas, Ambassador of Finland to China, and Aino Lehtisalo, deputy mayor of Oulu, led a delegation of Finnish enterprises to visit Dalian.',
    );
    expect(visit?.participants.map(({ person, parts }) => [person.text, parts])).toEqual([
      ['Jari Vähäkangas', ['led']],
      ['Aino Lehtisalo', ['led']],
    ]);
  });

  it('should take the place from the event’s own words, never from a role', () => {
    const [inShenyang] = eventsOf(
      'On May 14, Tang Yijun, governor, met with Ahmed bin Khalfan al-Ruwaihi, Ambassador of the Sultanate of Oman to China, and his delegation in Shenyang.',
    );
    expect(inShenyang?.place?.text).toBe('Shenyang');
    const [inIncheon] = eventsOf('In Incheon, Tan Zuojun met with Baek Seung-ryul, mayor of Incheon.');
    expect(inIncheon?.place?.text).toBe('Incheon');
  });

  it('should take the kind from the verb, not from a venue’s name, and make a company visit a site visit', () => {
    const [meeting] = eventsOf(
      'On June 20, Tan Chengxu, the mayor, met with Kazuhiro Ebisawa, mayor of Kitakyushu, at the Dalian International Conference Center.',
    );
    expect(meeting?.kind).toBe('meeting');
    expect(meeting?.venues.map(({ text }) => text)).toEqual(['Dalian International Conference Center']);
    const [visit] = eventsOf(
      'In Busan, the delegation visited Hanseong Marine Engineering Co., Ltd., where Seo Hye-rim, the company president, introduced its business.',
    );
    expect(visit?.kind).toBe('site-visit');
    expect(visit?.participants.map(({ parts }) => parts)).toEqual([['briefed']]);
  });

  it('should not draft an event that someone only says will happen', () => {
    expect(
      eventsOf(
        'Ahmed bin Khalfan al-Ruwaihi said that the Oman Chamber of Commerce and Industry will organise the business delegation to visit Liaoning next year.',
      ),
    ).toEqual([]);
  });
});

describe('records the importer drafts', () => {
  const draft = (body: string) => {
    const analysis = analyse({ text: `A release\n\n${body}\n` }, archive);
    return draftRelease(analysis, archive, { today: '2026-12-01', reference: 'release.txt', taken: new Set() }).files;
  };
  const file = (files: readonly { path: string; text: string }[], name: string) =>
    files.find(({ path }) => path === name)?.text ?? '';

  it('should give kinds from the words: an office of a government, a Japanese prefecture, a region of its own list', () => {
    const files = draft(
      'Kazuhiro Ebisawa, mayor of Kitakyushu of Fukuoka Prefecture, met the responsible comrades of the Foreign Affairs Office of Liaoning Provincial Government, and spoke of trade with Latin America.',
    );
    expect(file(files, 'organisations/foreign-affairs-office-of-liaoning-provincial-government.md')).toContain(
      'kind: government-department\n',
    );
    expect(file(files, 'places/fukuoka-prefecture.md')).toContain('kind: province\n');
    const region = file(files, 'places/latin-america.md');
    expect(region).toContain('kind: region\n');
    expect(region).not.toContain('GeoNames');
  });

  it('should mark only the article for review, give each draft its provenance, and name events in registered spellings', () => {
    const files = draft(
      'From October 16 to 17, Tan Zuoyu, secretary of the Dalian Municipal Party Committee, led the Dalian Economic and Trade Delegation to visit Incheon.',
    );
    const [article, ...drafts] = files;
    expect(article?.text).toMatch(/^review: \{ quote: "A release", line: 1, column: 1, note: ".*npm run check/mu);
    expect(article?.text).not.toContain('summary is the title');
    expect(drafts.length).toBeGreaterThan(1);
    for (const { text } of drafts) {
      expect(text).not.toMatch(/^review:/mu);
      expect(text).toMatch(/^importedFrom: \{ article: a-release, quote: ".+", line: \d+, column: \d+ \}$/mu);
    }
    const event = drafts.find(({ path }) => path.startsWith('events/'));
    expect(event?.text).toContain('name: "Delegation visit: Tan Zuojun"');
  });
});
