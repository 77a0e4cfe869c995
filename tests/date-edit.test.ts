import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/write-corpus.ts';
import type { RecordKind } from '../src/schema/index.ts';
import { incrementalBuilds } from './helpers/incremental-builds.ts';
import { recordFiles } from './helpers/record-files.ts';

const work = mkdtempSync(path.join(tmpdir(), 'archive-date-edit-'));
const source = path.join(work, 'content');
const output = path.join(work, 'site');

const { build, expectFullBuild, fingerprints } = incrementalBuilds(work, source, output);

const { fileOf, slugsOf, read } = recordFiles(source);
const pageOf = (section: string, slug: string) => readFileSync(path.join(output, section, slug, 'index.html'), 'utf8');

/** Replaces the first match of `pattern` in a record's file. */
function edit(kind: RecordKind, slug: string, pattern: RegExp | string, replacement: string): void {
  writeFileSync(fileOf(kind, slug), read(kind, slug).replace(pattern, replacement));
}

/** An article's publication as its front matter writes it: `2019-04-02`, or `not stated`. */
function publishedOf(slug: string): string {
  const line = /^published: (.*)$/m.exec(read('article', slug));
  if (!line?.[1]) throw new Error(`article ${slug} has no publication date`);
  return line[1];
}

/** Gives an article another publication date; nothing else in its file changes. */
function redate(slug: string, published: string): void {
  edit('article', slug, /^published: .*$/m, `published: ${published}`);
}

/** The articles published on a day, by year: `2019` → their slugs. */
function articlesByYear(): Map<string, string[]> {
  const byYear = new Map<string, string[]>();
  for (const slug of slugsOf('article')) {
    const year = /^(\d{4})-\d\d-\d\d$/.exec(publishedOf(slug))?.[1];
    if (year) byYear.set(year, [...(byYear.get(year) ?? []), slug]);
  }
  return byYear;
}

/** The record pages whose views the last build made: those that showed a record, or stand next to one. */
const viewsMade = (built: Awaited<ReturnType<typeof build>>) => built.reuse?.nameEdit?.views ?? 0;

/** Builds after an edit of dates, which must take the way of names, summaries and dates for `records` records. */
async function buildRedated(records = 1): Promise<Awaited<ReturnType<typeof build>>> {
  const built = await build();
  expect(built.reuse?.nameEdit?.records).toBe(records);
  return built;
}

/** The event, without an end, whose date counts from an article ("yesterday"). */
let countingEvent = '';
/** The article it counts from. */
let countedFrom = '';

beforeAll(async () => {
  await writeCorpus(source, { articles: 60, seed: 11 });
  countedFrom = articlesByYear().get('2019')?.[0] ?? '';
  countingEvent =
    slugsOf('event').find(
      (event) => !/^end:/m.test(read('event', event)) && !read('article', countedFrom).includes(event),
    ) ?? '';
  if (!countedFrom || !countingEvent) throw new Error('the corpus has an article of 2019 and an event without an end');
  const relative = `date:\n  value: not stated\n  asWritten: yesterday\n  source: ${countedFrom}\n`;
  edit('event', countingEvent, /^date:.*\n(?: {2}.*\n)*/m, relative);
  await build();
}, 120_000);

describe('the build after an edit of dates', () => {
  it('should make only the pages that show a redated article and its new neighbours, and equal a full build', async () => {
    // The newest article of a year with several goes to the first day of that year: it leaves two
    // neighbours, who now link each other, and comes between two others, who never linked it.
    const [year, slugs] = [...articlesByYear()].find(([, ofYear]) => ofYear.length >= 4) ?? [];
    const newest = [...(slugs ?? [])].sort((a, b) => publishedOf(b).localeCompare(publishedOf(a)))[0] ?? '';
    const url = `/articles/${newest}/`;
    const showing = [...(fingerprints()?.shows ?? [])].filter(([, shown]) => shown.includes(url)).map(([page]) => page);
    redate(newest, `${year}-01-01`);
    const built = await buildRedated();
    const page = pageOf('articles', newest);
    expect(page).toContain(`<time datetime="${year}-01-01">`);
    // Its new neighbours never linked it: only the rule for neighbours makes their pages again.
    const neighbours = [...page.matchAll(/<a rel="(?:prev|next)" href="\/articles\/([^/]+)\/"/g)].map(
      (link) => link[1],
    );
    expect(neighbours).toHaveLength(2);
    for (const slug of neighbours) {
      expect(showing).not.toContain(`/articles/${slug}/`);
      expect(pageOf('articles', slug ?? '')).toContain(`href="${url}"`);
    }
    // Its own page and those that listed it, and the new neighbours besides.
    expect(viewsMade(built)).toBe(showing.length + 2);
    expect(viewsMade(built)).toBeLessThan(fingerprints()?.pages.size ?? 0);
    await expectFullBuild();
  }, 120_000);

  it('should give a year no article had its page and search shard, take them away again, and equal a full build', async () => {
    const [year, slugs] = [...articlesByYear()].find(([, ofYear]) => ofYear.length === 1) ?? [];
    const alone = slugs?.[0] ?? '';
    const published = publishedOf(alone);
    redate(alone, '1990-06-09');
    await buildRedated();
    expect(existsSync(path.join(output, 'years', '1990', 'index.html'))).toBe(true);
    expect(existsSync(path.join(output, 'years', year ?? '', 'index.html'))).toBe(false);
    await expectFullBuild();
    redate(alone, published);
    await buildRedated();
    expect(existsSync(path.join(output, 'years', '1990'))).toBe(false);
    await expectFullBuild();
  }, 120_000);

  it('should date again what counts from a redated article, where it is listed, and equal a full build', async () => {
    // "Yesterday" was the day before the article's publication; it is now the day before the new one.
    redate(countedFrom, '2019-03-15');
    await buildRedated();
    expect(pageOf('events', countingEvent)).toContain('14 March 2019');
    await expectFullBuild();
  }, 120_000);

  it('should take the same way when an article loses its date, or an event and a document change theirs', async () => {
    const dated = [...articlesByYear().values()].flat().at(-1) ?? '';
    redate(dated, 'not stated');
    const event =
      slugsOf('event').find((slug) => slug !== countingEvent && /^date: \d{4}-\d\d-\d\d$/m.test(read('event', slug))) ??
      '';
    edit('event', event, /^date: \d{4}-\d\d-\d\d$/m, 'date: 2013-02-20');
    const document = slugsOf('document').find((slug) => /^date: /m.test(read('document', slug))) ?? '';
    edit('document', document, /^date: .*$/m, 'date: "2012"');
    await buildRedated(3);
    expect(pageOf('articles', dated)).toContain('Date not stated');
    await expectFullBuild();
  }, 120_000);

  it('should make every view again when a date counts from another article', async () => {
    const other = slugsOf('article').find(
      (slug) => slug !== countedFrom && /^\d{4}-\d\d-\d\d$/.test(publishedOf(slug)),
    );
    edit('event', countingEvent, `source: ${countedFrom}`, `source: ${other}`);
    const built = await build();
    expect(built.reuse?.nameEdit).toBeUndefined();
    expect(built.reuse?.textEdits).toBeUndefined();
    await expectFullBuild();
  }, 120_000);
});
