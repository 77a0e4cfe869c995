import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkLabels } from '../src/link/check-labels.ts';
import { type AnyParsedRecord, parseRecord } from '../src/parse/parse-record.ts';
import { LABEL_FIELDS } from '../src/schema/index.ts';

// The check is generic over the record-kind table's label fields; `plain`, a list of text on
// articles, stands in for one here, so these cases do not depend on which fields are labels.
const fields = { ...LABEL_FIELDS, article: ['plain'] };

function article(name: string, plain: string): AnyParsedRecord {
  const text = [
    '---',
    'title: A visit',
    'published: not stated',
    'added: 2026-11-22',
    'source: { reference: seed.txt }',
    'language: en',
    'summary: A visit.',
    `plain: ${plain}`,
    '---',
    'Text.',
    '',
  ].join('\n');
  const parsed = parseRecord(new VFile({ path: `content/articles/${name}.md`, value: text }), 'article');
  if (!parsed) throw new Error(`${name} must parse`);
  return parsed as AnyParsedRecord;
}

const messages = (records: readonly AnyParsedRecord[]) =>
  records.flatMap((record) => record.file.messages.map((message) => `${String(message)} ${message.ruleId}`));

describe('checkLabels', () => {
  it('should refuse two spellings of one label across records, pointing at the later file', () => {
    const records = [article('b', '[trade]'), article('a', '[Environment, Trade]')];
    checkLabels(records, fields);
    expect(messages(records)).toEqual([
      'content/articles/b.md:8:9-8:14: `plain` "trade" and "Trade" (content/articles/a.md:8:22) make the same page "trade": spell them one way duplicate-slug',
    ]);
  });

  it('should refuse a label listed twice in one record, and one that makes no slug', () => {
    const records = [article('a', '[Trade, Trade, 贸易, Trade!]')];
    checkLabels(records, fields);
    expect(messages(records)).toEqual([
      'content/articles/a.md:8:16-8:21: `plain` lists "Trade" twice: keep one duplicate-slug',
      'content/articles/a.md:8:23-8:25: `plain` "贸易" has no Latin letters or digits, so its page has no address: add a Latin spelling invalid-slug',
      'content/articles/a.md:8:27-8:33: `plain` lists "Trade" and "Trade!", which make the same page "trade": keep one duplicate-slug',
    ]);
  });

  it('should accept one spelling used by many records', () => {
    const records = [article('a', '[Trade]'), article('b', '[Trade, Environment]')];
    checkLabels(records, fields);
    expect(messages(records)).toEqual([]);
  });
});
