import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeContentFile, MAX_FILE_BYTES } from '../src/parse/decode.ts';
import { RULES } from '../src/report/rules.ts';
import { buildFixture, FIXTURES, fixtureCases } from './helpers/fixtures.ts';

const cases = fixtureCases('rules');
// Rules that only warn: the archive is still built, unless the build runs with `--strict`.
const WARNINGS = new Set([
  'unregistered-name',
  'unusual-space',
  'confusable-name',
  'confusable-mention',
  'official-without-role',
  'needs-review',
]);

// A case folder is named after its rule; `<rule>--<variant>` and `missing-key-city` are further cases of it.
const ruleOf = (name: string) => name.replace(/--.*$/, '').replace(/-(city)$/, '');

describe('content rules', () => {
  it.each(cases)('should report %s with its exact message and position', async (name) => {
    const caseDir = path.join(FIXTURES, 'rules', name);
    const { archive, report, files } = await buildFixture(caseDir);
    const rule = ruleOf(name);
    expect(files.flatMap((file) => file.messages.map((message) => message.ruleId))).toContain(rule);
    if (WARNINGS.has(rule)) {
      expect(archive).toBeDefined();
      expect(files.flatMap((file) => file.messages.filter((message) => message.fatal !== false))).toEqual([]);
    } else {
      expect(archive).toBeUndefined();
    }
    await expect(`${report}\n`).toMatchFileSnapshot(path.join(caseDir, 'expected.txt'));
  });

  it('should have a fixture for every rule', () => {
    const covered = new Set(cases.map(ruleOf));
    // Too large to keep as a fixture file, or not storable in git: covered by tests/paths.test.ts.
    covered.add('file-too-large');
    covered.add('not-a-file');
    expect(Object.keys(RULES).filter((rule) => !covered.has(rule))).toEqual([]);
  });

  it('should count a lone CR as a line end when pointing at a bad byte, as positions elsewhere do', () => {
    const file = decodeContentFile('content/articles/mac.md', Uint8Array.from([0x61, 0x0d, 0x62, 0x80]));
    expect(file.messages[0]?.place).toEqual({ line: 2, column: 2 });
  });

  it('should refuse a file over the size limit without decoding it', () => {
    const file = decodeContentFile('content/articles/huge.md', new Uint8Array(MAX_FILE_BYTES + 1).fill(65));
    expect(String(file.messages[0])).toBe(
      `content/articles/huge.md:1:1: File is ${MAX_FILE_BYTES + 1} bytes, over the ${MAX_FILE_BYTES}-byte limit: split it, or move attachments out of content/`,
    );
    expect(file.messages[0]?.ruleId).toBe('file-too-large');
  });
});
