import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { createUnregisteredNameCheck } from '../src/link/check-unregistered-names.ts';
import type { MentionTarget } from '../src/link/registry.ts';

const place = (slug: string): MentionTarget => ({ kind: 'place', slug });
const checkWith = (names: string[]) =>
  createUnregisteredNameCheck(new Map(names.map((name) => [name, place(name.toLowerCase().replaceAll(' ', '-'))])));

function warnings(names: string[], text: string, plain: readonly string[] = []): string[] {
  const file = new VFile({ path: 'content/articles/a.md', value: text });
  checkWith(names)(unified().use(remarkParse).parse(text), file, plain);
  return file.messages.map((message) => message.reason);
}

describe('names that are part of a registered or plain name', () => {
  const text = 'The delegation met Shen Fu on June 9.';

  it('should flag a name that looks like a person and is part of no known name', () => {
    expect(warnings([], text).join('\n')).toContain('"Shen Fu"');
    // Part of a word of a name is not part of the name.
    expect(warnings(['Shen Fuxing Road'], text).join('\n')).toContain('"Shen Fu"');
  });

  it('should not flag a run of whole words of a registered name', () => {
    expect(warnings(['Shen Fu New District'], text)).toEqual([]);
    expect(warnings(['Old Shen Fu Road'], text)).toEqual([]);
  });

  it("should not flag a run of whole words of one of the article's plain names", () => {
    expect(warnings([], text, ['Shen Fu Foundation'])).toEqual([]);
  });
});

describe('names that are part of a registered name, in a build that checks many texts', () => {
  it('should answer the same before and after it has listed every run of words (past 2,000 looks)', () => {
    const check = checkWith(['Shen Fu New District', 'Old Kim Dong Road']);
    const texts = ['The delegation met Shen Fu on June 9.', 'Kim Dong spoke.', 'Lu Ling visited Shen Fu.'];
    const reasons = (text: string) => {
      const file = new VFile({ path: 'content/articles/a.md', value: text });
      check(unified().use(remarkParse).parse(text), file, []);
      return file.messages.map((message) => message.reason);
    };
    const first = texts.map(reasons);
    for (let round = 0; round < 3000; round++) reasons(texts[round % texts.length] ?? '');
    expect(texts.map(reasons)).toEqual(first);
    // Lu Ling is part of no registered name, Shen Fu and Kim Dong are.
    expect(first.flat().join('\n')).toContain('"Lu Ling"');
    expect(first.flat().join('\n')).not.toMatch(/"Shen Fu"|"Kim Dong"/);
  });
});
