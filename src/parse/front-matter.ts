import matter from 'gray-matter';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { type Document, isMap, isPair, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { reportError } from './messages.ts';
import { explainYamlError } from './yaml-errors.ts';

/**
 * Where each value of the front matter sits in the file, keyed by its path (`roles.0.title`); read
 * it with {@link positionAt}. Compact, because an archive keeps one per record until its messages
 * are printed: tens of thousands of them took a third of a large archive's memory as objects.
 */
export interface PositionIndex {
  /** Every path, escaped (see {@link escapePath}) and followed by a newline. */
  readonly paths: string;
  /** Six numbers per path, in order: start line, column, offset; end line, column, offset (-1: none). */
  readonly points: Int32Array;
}

/** No positions: a record whose messages are all printed. */
export const NO_POSITIONS: PositionIndex = { paths: '', points: new Int32Array(0) };

/** The position recorded for `path`, if any. */
export function positionAt(index: PositionIndex, path: string): Position | undefined {
  const at = pathNumber(index.paths, escapePath(path));
  if (at === undefined) return undefined;
  return { start: pointAt(index.points, at * 6), end: pointAt(index.points, at * 6 + 3) };
}

/** Whether the index records `path`. */
export function hasPosition(index: PositionIndex, path: string): boolean {
  return pathNumber(index.paths, escapePath(path)) !== undefined;
}

/** Builds an index from positions by path, in order. */
export function toPositionIndex(positions: ReadonlyMap<string, Position>): PositionIndex {
  const points = new Int32Array(positions.size * 6);
  let paths = '';
  let at = 0;
  for (const [path, position] of positions) {
    paths += `${escapePath(path)}\n`;
    for (const point of [position.start, position.end]) {
      points[at++] = point.line;
      points[at++] = point.column;
      points[at++] = point.offset ?? -1;
    }
  }
  return { paths, points };
}

/** A path with its backslashes and newlines escaped, so that a newline always ends a path. */
function escapePath(path: string): string {
  return /[\\\n]/.test(path) ? path.replaceAll('\\', '\\\\').replaceAll('\n', '\\n') : path;
}

/** Where `escaped` stands among the paths, counting from 0. */
function pathNumber(paths: string, escaped: string): number | undefined {
  const needle = `${escaped}\n`;
  for (let found = paths.indexOf(needle); found !== -1; found = paths.indexOf(needle, found + 1)) {
    if (found === 0 || paths[found - 1] === '\n') {
      let number = 0;
      for (let i = paths.indexOf('\n'); i !== -1 && i < found; i = paths.indexOf('\n', i + 1)) number++;
      return number;
    }
  }
  return undefined;
}

function pointAt(points: Int32Array, at: number): Position['start'] {
  const offset = points[at + 2] ?? -1;
  return { line: points[at] ?? 1, column: points[at + 1] ?? 1, ...(offset === -1 ? {} : { offset }) };
}

/** A file split into its front matter (as plain data, with positions) and its Markdown body. */
export interface SplitFile {
  readonly data: unknown;
  readonly positions: PositionIndex;
  /** Offset of the body's first character in the file. */
  readonly bodyOffset: number;
}

/** The key under which a position index stores the place of a whole map key (`key:` rather than its value). */
export const KEY_SUFFIX = '#key';

const OPENING = '---';

/** How often front matter may expand `*alias` references; a few are handy, thousands are an attack. */
const MAX_ALIAS_COUNT = 100;

/**
 * Splits a file into front matter and body with gray-matter, parsing the YAML with `yaml` so that
 * every key and value keeps its place in file lines. Problems become messages on `file`; the result
 * is `undefined` when the front matter cannot be read at all.
 */
export function splitFrontMatter(file: VFile): SplitFile | undefined {
  const text = String(file.value);
  const place = location(file);
  if (!/^---[ \t]*\r?\n/.test(text)) {
    reportError(
      file,
      'File has no front matter: start it with a `---` line, then the YAML fields, then another `---` line',
      'missing-front-matter',
      place.toPoint(0),
    );
    return undefined;
  }
  if (!/\r?\n---[ \t]*(?:\r?\n|$)/.test(text.slice(OPENING.length))) {
    reportError(
      file,
      'Front matter never closes: add a `---` line after the last YAML field, before the article text',
      'unclosed-front-matter',
      place.toPoint(0),
    );
    return undefined;
  }
  const parsed = matter(text, {
    engines: {
      // With CRLF endings gray-matter leaves the `\r` of the last line, which yaml misreads after `]` or `}`.
      yaml: (source: string) => parseDocument(source.replace(/\r$/, ''), { prettyErrors: false, uniqueKeys: true }),
    },
  });
  const bodyOffset = text.length - parsed.content.length;
  // gray-matter gives `{}` for front matter that holds only blank lines or comments.
  const document = parsed.data as Document | Record<string, never>;
  // Then the whole front matter is where a missing key is missing: point at its opening line.
  const opening = { start: { line: 1, column: 1 }, end: { line: 1, column: OPENING.length + 1 } };
  if (!isDocument(document)) return { data: {}, positions: toPositionIndex(new Map([['', opening]])), bodyOffset };
  const fields = readFields(file, document, OPENING.length, 'front matter', opening);
  return fields && { ...fields, bodyOffset };
}

/**
 * Reads a record kept as a YAML file (`content/officials/li-jinke.yaml`): the whole file is what
 * a Markdown record holds in its front matter, and there is no body.
 */
export function readYamlRecord(file: VFile): SplitFile | undefined {
  const text = String(file.value);
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const start = { line: 1, column: 1 };
  const fields = readFields(file, document, 0, 'file', { start, end: start });
  return fields && { ...fields, bodyOffset: text.length };
}

/** The fields of a parsed YAML document and their file positions; problems become messages. */
function readFields(
  file: VFile,
  document: Document,
  offset: number,
  where: 'front matter' | 'file',
  opening: Position,
): Omit<SplitFile, 'bodyOffset'> | undefined {
  const place = location(file);
  const toPosition = (range: readonly [number, number, ...number[]]): Position => {
    const start = place.toPoint(offset + range[0]);
    const end = place.toPoint(offset + range[1]);
    return start && end ? { start, end } : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  };
  for (const error of document.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      reportError(file, `Key appears twice in the ${where}: keep only one`, 'duplicate-key', toPosition(error.pos));
    } else {
      const problem = explainYamlError(error, document, String(file.value).slice(offset));
      const reason = `${where === 'file' ? 'File' : 'Front matter'} is not valid YAML: ${problem.reason}`;
      reportError(file, reason, 'invalid-yaml', toPosition(problem.range));
    }
  }
  if (document.errors.length > 0) return undefined;

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml refuses to expand aliases of aliases past the limit (the "billion laughs" attack).
    if (!(error instanceof ReferenceError)) throw error;
    reportError(
      file,
      `Front matter repeats aliases (\`*name\`) more than ${MAX_ALIAS_COUNT} times: write the values out instead`,
      'invalid-yaml',
      document.contents?.range ? toPosition(document.contents.range) : undefined,
    );
    return undefined;
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    reportError(
      file,
      `${where === 'file' ? 'The file' : 'Front matter'} must be a list of \`key: value\` fields, not a single value or a list`,
      'wrong-type',
      document.contents?.range ? toPosition(document.contents.range) : undefined,
    );
    return undefined;
  }
  // Without any key (only comments), a missing key is missing from the block that opens here.
  const positions = new Map<string, Position>([['', opening]]);
  if (document.contents) indexPositions(document.contents, '', positions, toPosition);
  return { data: data ?? {}, positions: toPositionIndex(positions) };
}

function isDocument(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && 'contents' in value && 'errors' in value;
}

function indexPositions(
  node: Node,
  path: string,
  positions: Map<string, Position>,
  toPosition: (range: readonly [number, number, number]) => Position,
): void {
  if (node.range) positions.set(path, toPosition(node.range));
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const childPath = joinPath(path, String(pair.key.value));
      if (pair.key.range) positions.set(childPath + KEY_SUFFIX, toPosition(pair.key.range));
      if (pair.value && typeof pair.value === 'object' && 'range' in pair.value) {
        indexPositions(pair.value as Node, childPath, positions, toPosition);
      } else if (pair.key.range) {
        // `key:` with nothing after it: point at the key.
        positions.set(childPath, toPosition(pair.key.range));
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      if (item && typeof item === 'object' && 'range' in item) {
        indexPositions(item as Node, joinPath(path, String(index)), positions, toPosition);
      }
    });
  }
}

/** Joins a parent path and a key the way position indexes are keyed. */
export function joinPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}
