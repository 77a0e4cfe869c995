import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { SCAFFOLD_KINDS, scaffold, slugFromTitle } from '../src/author/scaffold.ts';
import { buildSite } from '../src/cli/build-site.ts';
import { readContent } from '../src/load/read-content.ts';
import { parseRecord } from '../src/parse/parse-record.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import { formatReport } from '../src/report/report.ts';
import { KIND_FOLDERS, RECORD_KINDS } from '../src/schema/index.ts';
import { frontMatterJsonSchema } from '../src/schema/json-schema.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const options = { today: '2026-11-22', existing: new Set<string>() };

describe('slugFromTitle', () => {
  it.each([
    ['Li Jinke', 'li-jinke'],
    ['Zhōu Bō', 'zhou-bo'],
    ['Dalian’s Mayor Meets the Delegation', 'dalians-mayor-meets-the-delegation'],
    ['  The "Three Regions" -- Cities!  ', 'the-three-regions-cities'],
    ['大连', ''],
  ])('should turn %j into %j', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it('should cut a long title at a word boundary', () => {
    const slug = slugFromTitle('one two three four five six seven eight nine ten eleven twelve', 30);
    expect(slug).toBe('one-two-three-four-five-six');
  });
});

describe('scaffold', () => {
  it.each(SCAFFOLD_KINDS)('should write a %s whose only problems are the fields the editor must fill', (kind) => {
    const made = scaffold(kind, 'Anshan Something', options);
    if ('error' in made) throw new Error(made.error);
    const file = new VFile({ path: `content/${made.path}`, value: made.text });
    parseRecord(file, made.kind);
    const rules = new Set(file.messages.map((message) => message.ruleId));
    // What is left to do is pointed at, never a syntax error in the scaffold itself.
    for (const rule of rules) expect(['empty-value', 'invalid-value', 'wrong-type']).toContain(rule);
    expect(made.text).toContain(`# yaml-language-server: $schema=../../schemas/${made.kind}.schema.json`);
  });

  it('should refuse a slug that is taken, and a title with no letters to make a slug from', () => {
    expect(scaffold('official', 'Li Jinke', { ...options, existing: new Set(['li-jinke']) })).toEqual({
      error:
        'There is already an official with the slug "li-jinke" (officials/li-jinke.md): pass --slug=… to choose another',
    });
    expect(scaffold('city', '大连', options)).toMatchObject({ error: expect.stringContaining('pass --slug=') });
    expect(scaffold('city', '大连', { ...options, slug: 'dalian-cn' })).toMatchObject({ path: 'places/dalian-cn.md' });
  });
});

describe('npm run new, followed by the authoring guide', () => {
  it('should add an article naming a known official, a new official and a new city, cross-linked both ways', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-new-'));
    const content = path.join(work, 'content');
    cpSync(path.join(root, 'content'), content, { recursive: true });
    const create = (...args: string[]) =>
      run(tsx, [path.join(root, 'src/cli/new.ts'), ...args, `--content=${content}`], { cwd: root });

    await create('article', 'Li Jinke meets Zhou Bo in Anshan');
    await create('official', 'Zhou Bo');
    await create('city', 'Anshan');
    const article = path.join(content, 'articles/li-jinke-meets-zhou-bo-in-anshan.md');
    const city = path.join(content, 'places/anshan.md');

    // Freshly scaffolded, the check points at what is left to fill in.
    const before = buildArchive(await readContent(content, work));
    expect(before.archive).toBeUndefined();
    expect(formatReport(before.files)).toMatch(/li-jinke-meets-zhou-bo-in-anshan\.md\n.*`source\.reference` is empty/);

    const filled = readFileSync(article, 'utf8')
      .replace('reference: ""', 'reference: "press-office-2026-101"')
      .replace('summary: ""', 'summary: "Li Jinke meets Zhou Bo in Anshan."');
    writeFileSync(article, `${filled}Li Jinke met Zhou Bo, mayor of Anshan, in Anshan yesterday.\n`);
    writeFileSync(city, readFileSync(city, 'utf8').replace('{ lat: , lon: }', '{ lat: 41.108, lon: 122.994 }'));
    // The guide's next step for a new official: the role the article gives, cited to it.
    const official = path.join(content, 'officials/zhou-bo.md');
    const role = 'roles: [{ title: "mayor of Anshan", source: li-jinke-meets-zhou-bo-in-anshan }]';
    writeFileSync(official, readFileSync(official, 'utf8').replace('roles: []', role));

    const after = buildArchive(await readContent(content, work));
    expect(formatReport(after.files)).toBe('');
    if (!after.archive) throw new Error('filled-in content must be valid');
    const output = path.join(work, '_site');
    await buildSite({ archive: after.archive, output });
    const page = (url: string) => readFileSync(path.join(output, url, 'index.html'), 'utf8');
    const articleUrl = '/articles/li-jinke-meets-zhou-bo-in-anshan/';
    for (const entity of ['/officials/li-jinke/', '/officials/zhou-bo/', '/cities/anshan/']) {
      expect(page(articleUrl)).toContain(`href="${entity}"`);
      expect(page(entity)).toContain(`href="${articleUrl}"`);
    }

    // Running it again never overwrites the filled-in file.
    const again = await create('article', 'Li Jinke meets Zhou Bo in Anshan').catch((error) => error);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('already an article') });
    expect(readFileSync(article, 'utf8')).toContain('Li Jinke met Zhou Bo, mayor of Anshan, in Anshan yesterday.');
  }, 120_000);
});

describe('schemas/ for editors', () => {
  it.each(RECORD_KINDS)('should hold the current JSON Schema of a %s (regenerate with npm run schemas)', (kind) => {
    const committed = readFileSync(path.join(root, 'schemas', `${kind}.schema.json`), 'utf8');
    expect(committed).toBe(frontMatterJsonSchema(kind));
  });

  it('should map every YAML record folder to its schema for VS Code', () => {
    const settings = JSON.parse(readFileSync(path.join(root, '.vscode/settings.json'), 'utf8'));
    for (const kind of RECORD_KINDS.filter((kind) => kind !== 'article')) {
      expect(settings['yaml.schemas'][`./schemas/${kind}.schema.json`]).toContain(
        `content/${KIND_FOLDERS[kind]}/*.yaml`,
      );
    }
  });
});
