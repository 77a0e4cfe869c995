import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/write-corpus.ts';
import { KIND_FOLDERS, LABEL_FIELD, type RecordKind } from '../src/schema/index.ts';
import { incrementalBuilds } from './helpers/incremental-builds.ts';
import { recordFiles } from './helpers/record-files.ts';

const work = mkdtempSync(path.join(tmpdir(), 'archive-name-edit-'));
const source = path.join(work, 'content');
const output = path.join(work, 'site');

const { build, expectFullBuild, fingerprints } = incrementalBuilds(work, source, output);

const { fileOf, slugsOf } = recordFiles(source);

/** The name a record is shown by, as its front matter writes it. */
function nameOf(kind: RecordKind, slug: string): string {
  const field = LABEL_FIELD[kind];
  const line = new RegExp(`^${field}: (.*)$`, 'm').exec(readFileSync(fileOf(kind, slug), 'utf8'));
  if (!line?.[1]) throw new Error(`${kind} ${slug} has no ${field}`);
  return line[1];
}

/** Gives a record another name; the first line of its front matter that holds it changes, nothing else. */
function rename(kind: RecordKind, slug: string, name: string): void {
  const field = LABEL_FIELD[kind];
  const text = readFileSync(fileOf(kind, slug), 'utf8');
  writeFileSync(fileOf(kind, slug), text.replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${name}`));
}

/**
 * Texts name records by their names: a record renamed while its old name is still one of its
 * aliases stays named by the same texts, so only its name changes. The corpus gives none aliases.
 */
function keepOldNameAsAlias(kind: RecordKind, slug: string): void {
  const field = LABEL_FIELD[kind];
  const text = readFileSync(fileOf(kind, slug), 'utf8');
  writeFileSync(fileOf(kind, slug), text.replace(new RegExp(`^(${field}: (.*))$`, 'm'), '$1\naliases:\n  - "$2"'));
}

/** Articles that share their publication date with another: their order among those is their titles'. */
function articlesSharingADate(): string[] {
  const byDate = new Map<string, string[]>();
  for (const slug of slugsOf('article')) {
    const date = /^published: (\d{4}-\d\d-\d\d)$/m.exec(readFileSync(fileOf('article', slug), 'utf8'))?.[1];
    if (date) byDate.set(date, [...(byDate.get(date) ?? []), slug]);
  }
  return [...byDate.values()].find((slugs) => slugs.length > 1) ?? [];
}

/** Records of each kind renamed below, with their old names kept as aliases before the first build. */
const renamed: Partial<Record<RecordKind, string>> = {};
/** The article retitled first: the last by title of the articles of one date. */
let retitled = '';
/** The event whose date counts from that article. */
let datedEvent = '';

/** Dates an event, which has no end, relatively to the article `slug`: "yesterday", counted from its publication. */
function dateFrom(slug: string): string {
  const event = slugsOf('event').find((candidate) => !/^end:/m.test(readFileSync(fileOf('event', candidate), 'utf8')));
  if (event === undefined) throw new Error('the corpus has an event without an end');
  const text = readFileSync(fileOf('event', event), 'utf8');
  const date = `date:\n  value: not stated\n  asWritten: yesterday\n  source: ${slug}\n`;
  writeFileSync(fileOf('event', event), text.replace(/^date:.*\n(?: {2}.*\n)*/m, date));
  return event;
}

beforeAll(async () => {
  await writeCorpus(source, { articles: 60, seed: 11 });
  for (const kind of ['official', 'place', 'organisation', 'event', 'document'] as const) {
    const slug = slugsOf(kind)[1];
    if (slug === undefined) throw new Error(`the corpus has no ${kind}`);
    keepOldNameAsAlias(kind, slug);
    renamed[kind] = slug;
  }
  const sameDate = articlesSharingADate().sort((a, b) => nameOf('article', a).localeCompare(nameOf('article', b)));
  retitled = sameDate.at(-1) ?? '';
  datedEvent = dateFrom(retitled);
  await build();
}, 120_000);

describe('the build after a rename', () => {
  it('should make only the views of the pages that show a retitled article, and equal a full build', async () => {
    // Of the articles of one date, the last by title goes to their head: the neighbours of articles
    // that never showed it change (the one just before them and just after), as do lists cut short.
    // An event's date counts from it, and its reason quotes the title.
    rename('article', retitled, `Aaa ${nameOf('article', retitled)}`);
    const built = await build();
    expect(built.reuse?.nameEdit?.records).toBe(1);
    expect(built.reuse?.nameEdit?.views).toBeGreaterThan(2);
    expect(built.reuse?.nameEdit?.views).toBeLessThan(fingerprints()?.pages.size ?? 0);
    // Shards read ahead, handed over once the site's other pages were rendered (continueSearch).
    expect(built.reuse?.searchShards.readAhead).toBeGreaterThan(0);
    const eventPage = readFileSync(path.join(output, 'events', datedEvent, 'index.html'), 'utf8');
    expect(eventPage).toContain('“Aaa ');
    await expectFullBuild();
  }, 120_000);

  it.each(['official', 'place', 'organisation', 'event', 'document'] as const)(
    'should make only the views of the pages that show a renamed %s, and equal a full build',
    async (kind) => {
      const slug = renamed[kind] ?? '';
      const dataOf = (record: string) => path.join(output, 'data', KIND_FOLDERS[kind], `${record}.json`);
      const other = slugsOf(kind).find((record) => record !== slug) ?? '';
      const otherData = statSync(dataOf(other)).ino;
      rename(kind, slug, `Aardvark ${nameOf(kind, slug)}`);
      const built = await build();
      expect(built.reuse?.nameEdit?.records).toBe(1);
      expect(built.reuse?.pages.rendered).toBeGreaterThan(0);
      // Only the renamed record's open data is made again; another's is the previous site's file.
      expect(readFileSync(dataOf(slug), 'utf8')).toContain('Aardvark ');
      expect(statSync(dataOf(other)).ino).toBe(otherData);
      await expectFullBuild();
    },
    120_000,
  );

  it('should take the same way for a rename and a text edit together, and equal a full build', async () => {
    const [article, other] = slugsOf('article');
    if (article === undefined || other === undefined) throw new Error('the corpus has articles');
    rename('article', article, `${nameOf('article', article)} (corrected)`);
    writeFileSync(fileOf('article', other), `${readFileSync(fileOf('article', other), 'utf8')}\nOne more sentence.\n`);
    const built = await build();
    expect(built.reuse?.nameEdit?.records).toBe(1);
    expect(readFileSync(path.join(output, 'articles', other, 'index.html'), 'utf8')).toContain('One more sentence.');
    await expectFullBuild();
  }, 120_000);

  it('should make every view again, each feed once, when a page is gone from the previous site', async () => {
    // The official renamed above, whose texts still name it by its first name, now an alias.
    const slug = renamed.official ?? '';
    const page = path.join(output, 'officials', slug, 'index.html');
    rmSync(page);
    rename('official', slug, `${nameOf('official', slug)} (renamed)`);
    const built = await build();
    expect(built.reuse?.nameEdit).toBeUndefined();
    expect(readFileSync(page, 'utf8')).toContain('(renamed)');
    await expectFullBuild();
  }, 120_000);

  it('should take the same way for a corrected summary, reaching only the pages that show it, and equal a full build', async () => {
    // One of several articles of a date: a new title would reach the pages of its neighbours too.
    const slug = articlesSharingADate()[0] ?? '';
    const url = `/articles/${slug}/`;
    const showing = [...(fingerprints()?.shows ?? [])].filter(([, shown]) => shown.includes(url)).length;
    const text = readFileSync(fileOf('article', slug), 'utf8');
    writeFileSync(fileOf('article', slug), text.replace(/^summary: (.*)$/m, 'summary: $1 Corrected.'));
    const built = await build();
    expect(built.reuse?.nameEdit?.records).toBe(1);
    expect(showing).toBeGreaterThan(0);
    expect(built.reuse?.nameEdit?.views).toBe(showing);
    expect(readFileSync(path.join(output, 'articles', slug, 'index.html'), 'utf8')).toContain(' Corrected.');
    await expectFullBuild();
  }, 120_000);

  it('should make every view again when more than names and summaries change', async () => {
    const slug = slugsOf('article')[3] ?? '';
    const text = readFileSync(fileOf('article', slug), 'utf8');
    writeFileSync(fileOf('article', slug), text.replace(/^( {2}reference: .*)\.txt$/m, '$1-corrected.txt'));
    const built = await build();
    expect(built.reuse?.nameEdit).toBeUndefined();
    expect(built.reuse?.textEdits).toBeUndefined();
    await expectFullBuild();
  }, 120_000);
});
