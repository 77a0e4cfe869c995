import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import type { RecordKind } from '../src/schema/index.ts';

const source = (path: string, kind: RecordKind, text: string): SourceFile => ({
  path,
  kind,
  bytes: new TextEncoder().encode(text),
});

const article = (plain: string, body: string) =>
  `---\ntitle: Trip\npublished: 2018-06\nadded: 2026-11-22\nsource: { reference: fixture }\nlanguage: en\nsummary: A trip.\n${plain}---\n${body}\n`;

const places = [
  source(
    'content/places/dalian.md',
    'place',
    '---\nname: Dalian\nkind: city\ncoordinates: { lat: 38.9, lon: 121.6 }\n---\n',
  ),
  source(
    'content/places/tianjin.md',
    'place',
    '---\nname: Tianjin\nkind: city\ncoordinates: { lat: 39.1, lon: 117.2 }\n---\n',
  ),
];
const body = 'On Dalian Road, Dalian and Tianjin met Wang Laoji. Tianjin again.';
const { archive, files } = buildArchive([
  ...places,
  source('content/articles/plain.md', 'article', article('plain: ["Tianjin", "Dalian Road", "Wang Laoji"]\n', body)),
  source('content/articles/linked.md', 'article', article('', body)),
]);

describe('plain: names an article keeps unlinked', () => {
  it('should not flag a plain name as unregistered', () => {
    expect(files.find((file) => file.path === 'content/articles/plain.md')?.messages.map(String)).toEqual([]);
  });

  it('should never link a plain name, nor a registered name inside one', () => {
    expect(archive?.bodies.get('article:plain')?.html).toBe(
      '<p>On Dalian Road, <a href="/cities/dalian/" class="mention mention-place">Dalian</a> and Tianjin met Wang Laoji. Tianjin again.</p>',
    );
    const mentions = archive?.bodies
      .get('article:plain')
      ?.mentions.map((mention) => `${mention.text} ${mention.start.line}:${mention.start.column}`);
    expect(mentions).toEqual(['Dalian 10:17']);
  });

  it('should leave the same names linked in an article without plain:', () => {
    const html = archive?.bodies.get('article:linked')?.html;
    expect(html).toContain('On <a href="/cities/dalian/" class="mention mention-place">Dalian</a> Road');
    expect(html).toContain('<a href="/cities/tianjin/" class="mention mention-place">Tianjin</a> met');
    expect(files.find((file) => file.path === 'content/articles/linked.md')?.messages.map(String)).toEqual([
      'content/articles/linked.md:9:40-9:50: "Wang Laoji" looks like a person\'s name but is not registered: add content/officials/wang-laoji.md, or list it under `plain:` in the front matter if it is not an entity',
    ]);
  });

  it('should refuse a plain: that is not a list of text', () => {
    const result = buildArchive([source('content/articles/bad.md', 'article', article('plain: Tianjin\n', body))]);
    expect(result.files[0]?.messages.map((message) => [String(message), message.ruleId])).toEqual([
      ['content/articles/bad.md:8:8-8:15: `plain` should be a list, not "Tianjin": change its value', 'wrong-type'],
    ]);
  });
});
