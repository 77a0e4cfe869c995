/** An open quote or list item while scanning lines; an item's content starts `indent` columns in. */
export type OpenContainer = { readonly kind: 'quote' } | { readonly kind: 'item'; readonly indent: number };

/** Where a line's containers end: how many open ones it continues, the ones it opens, and its rest. */
export interface LineContainers {
  readonly continued: number;
  readonly opened: readonly { readonly container: OpenContainer; readonly column: number }[];
  /** Index in the line where its content starts, after every container marker. */
  readonly contentStart: number;
  /** Whether a new list item opened where an unfinished one of the same list stood (a sibling). */
  readonly sibling: boolean;
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

// Where the tail of `line` made only of one of `-*_` and spaces starts: a thematic break can only
// start there, and testing before it would read the rest of a long line at every marker.
function thematicBreakStart(line: string): number {
  let start = line.length;
  let mark: string | undefined;
  while (start > 0) {
    const char = line[start - 1] ?? '';
    if (char !== ' ' && char !== '\t') {
      if (mark === undefined && (char === '-' || char === '*' || char === '_')) mark = char;
      else if (char !== mark) break;
    }
    start--;
  }
  return start;
}

/** Leading spaces of `line` from `start`, tabs counted to the next multiple of four. */
function indentAt(line: string, start: number): { width: number; end: number } {
  let width = 0;
  let end = start;
  for (; end < line.length; end++) {
    if (line[end] === ' ') width++;
    else if (line[end] === '\t') width += 4 - (width % 4);
    else break;
  }
  return { width, end };
}

/**
 * Matches `line` against the containers open before it, then reads the quotes and list items it
 * opens, as CommonMark does. An approximation that errs towards more structure (it knows nothing of
 * fenced code inside containers), which only makes the cost estimate of the pre-scan higher.
 * Opening stops at `limit` containers, so a line is scanned once whatever its depth.
 */
export function readContainers(
  line: string,
  open: readonly OpenContainer[],
  limit: number,
  inParagraph: boolean,
): LineContainers {
  let position = 0;
  let continued = 0;
  const blank = line.trim() === '';
  for (const container of open) {
    const { width, end } = indentAt(line, position);
    if (container.kind === 'quote') {
      if (width > 3 || line[end] !== '>') break;
      position = line[end + 1] === ' ' ? end + 2 : end + 1;
    } else if (blank) {
      position = end;
    } else if (width >= container.indent) {
      position = Math.min(end, position + container.indent);
    } else {
      break;
    }
    continued++;
  }
  const opened: { container: OpenContainer; column: number }[] = [];
  const breakFrom = thematicBreakStart(line);
  while (continued + opened.length < limit + 1) {
    const { width, end } = indentAt(line, position);
    if (width > 3) break;
    const rest = line.slice(end, end + 12);
    if (line[end] === '>') {
      opened.push({ container: { kind: 'quote' }, column: end + 1 });
      position = line[end + 1] === ' ' ? end + 2 : end + 1;
      continue;
    }
    const marker = LIST_MARKER.exec(rest)?.[0];
    if (marker === undefined || (end >= breakFrom && THEMATIC_BREAK.test(line.slice(end).trimEnd()))) break;
    const after = indentAt(line, end + marker.length);
    // An empty item cannot interrupt a paragraph, so `-` alone under text is a setext underline.
    if (after.end === line.length && inParagraph && continued === open.length) break;
    const spaces = after.end === line.length || after.width > 4 ? 1 : after.width;
    opened.push({ container: { kind: 'item', indent: width + marker.length + spaces }, column: end + 1 });
    position = after.end === line.length || after.width > 4 ? end + marker.length + 1 : after.end;
  }
  const sibling = opened[0]?.container.kind === 'item' && open[continued]?.kind === 'item';
  return { continued, opened, contentStart: Math.min(position, line.length), sibling };
}
