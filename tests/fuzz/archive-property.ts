import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { SourceFile } from '../../src/load/read-content.ts';
import { buildArchive } from '../../src/pipeline/build-archive.ts';
import { isRuleId } from '../../src/report/rules.ts';
import { KIND_FOLDERS, RECORD_KINDS, type RecordKind } from '../../src/schema/index.ts';

// Random and mutated content for the pure pipeline: parse, validate, link and render.

const root = path.resolve(import.meta.dirname, '../..');

/** The shipped content files, as seeds to mutate: valid input is where the interesting edges are. */
const SEEDS: readonly { kind: RecordKind; text: string }[] = RECORD_KINDS.flatMap((kind) => {
  const folder = path.join(root, 'content', KIND_FOLDERS[kind]);
  return readdirSync(folder).map((name) => ({ kind, text: readFileSync(path.join(folder, name), 'utf8') }));
});

const KEYS = [
  'title',
  'name',
  'slug',
  'kind',
  'date',
  'end',
  'published',
  'added',
  'source',
  'language',
  'summary',
  'reports',
];
const KEYS_MORE = [
  'plain',
  'aliases',
  'place',
  'within',
  'participants',
  'roles',
  'coordinates',
  'note',
  'partOf',
  'titel',
];

const scalar = fc.oneof(
  fc.constantFrom('dalian', 'tan-chengxu', 'not stated', '2018-06-20', '2018-02-30', 'city', 'visit', 'en', ''),
  fc.constantFrom('"../x"', 'con', '~', 'null', '[]', '{}', '&a x', '*a', '!!binary aGk=', '|', '>', "'", '"'),
  fc.constantFrom('{ lat: 1, lon: 2 }', '{ value: 2018, inferredFrom: x }', '[a, b, ]', '"\\0"', '"\\u2028"'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** One line of front matter: a key and value, a list item, nesting, or noise. */
const frontMatterLine = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS, ...KEYS_MORE), scalar).map(([key, value]) => `${key}: ${value}`),
  fc.tuple(fc.nat({ max: 6 }), scalar).map(([indent, value]) => `${' '.repeat(indent)}- ${value}`),
  fc
    .tuple(fc.nat({ max: 6 }), fc.constantFrom(...KEYS_MORE, 'official', 'role', 'lat'), scalar)
    .map(([indent, key, value]) => `${' '.repeat(indent)}${key}: ${value}`),
  fc.constantFrom('---', '# comment', '', '\t', '? complex', ': x', '- - -', '...'),
  fc.string({ maxLength: 40 }),
);

const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JAVA\tSCRIPT:x',
  'data:text/html,x',
  '//evil',
  'official:../x',
  'https://e.x/',
];

/** One block of Markdown: common syntax, hostile HTML and links, and noise. */
const markdownBlock = fc.oneof(
  fc.constantFrom(
    '# Heading',
    'Setext\n===',
    '- a\n  - b\n    - c',
    '1. one\n2. two',
    '> quote\n> > nested',
    '```\ncode\n```',
  ),
  fc.constantFrom(
    '*em* **strong** _x_ __y__',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<!-- c -->',
  ),
  fc.constantFrom('Tan Chengxu met Dalian officials.', '[the mayor](official:tan-chengxu)', '[x](official:nobody)'),
  fc.constantFrom(
    '&amp; &lt; &#0; &#x110000; &bogus;',
    '\\',
    '`',
    '[a]: b',
    '[a]',
    '---',
    '***',
    '| a | b |\n|---|---|',
  ),
  fc
    .tuple(fc.constantFrom('[x]', '![x]', '[x][r]\n\n[r]:'), fc.constantFrom(...HOSTILE_URLS))
    .map(([text, url]) => (text.endsWith(':') ? `${text} ${url}` : `${text}(${url})`)),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** A file put together from front matter lines and Markdown blocks. */
const generatedText = fc
  .tuple(fc.array(frontMatterLine, { maxLength: 12 }), fc.array(markdownBlock, { maxLength: 8 }), fc.boolean())
  .map(([lines, blocks, closed]) => `---\n${lines.join('\n')}\n${closed ? '---\n' : ''}${blocks.join('\n\n')}`);

/** A change to a text: insert, delete, duplicate or replace, at any offset. */
interface Mutation {
  readonly op: 'insert' | 'delete' | 'duplicate' | 'replace';
  readonly at: number;
  readonly text: string;
  readonly length: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'duplicate', 'replace'),
  at: fc.nat(),
  text: fc.oneof(
    scalar,
    markdownBlock,
    fc.constantFrom('\n', '\r\n', ': ', '- ', '---'),
    fc.string({ unit: 'binary', maxLength: 3 }),
  ),
  length: fc.nat({ max: 200 }),
});

