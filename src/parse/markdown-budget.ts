import type { Position } from 'unist';
import type { RuleId } from '../report/rules.ts';
import { type OpenContainer, readContainers } from './markdown-blocks.ts';

/**
 * Limits on the Markdown shapes that make the parser (micromark) slower than linear, measured with
 * src/bench/markdown-cost.ts; docs/security.md has the figures.
 */
export const MARKDOWN_LIMITS = {
  /** Quotes and list items inside each other; later steps are recursive, and each level costs every line. */
  depth: 100,
  /**
   * Runs of `*`, `_` or backticks, and `[`, `]` or `<`, in one paragraph: the parser matches each
   * closing one against all the paragraph before it, or looks for its end in all the paragraph after it.
   */
  inlineMarks: 200,
  /**
   * Each setext underline makes the parser go over the blocks before it again; the sum of those
   * lengths, counted in lines and container marks, is capped.
   */
  setextReread: 2_000_000,
  /**
   * The same for each end of a quote or nested list. Higher, so that a long article with a quote
   * and a nested list in every section (the 5 MB one of tests/odd-files.test.ts) still passes.
   */
  endReread: 900_000_000,
  /** The same for lines that continue a paragraph in a quote without its `>`, over that paragraph. */
  lazyReread: 2_000_000,
  /**
   * Paragraphs, headings, list items, quotes and code blocks in one file. Each costs the parser far
   * more than its text (a tokenizer of its own), so a file of one-letter paragraphs took minutes.
   */
  blocks: 100_000,
} as const;

/** A shape the parser would take too long on, found before parsing. */
export interface CostRefusal {
  readonly ruleId: Extract<RuleId, 'nesting-too-deep' | 'markdown-too-complex'>;
  readonly reason: string;
  readonly place: Position;
}

