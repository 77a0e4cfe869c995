import { describe, expect, it, vi } from 'vitest';
import { MARKDOWN_LIMITS, scanMarkdownCost } from '../src/parse/markdown-budget.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';

// Policy (docs/security.md): Markdown the parser would spend minutes on is refused by a linear
// pre-scan, before the parser sees it. Each case is one that took the parser from tens of seconds to
// minutes; the test checks the refusal and its place, not the time, so it cannot be flaky. The
// Markdown parser is replaced by one that throws: a refusal that reaches it fails the test at once.

vi.mock('remark-parse', () => ({
  default: function remarkParseMustNotRun(this: { parser: unknown }) {
    this.parser = () => {
      throw new Error('the Markdown parser ran on input the pre-scan should refuse');
    };
  },
}));

const FRONT_MATTER = '---\nname: Council\nkind: commission\n---\n';
const BODY_LINE = 5;

const nestedLines = (count: number, line: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => line(index)).join('\n');

type Expected = readonly [rule: string, line: number, column: number];

const PATHOLOGICAL: readonly (readonly [string, () => string, Expected])[] = [
  ['100 KB of `*` and spaces (lists on one line)', () => `${'* '.repeat(50_000)}a`, ['nesting-too-deep', 5, 201]],
  ['100 KB of `*a` (emphasis marks)', () => '*a'.repeat(50_000), ['markdown-too-complex', 5, 401]],
  ['100 KB of `a_ ` (closers without openers)', () => 'a_ '.repeat(33_000), ['markdown-too-complex', 5, 602]],
  [
    '2,000 nested list levels',
    () => nestedLines(2_000, (index) => `${'  '.repeat(index)}- a`),
    ['nesting-too-deep', 105, 201],
  ],
  ['2,000 nested quotes on one line', () => `${'> '.repeat(2_000)}a`, ['nesting-too-deep', 5, 201]],
  ['20,000 setext headings', () => 'a\n=\n'.repeat(20_000), ['markdown-too-complex', 2832, 1]],
  ['20,000 `-` setext headings', () => 'a\n-\n'.repeat(20_000), ['markdown-too-complex', 2832, 1]],
  ['20,000 items with a nested item', () => '- a\n  - b\n'.repeat(20_000), ['markdown-too-complex', 37953, 1]],
  ['20,000 quotes between paragraphs', () => '> a\n\nb\n\n'.repeat(20_000), ['markdown-too-complex', 75898, 1]],
  ['50 levels of lists on 1,000 lines', () => `${'- '.repeat(50)}a\n`.repeat(1_000), ['markdown-too-complex', 854, 1]],
  ['20,000 lazy lines in a quote', () => `> a\n${'b\n'.repeat(20_000)}`, ['markdown-too-complex', 2006, 1]],
  ['100 KB of unclosed `<!--`', () => 'a <!-- '.repeat(15_000), ['markdown-too-complex', 5, 1403]],
  [
    'backtick runs of growing length',
    () => Array.from({ length: 300 }, (_, n) => `e${'`'.repeat(n + 1)}`).join(''),
    ['markdown-too-complex', 5, 20302],
  ],
  ['150,000 one-letter paragraphs', () => 'a\n\n'.repeat(150_000), ['markdown-too-complex', 200_005, 1]],
  ['100 KB of `[ (](` (unclosed links)', () => '[ (]('.repeat(20_000), ['markdown-too-complex', 5, 501]],
];

/** The messages of a file with `body`, through the whole pipeline, as [rule, line, column]. */
function messagesOf(body: string) {
  const { files } = buildArchive([
    {
      path: 'content/organisations/council.md',
      kind: 'organisation',
      bytes: new TextEncoder().encode(FRONT_MATTER + body),
    },
  ]);
  return (files[0]?.messages ?? []).map((message) => [message.ruleId, message.line, message.column]);
}

describe('the Markdown pre-scan', () => {
  it.each(PATHOLOGICAL)('should refuse %s before parsing', (_, make, expected) => {
    const body = make();
    const scanned = scanMarkdownCost(FRONT_MATTER + body, FRONT_MATTER.length);
    expect(scanned.map((refusal) => [refusal.ruleId, refusal.place.start.line, refusal.place.start.column])).toEqual([
      expected,
    ]);
    expect(messagesOf(body)).toEqual([expected]);
    expect(expected[1]).toBeGreaterThanOrEqual(BODY_LINE);
  });

  it.each([
    ['nested lists and quotes', '- a\n  - b\n    - c\n- d\n\n> quote\n> > inner\n\nText.'],
    ['setext headings in a long article', `${'Heading\n=======\n\nA paragraph of text.\n\n'.repeat(200)}`],
    ['emphasis and links', `${'**Bold**, _italic_ and [a link](/articles/). '.repeat(30)}`],
    ['words with underscores', 'snake_case_word '.repeat(2_000)],
    ['fenced code full of marks', `\`\`\`\n${'*a_ [ '.repeat(2_000)}\n\`\`\``],
    ['a run of `*` alone (a thematic break)', '*'.repeat(100_000)],
    ['100 levels of quotes', `${'> '.repeat(100)}a`],
    ['20,000 empty list items', '-\n'.repeat(20_000)],
  ])('should accept %s', (_, body) => {
    expect(scanMarkdownCost(FRONT_MATTER + body, FRONT_MATTER.length)).toEqual([]);
  });

  it('should count lines from the start of the file, front matter included', () => {
    const [refusal] = scanMarkdownCost(`${FRONT_MATTER}Text.\n\n${'a* '.repeat(201)}`, FRONT_MATTER.length);
    expect(refusal?.place.start).toEqual({ line: 7, column: 3 * MARKDOWN_LIMITS.inlineMarks + 2 });
  });
});