function mutate(text: string, { op, at, text: inserted, length }: Mutation): string {
  const offset = at % (text.length + 1);
  if (op === 'insert') return text.slice(0, offset) + inserted + text.slice(offset);
  if (op === 'delete') return text.slice(0, offset) + text.slice(offset + length);
  if (op === 'duplicate') return text.slice(0, offset + length) + text.slice(offset);
  return text.slice(0, offset) + inserted + text.slice(offset + inserted.length);
}

const mutatedSeed = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([seed, changes]) => ({ kind: seed.kind, text: changes.reduce(mutate, seed.text) }));

/** Line endings and a byte order mark, as editors on other systems write them. */
const encoding = fc.record({ crlf: fc.boolean(), bom: fc.boolean(), cutFinalNewline: fc.boolean() });

const sourceFile = fc
  .tuple(
    fc.oneof(
      mutatedSeed,
      fc.tuple(fc.constantFrom(...RECORD_KINDS), generatedText).map(([kind, text]) => ({ kind, text })),
    ),
    encoding,
    fc.oneof(
      fc.constantFrom('council', 'dalian', 'tan-chengxu', 'Odd Name', 'con', '谭成旭'),
      fc.string({ maxLength: 12 }),
    ),
    fc.option(fc.uint8Array({ maxLength: 64 }), { freq: 10 }),
  )
  .map(([{ kind, text }, { crlf, bom, cutFinalNewline }, name, rawBytes]): SourceFile => {
    let shaped = crlf ? text.replace(/\r?\n/g, '\r\n') : text;
    if (cutFinalNewline) shaped = shaped.replace(/\r?\n$/, '');
    const bytes = rawBytes ?? new TextEncoder().encode((bom ? '\uFEFF' : '') + shaped);
    return { path: `content/${KIND_FOLDERS[kind]}/${name}.md`, kind, bytes };
  });

/** One to four content files, for one run of the pipeline. */
export const contentSources = fc.array(sourceFile, { minLength: 1, maxLength: 4 });

/**
 * Whether a point lies in the file as unified counts lines (vfile-location: LF, CRLF or a lone CR
 * ends a line; a column may point just past a line's last character). A BOM is not text.
 */
function insideFile(bytes: Uint8Array): (point: { line: number; column: number }) => boolean {
  const place = location(new VFile(new TextDecoder('utf-8').decode(bytes)));
  return (point) => place.toOffset(point) !== undefined;
}

/**
 * The property: the pipeline never throws, every message carries a known rule and a position inside
 * its file, and a run without errors yields an archive with a record for each file.
 */
export function checkSources(sources: readonly SourceFile[]): void {
  const { archive, files } = buildArchive(sources);
  sources.forEach((source, index) => {
    const file = files[index];
    if (file === undefined) throw new Error(`no result for ${source.path}`);
    const inside = insideFile(source.bytes);
    for (const message of file.messages) {
      if (!isRuleId(message.ruleId)) throw new Error(`unknown rule ${message.ruleId}: ${message.reason}`);
      const { start, end } =
        message.place && 'start' in message.place ? message.place : { start: message.place, end: undefined };
      for (const point of [start, end]) {
        if (point === undefined) {
          if (point === start) throw new Error(`message without a position: ${message.reason}`);
          continue;
        }
        if (!inside(point)) {
          throw new Error(`position ${point.line}:${point.column} outside ${source.path}: ${message.reason}`);
        }
      }
    }
  });
  const hasErrors = files.some((file) => file.messages.some((message) => message.fatal));
  if (hasErrors !== (archive === undefined)) throw new Error('an archive must exist exactly when there are no errors');
  if (archive) {
    const records = RECORD_KINDS.reduce((count, kind) => count + archive.records[kind].size, 0);
    if (records !== sources.length) throw new Error(`${sources.length} files but ${records} records, and no error`);
    for (const [key, body] of archive.bodies) {
      if (/<script|\son[a-z]+=|javascript:|<iframe|\sstyle=/i.test(body.html)) throw new Error(`unsafe HTML in ${key}`);
    }
  }
}

/** The property as fast-check runs it. */
export const archiveProperty = fc.property(contentSources, (sources) => {
  checkSources(sources);
});