const LINE = /\r\n|\n|\r/g;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const OTHER_BLOCK = /^(?: {0,3}(?:#{1,6}(?:[ \t]|$)|(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$)| {4})/;

/**
 * Finds, in one pass over the text from `bodyOffset`, the Markdown the parser would spend more than
 * linear time on: nesting past the depth limit, paragraphs with too many emphasis marks, and too
 * many setext headings and ends of quotes or nested lists for the text's length. Pure and linear,
 * so that it can run before the parser and spare it such input. Reports each kind once.
 */
export function scanMarkdownCost(text: string, bodyOffset: number): CostRefusal[] {
  const refusals: CostRefusal[] = [];
  const seen = new Set<string>();
  const refuse = (kind: string, refusal: CostRefusal) => {
    if (!seen.has(kind)) refusals.push(refusal);
    seen.add(kind);
  };
  let line = 1 + (text.slice(0, bodyOffset).match(LINE)?.length ?? 0);
  let stack: OpenContainer[] = [];
  let paragraph = false;
  let fence: string | undefined;
  let runs = 0;
  // What the parser would read again, in lines and container marks: see MARKDOWN_LIMITS.
  const reread = { setext: 0, end: 0, lazy: 0 };
  const counts = { setext: 0, end: 0, lazy: 0 };
  let tokens = 0;
  let blocks = 0;
  let paragraphTokens = 0;
  for (let start = bodyOffset; start < text.length; line++) {
    LINE.lastIndex = start;
    const match = LINE.exec(text);
    const end = match ? match.index : text.length;
    const source = text.slice(start, end);
    start = match ? match.index + match[0].length : text.length;
    const containers = readContainers(source, stack, MARKDOWN_LIMITS.depth, paragraph);
    const depth = containers.continued + containers.opened.length;
    if (depth > MARKDOWN_LIMITS.depth) {
      const column = containers.opened.at(-1)?.column ?? 1;
      refuse('depth', {
        ruleId: 'nesting-too-deep',
        reason: `Markdown is nested more than ${MARKDOWN_LIMITS.depth} levels deep (quotes, lists or emphasis inside each other): flatten it`,
        place: span(line, column, source.length + 1),
      });
      break;
    }
    const content = source.slice(containers.contentStart);
    const blank = content.trim() === '';
    const lazy = paragraph && containers.opened.length === 0 && containers.continued < stack.length && !blank && !fence;
    // A lazy line (paragraph text that continues a quote or item without its marker) makes the
    // parser look back over the whole paragraph for what it continues.
    if (lazy) {
      counts.lazy++;
      reread.lazy += tokens - paragraphTokens;
    }
    if (!lazy) {
      const left = stack.length - containers.continued - (containers.sibling ? 1 : 0);
      if (left > 0) {
        counts.end++;
        // Every container that ends adds its own exits to what is moved.
        reread.end += tokens * left;
      }
      if (containers.continued < stack.length || containers.opened.length > 0) {
        paragraph = false;
        fence = undefined;
        runs = 0;
      }
      stack = [...stack.slice(0, containers.continued), ...containers.opened.map((opened) => opened.container)];
    }
    tokens += 1 + depth;
    blocks += containers.opened.length;
    if (fence !== undefined) {
      if (content.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    if (paragraph && containers.opened.length === 0 && SETEXT_UNDERLINE.test(content)) {
      counts.setext++;
      reread.setext += tokens;
      paragraph = false;
    } else if (blank) {
      paragraph = false;
    } else if (FENCE.test(content)) {
      fence = FENCE.exec(content)?.[1];
      paragraph = false;
      blocks++;
    } else if (!paragraph && OTHER_BLOCK.test(content)) {
      paragraph = false;
      blocks++;
    } else {
      if (!paragraph) {
        runs = 0;
        paragraphTokens = tokens;
        blocks++;
      }
      paragraph = true;
    }
    if (!paragraph) runs = 0;
    if (blocks > MARKDOWN_LIMITS.blocks) {
      refuse('blocks', {
        ruleId: 'markdown-too-complex',
        reason: `More than ${MARKDOWN_LIMITS.blocks} paragraphs, headings, list items and quotes in one file: the parser takes minutes on so many. Split the file into several articles`,
        place: span(line, 1, source.length + 1),
      });
    }
    for (const kind of REREAD_KINDS) {
      if (reread[kind] <= MARKDOWN_LIMITS[`${kind}Reread`]) continue;
      refuse(kind, {
        ruleId: 'markdown-too-complex',
        reason: REREAD_REASONS[kind](counts[kind]),
        place: span(line, 1, source.length + 1),
      });
    }
    runs = countInlineMarks(content, runs, (index) => {
      refuse('emphasis', {
        ruleId: 'markdown-too-complex',
        reason: `A paragraph has more than ${MARKDOWN_LIMITS.inlineMarks} emphasis, link or code marks (runs of \`*\`, \`_\` or backticks, \`[\`, \`]\`, \`<\`): the parser matches each against all the others. Escape the ones that are not markup (\`\\*\`, \`\\[\`, \`\\<\`), or split the paragraph`,
        place: span(line, containers.contentStart + index + 1, containers.contentStart + index + 2),
      });
    });
  }
  return refusals;
}

const REREAD_KINDS = ['setext', 'end', 'lazy'] as const;

const REREAD_REASONS: Readonly<Record<(typeof REREAD_KINDS)[number], (count: number) => string>> = {
  setext: (count) =>
    `Too many setext headings (${count}, titles underlined with \`=\` or \`-\`) for a text this long: the parser reads the text before each again. Write headings as \`## Title\`, or split the file`,
  end: (count) =>
    `Too many ends of quotes or nested lists (${count}) for a text this long: the parser reads the text before each again. Split the file, or flatten the lists`,
  lazy: (count) =>
    `Too many lines (${count}) continue a paragraph in a quote or list without its \`>\` or indent: the parser looks back over the paragraph at each. Start each line of the quote with \`>\`, or split the paragraph`,
};

/** Counts emphasis runs and brackets in `content` on from `runs`, calling `over` where they pass the limit. */
function countInlineMarks(content: string, runs: number, over: (index: number) => void): number {
  let count = runs;
  for (let index = 0; index < content.length; index++) {
    const char = content[index];
    if (char === '\\') {
      index++;
    } else if (((char === '*' || char === '_' || char === '`') && content[index - 1] !== char) || BRACKETS.has(char)) {
      // `_` inside a word (`snake_case`) can neither open nor close, so the parser never matches it.
      if (char === '_' && isWordCharacter(content[index - 1]) && isWordCharacter(content[runEnd(content, index)])) {
        continue;
      }
      count++;
      if (count === MARKDOWN_LIMITS.inlineMarks + 1) over(index);
    }
  }
  return count;
}

// `[` and `]` are matched like emphasis; `<` starts an autolink or HTML that is looked for up to
// the paragraph's end, as a backtick run looks for its closing run.
const BRACKETS: ReadonlySet<string | undefined> = new Set(['[', ']', '<']);
const WORD = /[\p{L}\p{N}]/u;

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

function runEnd(content: string, index: number): number {
  let end = index;
  while (content[end] === content[index]) end++;
  return end;
}

function span(line: number, column: number, endColumn: number): Position {
  return { start: { line, column }, end: { line, column: endColumn } };
}
