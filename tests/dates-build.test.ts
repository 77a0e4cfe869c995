import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContentDir, siteDir, sitePage } from './helpers/build-content-dir.ts';
import { writeContentDir } from './helpers/content-dir.ts';

// One event at each precision, all with the same official, reported by one article published on
// 22 June 2018; more articles give the year archive each precision of `published`.
const EVENTS: Record<string, string> = {
  day: 'date: 2019-10-05',
  month: 'date: 2019-10',
  year: 'date: 2018',
  'month-day': 'date: --06-09',
  'month-day-range': 'date: --10-16\nend: --10-17',
  yesterday: 'date: { value: not stated, asWritten: yesterday, source: release }',
  recently: 'date: { value: not stated, asWritten: in recent days, source: release }',
  undated: 'date: not stated',
};

const article = (title: string, published: string, reports: readonly string[] = []) =>
  `---\ntitle: "${title}"\npublished: ${published}\nadded: 2026-11-22\nsource: { reference: "${title}.txt" }\n` +
  `language: en\nsummary: "${title}."\nreports: [${reports.join(', ')}]\n---\nText.\n`;

const event = (slug: string, date: string) =>
  `---\nname: "Event ${slug}"\nkind: visit\n${date}\nparticipants:\n  - official: tan-chengxu\n    source: release\n---\n`;

const root = writeContentDir({
  'officials/tan-chengxu.md': '---\nname: Tan Chengxu\n---\n',
  'articles/release.md': article('Release of June 22', '2018-06-22', Object.keys(EVENTS)),
  'articles/october.md': article('Release of October 2019', '2019-10'),
  'articles/june-nine.md': article('Release of June 9', '--06-09'),
  'articles/october-sixteen.md': article('Release of October 16', '--10-16'),
  'articles/undated.md': article('Release without a date', 'not stated'),
  ...Object.fromEntries(Object.entries(EVENTS).map(([slug, date]) => [`events/${slug}.md`, event(slug, date)])),
});
const output = siteDir(root);
const page = (url: string) => sitePage(root, url);

beforeAll(async () => {
  await buildContentDir(root);
}, 120_000);

describe('dates in the built site', () => {
  it('should show each precision on its event page, only as precise as the source', () => {
    expect(page('/events/day/')).toContain('<time datetime="2019-10-05">5 October 2019</time>');
    expect(page('/events/month/')).toContain('<time datetime="2019-10">October 2019</time>');
    expect(page('/events/year/')).toContain('<time datetime="2018">2018</time>');
    expect(page('/events/month-day/')).toContain('<time datetime="--06-09">9 June (year not stated)</time>');
    expect(page('/events/month-day-range/')).toContain(
      '<time datetime="--10-16">16–17 October (year not stated)</time>',
    );
    const yesterday = page('/events/yesterday/');
    expect(yesterday).toContain('<time datetime="2018-06-21">21 June 2018</time>');
    expect(yesterday).toContain('<span class="badge">inferred</span>');
    expect(yesterday).toContain(
      'Inferred: The source says “yesterday”, and “Release of June 22” was published on 22 June 2018.',
    );
    expect(page('/events/recently/')).toContain('<span class="undated">On or before 22 June 2018</span>');
    expect(page('/events/undated/')).toContain('<span class="undated">Date not stated</span>');
  });

  it('should place dated events on an official\'s timeline, and list the rest under "Year not stated" in calendar order', () => {
    const official = page('/officials/tan-chengxu/');
    const svg = official.slice(official.indexOf('<svg'), official.indexOf('</svg>'));
    for (const precision of ['day', 'month', 'year']) expect(svg).toContain(`timeline-item--${precision}"`);
    const undated = svg.slice(svg.indexOf('class="timeline-undated"'));
    expect(undated).toContain('>Year not stated</text>');
    const rows = [...undated.matchAll(/class="timeline-label"[^>]*>([^<]*)</g)].map((match) => match[1]);
    expect(rows).toEqual([
      '9 Jun · Event month-day',
      '16 Oct · Event month-day-range',
      'Event recently',
      'Event undated',
    ]);
    // The dated ones are on the axis, not in the list.
    expect(svg.slice(0, svg.indexOf('class="timeline-undated"'))).toContain('Event yesterday');
  });

  it('should file articles without a year after the years, by day and month, under "Year not stated"', () => {
    const index = page('/articles/');
    const years = [
      ...index.matchAll(/<li><a href="(\/years\/[^"]+\/)">([^<]*)<\/a> <span class="count">([^<]*)</g),
    ].map((match) => `${match[1]} ${match[2]}: ${match[3]}`);
    expect(years).toEqual([
      '/years/2019/ 2019: 1 article',
      '/years/2018/ 2018: 1 article',
      '/years/date-not-stated/ Year not stated: 3 articles',
    ]);
    const undated = page('/years/date-not-stated/');
    expect(undated).toContain('<h1 id="date-not-stated">Articles, year not stated</h1>');
    const titles = [...undated.matchAll(/<a href="\/articles\/[^"]+\/">([^<]*)<\/a>/g)].map((match) => match[1]);
    expect(titles).toEqual(['Release of June 9', 'Release of October 16', 'Release without a date']);
    expect(undated).toContain('<time datetime="--06-09">9 June (year not stated)</time>');
    // Each year's page links the years beside it, and belongs to the articles in the navigation.
    expect(undated).toContain('<a href="/years/2018/">2018</a>');
    expect(page('/years/2018/')).toContain('<a href="/years/2019/"><span>Newer</span> 2019</a>');
    expect(page('/years/2018/')).toContain('<a href="/years/date-not-stated/">Year not stated</a>');
    expect(page('/years/2019/')).toContain('<a href="/articles/" aria-current="true">Articles</a>');
  });

  it('should write valid HTML for every precision, a year-less <time> included', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const urls = [
      ...Object.keys(EVENTS).map((slug) => `/events/${slug}/`),
      '/officials/tan-chengxu/',
      '/articles/',
      '/years/date-not-stated/',
    ];
    const problems = [];
    for (const url of urls) {
      const report = await validator.validateFile(path.join(output, url, 'index.html'));
      problems.push(...report.results.flatMap((result) => result.messages.map((m) => `${url} ${m.message}`)));
    }
    expect(problems).toEqual([]);
  });
});
