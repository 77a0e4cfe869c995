import { type Document, visit, type YAMLError } from 'yaml';

/** A YAML syntax error as an editor should read it: what is wrong and how to fix it, and where. */
export interface YamlProblem {
  /** What to do, after "Front matter is not valid YAML: ". */
  readonly reason: string;
  /** Offsets in the YAML text. */
  readonly range: readonly [number, number];
}

/**
 * Explains a YAML syntax error in an editor's words. The parser's own message names the grammar
 * rule it broke, and for a bracket that never closes it points at the line after the value, where
 * it gave up; an editor needs the value to quote or the bracket to close. Other errors keep the
 * parser's message. `source` is the YAML text the error's offsets refer to.
 */
export function explainYamlError(error: YAMLError, document: Document, source: string): YamlProblem {
  const parser = { reason: firstLine(error.message), range: error.pos };
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') return unquotedColon(error.pos[0], source) ?? parser;
  const unclosed = /^Flow (sequence|map) in block collection .* end with an? ([\]}])$/.exec(parser.reason);
  if (error.code === 'BAD_INDENT' && unclosed) {
    const opening = openingOf(document, unclosed[1] === 'map', error.pos[0]);
    if (opening === undefined) return parser;
    const [open, close] = unclosed[1] === 'map' ? ['{', '}'] : ['[', ']'];
    const what = unclosed[1] === 'map' ? 'group of fields' : 'list';
    return {
      reason: `the ${what} that opens here with \`${open}\` never closes: end it with \`${close}\`, or put the whole value in quotes if the \`${open}\` is part of the text`,
      range: [opening, opening + 1],
    };
  }
  return parser;
}

/** `title: Visit: day one`: a plain value with `: ` in it, which YAML reads as another key. */
function unquotedColon(at: number, source: string): YamlProblem | undefined {
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = source.indexOf('\n', at) === -1 ? source.length : source.indexOf('\n', at);
  const line = source.slice(lineStart, lineEnd).replace(/\r$/, '');
  const field = /^\s*(?:-\s+)?([^\s:#][^:#]*?):\s+(\S.*?)\s*$/.exec(line);
  if (!field?.[1] || !field[2] || !/:(?:\s|$)/.test(field[2])) return undefined;
  const [, key, value] = field;
  return {
    reason: `the value of \`${key}\` contains ": ", which YAML reads as the start of another key: put the value in quotes, as in \`${key}: ${quote(value)}\``,
    range: [at, lineStart + line.trimEnd().length],
  };
}

/** The offset of the `[` or `{` of the flow collection that runs, unclosed, up to `end`. */
function openingOf(document: Document, isMap: boolean, end: number): number | undefined {
  let opening: number | undefined;
  const consider = (node: { flow?: boolean; range?: [number, number, number] | null }) => {
    // The innermost of nested unclosed collections ends at the same place; each error names its own type.
    if (node.flow && node.range?.[1] === end && (opening === undefined || node.range[0] > opening)) {
      opening = node.range[0];
    }
  };
  visit(document, isMap ? { Map: (_, node) => consider(node) } : { Seq: (_, node) => consider(node) });
  return opening;
}

/** A value in YAML quotes: double quotes with escapes, or single quotes when it holds a double quote. */
function quote(value: string): string {
  if (value.includes('"') && !value.includes("'")) return `'${value}'`;
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
