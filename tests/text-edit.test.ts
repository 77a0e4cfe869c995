import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/write-corpus.ts';
import { archiveShape, textOnlyChanges } from '../src/build/plan/archive-shape.ts';
import { BrokenLinksError, buildSite } from '../src/cli/build-site.ts';
import { readContent } from '../src/load/read-content.ts';
import { type Archive, buildArchive } from '../src/pipeline/build-archive.ts';
import { KIND_FOLDERS, RECORD_KINDS } from '../src/schema/index.ts';
import { incrementalBuilds } from './helpers/incremental-builds.ts';
import { snapshotSite } from './helpers/tree.ts';

const work = mkdtempSync(path.join(tmpdir(), 'archive-text-edit-'));
const content = path.join(work, 'content');
const SENTENCE = 'This sentence names nobody and was added in an edit.';

const archiveOf = async (folder: string): Promise<Archive> => {
  const archive = buildArchive(await readContent(folder, work)).archive;
  if (!archive) throw new Error(`${folder} must be valid`);
  return archive;
};

/** Puts `text` before the body of a Markdown record, above any mention in it. */
function insertText(source: string, text: string): string {
  return source.replace(/^(---\n[\s\S]*?\n---\n)/, `$1${text}\n\n`);
}

/** Adds `text` to the body of every Markdown file under `folder` that has one; returns their `kind:slug` keys. */
function appendToTexts(folder: string, text: string): string[] {
  const edited: string[] = [];
  for (const kind of RECORD_KINDS) {
    const kindFolder = path.join(folder, KIND_FOLDERS[kind]);
    if (!existsSync(kindFolder)) continue;
    for (const name of readdirSync(kindFolder).filter((file) => file.endsWith('.md'))) {
      const file = path.join(kindFolder, name);
      const source = readFileSync(file, 'utf8');
      const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
      if (body.trim() === '') continue;
      writeFileSync(file, insertText(source, text));
      edited.push(`${kind}:${name.slice(0, -'.md'.length)}`);
    }
  }
  return edited.sort();
}

