/** One shape of Markdown that may cost the parser more than linear time, made at any size. */
export interface MarkdownShape {
  readonly name: string;
  /** The size measured first: twice and four times it are measured too. */
  readonly n: number;
  readonly make: (n: number) => string;
}

const lines = (n: number, line: (index: number) => string): string =>
  Array.from({ length: n }, (_, index) => line(index)).join('\n');

/**
 * Shapes known to be slow in CommonMark parsers (after commonmark.js's pathological tests), and
 * shapes of ordinary text of the same size to compare them with.
 */
export const MARKDOWN_SHAPES: readonly MarkdownShape[] = [
  { name: 'plain words (for comparison)', n: 100_000, make: (n) => 'word '.repeat(n) },
  { name: 'short lines (for comparison)', n: 20_000, make: (n) => lines(n, () => 'A sentence.') },
  { name: 'a run of `*`', n: 2_000, make: (n) => '*'.repeat(n) },
  { name: 'a run of `_`', n: 2_000, make: (n) => '_'.repeat(n) },
  { name: 'runs of 3 `*` between words', n: 2_000, make: (n) => 'a *** '.repeat(n) },
  { name: '`*a ` openers without closers', n: 2_000, make: (n) => '*a '.repeat(n) },
  { name: '`a_ ` closers without openers', n: 2_000, make: (n) => 'a_ '.repeat(n) },
  { name: 'mismatched `*a_ `', n: 2_000, make: (n) => '*a_ '.repeat(n) },
  { name: 'multiple of 3 `c* `', n: 2_000, make: (n) => `a**b${'c* '.repeat(n)}` },
  { name: 'nested `*a **a … a** a*`', n: 1_000, make: (n) => `${'*a **a '.repeat(n)}b${' a** a*'.repeat(n)}` },
  { name: '`[a` link openers', n: 10_000, make: (n) => '[a'.repeat(n) },
  { name: '`a]` link closers', n: 10_000, make: (n) => 'a]'.repeat(n) },
  { name: '`[` … `]` nested brackets', n: 5_000, make: (n) => `${'['.repeat(n)}a${']'.repeat(n)}` },
  { name: '`[ (](` repeated', n: 1_000, make: (n) => '[ (]('.repeat(n) },
  { name: '`[ a_` openers and closers', n: 10_000, make: (n) => '[ a_'.repeat(n) },
  { name: '`[a](<b` unclosed links', n: 10_000, make: (n) => '[a](<b'.repeat(n) },
  { name: '`[a](b` unclosed links', n: 10_000, make: (n) => '[a](b'.repeat(n) },
  { name: '`![` image openers', n: 10_000, make: (n) => '!['.repeat(n) },
  { name: 'backtick runs of growing length', n: 300, make: (n) => lines(1, () => growing(n, '`')) },
  { name: 'a run of backticks', n: 20_000, make: (n) => '`'.repeat(n) },
  { name: '`` `a `` unclosed code', n: 10_000, make: (n) => '`a '.repeat(n) },
  { name: 'a run of `<`', n: 20_000, make: (n) => '<'.repeat(n) },
  { name: '`<a` unclosed tags', n: 10_000, make: (n) => '<a '.repeat(n) },
  { name: '`<!--` unclosed comments', n: 10_000, make: (n) => 'a <!-- '.repeat(n) },
  { name: '`&#` character references', n: 10_000, make: (n) => '&#'.repeat(n) },
  { name: 'a run of `\\`', n: 20_000, make: (n) => '\\'.repeat(n) },
  { name: '`> ` quotes on one line', n: 1_000, make: (n) => `${'> '.repeat(n)}a` },
  { name: '`- ` lists on one line', n: 500, make: (n) => `${'- '.repeat(n)}a` },
  { name: '`1. ` lists on one line', n: 500, make: (n) => `${'1. '.repeat(n)}a` },
  { name: 'lists indented a level a line', n: 100, make: (n) => lines(n, (i) => `${'  '.repeat(i)}- a`) },
  { name: 'quotes a level deeper a line', n: 100, make: (n) => lines(n, (i) => `${'>'.repeat(i + 1)} a`) },
  { name: 'setext `=` headings', n: 500, make: (n) => lines(n, () => 'a\n=') },
  { name: 'setext `-` headings', n: 500, make: (n) => lines(n, () => 'a\n-') },
  { name: 'setext `=` under blank lines', n: 500, make: (n) => lines(n, () => 'a\n=\n') },
  { name: '`*a` both-flanking marks', n: 2_000, make: (n) => '*a'.repeat(n) },
  { name: 'nested items in a list', n: 500, make: (n) => lines(n, () => '- a\n  - b') },
  { name: 'quotes between paragraphs', n: 500, make: (n) => lines(n, () => '> a\n\nb\n') },
  { name: 'one-letter paragraphs', n: 10_000, make: (n) => lines(n, () => 'a\n') },
  { name: 'ATX headings (for comparison)', n: 20_000, make: (n) => lines(n, () => '# a') },
  { name: 'lazy lines in a quote', n: 20_000, make: (n) => `> a\n${lines(n, () => 'b')}` },
  { name: 'list items (for comparison)', n: 20_000, make: (n) => lines(n, () => '- a') },
  { name: 'empty list items', n: 20_000, make: (n) => lines(n, () => '-') },
  { name: 'definitions and references', n: 1_000, make: (n) => lines(n, (i) => `[${i}]: /u\n\n[${i}]`) },
  { name: 'hard breaks', n: 20_000, make: (n) => lines(n, () => 'a  ') },
  { name: 'a line of spaces', n: 200_000, make: (n) => `a${' '.repeat(n)}b` },
  { name: 'thematic breaks', n: 20_000, make: (n) => lines(n, () => '* * *') },
];

function growing(n: number, mark: string): string {
  let text = '';
  for (let length = 1; length <= n; length++) text += `e${mark.repeat(length)}`;
  return text;
}
