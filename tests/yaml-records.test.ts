import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import { formatReport } from '../src/report/report.ts';
import type { RecordKind } from '../src/schema/index.ts';

const source = (path: string, kind: RecordKind, text: string): SourceFile => ({
  path,
  kind,
  bytes: new TextEncoder().encode(text),
});

const article = source(
  'content/articles/visit.md',
  'article',
  [
    '---',
    'title: Li Jinke visits Anshan',
    'published: 2018-06-20',
    'added: 2026-11-22',
    'source: { reference: "press-office-1" }',
    'language: en',
    'summary: Li Jinke visits Anshan.',
    '---',
    'Li Jinke visited Anshan.',
    '',
  ].join('\n'),
);

describe('records kept as YAML files', () => {
  it('should read an official and a city from .yaml and .yml files and link their names', () => {
    const { archive, files } = buildArchive([
      article,
      source(
        'content/officials/li-jinke.yaml',
        'official',
        'name: Li Jinke\naliases: [Mr Li]\nroles: [{ title: vice mayor, source: visit }]\n',
      ),
      source(
        'content/places/anshan.yml',
        'place',
        'name: Anshan\nkind: city\ncoordinates: { lat: 41.108, lon: 122.994 }\n',
      ),
    ]);
    expect(formatReport(files)).toBe('');
    expect(archive?.records.official.get('li-jinke')?.data.aliases).toEqual(['Mr Li']);
    expect(archive?.bodies.get('article:visit')?.html).toBe(
      '<p><a href="/officials/li-jinke/" class="mention mention-official">Li Jinke</a> visited <a href="/cities/anshan/" class="mention mention-place">Anshan</a>.</p>',
    );
  });

  it('should report problems at their place in the YAML file', () => {
    const { files } = buildArchive([
      source('content/officials/li-jinke.yaml', 'official', '# Vice mayor\nname: Li Jinke\nnmae: typo\n'),
      source('content/officials/li-qiang.yaml', 'official', 'name: Li Qiang\nname: again\n'),
    ]);
    const report = formatReport(files);
    expect(report).toMatch(/li-jinke\.yaml\n\s*3:1-3:5\s+error\s+Unknown key `nmae`/);
    expect(report).toMatch(/li-qiang\.yaml\n\s*2:1-2:2\s+error\s+Key appears twice in the file/);
  });

  it('should refuse an article kept as YAML, since it has no text', () => {
    const { files } = buildArchive([source('content/articles/visit.yaml', 'article', 'title: A visit\n')]);
    expect(formatReport(files)).toMatch(/1:1\s+error\s+An article needs its text, so it must be a Markdown file/);
  });

  it('should treat li-jinke.md and li-jinke.yaml as the same slug twice', () => {
    const { files } = buildArchive([
      source('content/officials/li-jinke.md', 'official', '---\nname: Li Jinke\n---\n'),
      source('content/officials/li-jinke.yaml', 'official', 'name: Li Jinke\n'),
    ]);
    expect(formatReport(files)).toMatch(/Duplicate slug `li-jinke`/);
  });
});