beforeAll(async () => {
  await writeCorpus(content, { articles: 24, seed: 5 });
  // The corpus gives only articles a text: one record of every other kind gets one too.
  for (const kind of RECORD_KINDS.filter((other) => other !== 'article')) {
    const file = firstRecordFile(content, kind);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA note on this record, naming nobody.\n`);
  }
});

/** The first Markdown file of a kind's folder. */
function firstRecordFile(folder: string, kind: (typeof RECORD_KINDS)[number]): string {
  const kindFolder = path.join(folder, KIND_FOLDERS[kind]);
  const name = readdirSync(kindFolder)
    .filter((file) => file.endsWith('.md'))
    .sort()[0];
  if (name === undefined) throw new Error(`the corpus has no ${kind} in Markdown`);
  return path.join(kindFolder, name);
}

describe('what a text reaches', () => {
  it('should change only its article page, its open data and the full-text feed: the rest of the site is equal', async () => {
    const changed = path.join(work, 'changed-content');
    cpSync(content, changed, { recursive: true });
    const edited = appendToTexts(changed, SENTENCE);
    expect(edited.filter((key) => key.startsWith('article:'))).toHaveLength(24);
    expect(new Set(edited.map((key) => key.split(':')[0]))).toEqual(new Set(RECORD_KINDS));
    const [before, after] = [await archiveOf(content), await archiveOf(changed)];

    // The shapes agree that only these texts changed.
    const shapes = [archiveShape(before, 'site'), archiveShape(after, 'site')] as const;
    expect(textOnlyChanges(...shapes)?.sort()).toEqual(edited);

    await buildSite({ archive: before, output: path.join(work, 'before') });
    await buildSite({ archive: after, output: path.join(work, 'after') });
    const [one, two] = [snapshotSite(path.join(work, 'before')), snapshotSite(path.join(work, 'after'))];
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
    const differing = [...one.keys()].filter((file) => one.get(file) !== two.get(file)).sort();
    // What the text-edit build makes again (see archive-shape.ts), and nothing else.
    const mayDiffer = new Set([
      'feed.xml',
      'feed.json',
      ...edited.map((key) => {
        const [kind, slug] = key.split(':') as [keyof typeof KIND_FOLDERS, string];
        return path.join('data', KIND_FOLDERS[kind], `${slug}.json`);
      }),
      ...edited
        .filter((key) => key.startsWith('article:'))
        .map((key) => path.join('articles', key.slice('article:'.length), 'index.html')),
    ]);
    expect(differing.filter((file) => !mayDiffer.has(file))).toEqual([]);
    expect(differing).toContain(path.join('articles', edited[0]?.slice('article:'.length) ?? '', 'index.html'));
  }, 120_000);
});

describe('the shape of an archive', () => {
  it('should tell a text edit from any other change', async () => {
    const archive = await archiveOf(content);
    const shape = archiveShape(archive, 'site');
    expect(textOnlyChanges(shape, shape)).toEqual([]);
    // The code or where the site is published: everything may differ.
    expect(textOnlyChanges(shape, archiveShape(archive, 'another site'))).toBeUndefined();
    const [key, text] = [...shape.texts][0] ?? ['', ''];
    const texts = new Map(shape.texts).set(key, `${text}changed`);
    expect(textOnlyChanges(shape, { ...shape, texts })).toEqual([key]);
    // A record more or less.
    const fewer = new Map(shape.texts);
    fewer.delete(key);
    expect(textOnlyChanges(shape, { ...shape, texts: fewer })).toBeUndefined();
    // A front-matter value.
    const [first] = archive.records.article.values();
    if (!first) throw new Error('the corpus has articles');
    const retitled = new Map(archive.records.article).set(first.slug, {
      ...first,
      data: { ...first.data, title: `${first.data.title}!` },
    });
    const other = { ...archive, records: { ...archive.records, article: retitled } };
    expect(textOnlyChanges(shape, archiveShape(other, 'site'))).toBeUndefined();
  });
});

describe('the build after an edit', () => {
  const output = path.join(work, 'incremental');
  const source = path.join(work, 'edited-content');
  const articleFile = (slug: string) => path.join(source, 'articles', `${slug}.md`);
  const { build, expectFullBuild, fingerprints } = incrementalBuilds(work, source, output);
  let slug = '';

  beforeAll(async () => {
    cpSync(content, source, { recursive: true });
    slug = readdirSync(path.join(source, 'articles')).sort()[3]?.replace(/\.md$/, '') ?? '';
    await build();
  }, 120_000);

  it('should render only the article whose text changed, keep every other file, and equal a full build', async () => {
    const kept = path.join(output, 'index.html');
    const keptInode = statSync(kept).ino;
    // Above the names the text mentions, so every mention moves.
    writeFileSync(articleFile(slug), insertText(readFileSync(articleFile(slug), 'utf8'), SENTENCE));
    const built = await build();
    // The shard's other pages were read ahead from the previous site: only the edited one was read now.
    expect(built.reuse).toMatchObject({
      textEdits: 1,
      pages: { rendered: 1 },
      searchShards: { indexed: 1, readAhead: 1 },
    });
    expect(readFileSync(path.join(output, 'articles', slug, 'index.html'), 'utf8')).toContain(SENTENCE);
    // The home page was not made again: it is the previous site's file.
    expect(statSync(kept).ino).toBe(keptInode);
    await expectFullBuild();
  }, 120_000);

  it("should render no page when only an official's text changed: no page shows it, only its open data", async () => {
    const official = firstRecordFile(source, 'official');
    writeFileSync(official, insertText(readFileSync(official, 'utf8'), SENTENCE));
    const built = await build();
    expect(built.reuse).toMatchObject({ textEdits: 1, pages: { rendered: 0 }, files: { written: 1 } });
    const data = path.join(output, 'data', 'officials', path.basename(official).replace(/\.md$/, '.json'));
    expect(readFileSync(data, 'utf8')).toContain(SENTENCE);
    await expectFullBuild();
  }, 120_000);

  it('should rebuild every view when front matter changes, and equal a full build', async () => {
    const text = readFileSync(articleFile(slug), 'utf8');
    writeFileSync(articleFile(slug), text.replace(/^title: (.*)$/m, 'title: $1, retitled'));
    const before = fingerprints();
    const built = await build();
    expect(built.reuse?.textEdits).toBeUndefined();
    // The year's page lists the new title.
    const yearPages = readdirSync(path.join(output, 'years')).map((year) =>
      readFileSync(path.join(output, 'years', year, 'index.html'), 'utf8'),
    );
    expect(yearPages.filter((page) => page.includes('retitled'))).toHaveLength(1);
    // The new title shows in lists on pages of other shards, where Pagefind does not look: those
    // shards keep their index.
    const changed = [...(built.fingerprints?.pages ?? [])].filter(([url, print]) => before?.pages.get(url) !== print);
    const touched = (built.fingerprints?.shards ?? []).filter((shard) =>
      changed.some(([url]) => shard.urls.includes(url)),
    );
    expect(built.reuse?.searchShards.indexed).toBeGreaterThan(0);
    expect(built.reuse?.searchShards.indexed).toBeLessThan(touched.length);
    await expectFullBuild();
  }, 120_000);

  it('should rebuild every view when a text starts naming someone, and equal a full build', async () => {
    const official = readdirSync(path.join(source, 'officials')).sort()[0] ?? '';
    const name = /^name: (.*)$/m.exec(readFileSync(path.join(source, 'officials', official), 'utf8'))?.[1] ?? '';
    writeFileSync(articleFile(slug), `${readFileSync(articleFile(slug), 'utf8')}\nThey met ${name} later.\n`);
    const built = await build();
    expect(built.reuse?.textEdits).toBeUndefined();
    const officialPage = readFileSync(path.join(output, 'officials', official.replace(/\.md$/, ''), 'index.html'));
    expect(officialPage.toString()).toContain(`/articles/${slug}/`);
    await expectFullBuild();
  }, 120_000);

  it('should refuse a text edit that links a page the site does not have, and leave the site as it was', async () => {
    const before = snapshotSite(output);
    const text = readFileSync(articleFile(slug), 'utf8');
    writeFileSync(articleFile(slug), insertText(text, 'See [the other report](/articles/no-such-report/).'));
    await expect(build()).rejects.toThrow(BrokenLinksError);
    expect(snapshotSite(output)).toEqual(before);
    writeFileSync(articleFile(slug), text);
  }, 120_000);

  it.each([
    [
      'a record page',
      () => path.join('articles', readdirSync(path.join(output, 'articles')).sort()[0] ?? '', 'index.html'),
    ],
    [
      'an open-data file',
      () => path.join('data', 'officials', readdirSync(path.join(output, 'data', 'officials')).sort()[0] ?? ''),
    ],
    ['the home page', () => 'index.html'],
  ])(
    'should rebuild every view when %s is gone from the previous site, and put it back',
    async (_, file) => {
      const gone = path.join(output, file());
      rmSync(gone);
      writeFileSync(articleFile(slug), `${readFileSync(articleFile(slug), 'utf8')}\nOne more plain sentence.\n`);
      const built = await build();
      expect(built.reuse?.textEdits).toBeUndefined();
      expect(existsSync(gone)).toBe(true);
      await expectFullBuild();
    },
    120_000,
  );
});
