import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { RecordKind } from '../schema/index.ts';
import { REFERENCE_FIELDS } from '../schema/reference-fields.ts';
import { characterPlace, contextBefore } from './character-place.ts';
import { joinPath, type PositionIndex, positionAt } from './front-matter.ts';
import { reportError, reportWarning } from './messages.ts';
import { BIDI_CONTROL, describeCharacter, isBidiControl, isInvisible, UNUSUAL_SPACE } from './unicode-characters.ts';

// The fields that name a record: they are matched against article text, so what is invisible matters.
const NAME_PATH =
  /^(?:name|aliases\.\d+|variants\.\d+\.spelling|roles\.\d+\.title|participants\.\d+\.role|plain\.\d+)$/;

/** The front matter after its text was checked: normalised, and whether a name or slug had to be refused. */
export interface CheckedText {
  readonly data: unknown;
  /** True when a name, slug or reference holds an invisible character: the record is not indexed. */
  readonly refused: boolean;
}

/**
 * Checks the characters of every front-matter value and returns the data in Unicode NFC, so that
 * a name composed one way matches the same name composed another. In names, slugs and references an
 * invisible character is an error (it is removed from the returned data, so the schema does not
 * report it again); an unusual, leading, trailing or doubled space in a name is a warning, and is
 * replaced by one plain space. A bidirectional control is an error in any value.
 */
export function checkFrontMatterText(
  file: VFile,
  data: unknown,
  positions: PositionIndex,
  kind: RecordKind,
): CheckedText {
  const identity = identityPaths(kind);
  let refused = false;
  const visit = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => visit(item, joinPath(path, index)));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item, joinPath(path, key))]));
    }
    if (typeof value !== 'string') return value;
    const isName = NAME_PATH.test(path);
    const isIdentity = isName || identity.some((pattern) => pattern.test(path));
    const checked = checkValue(file, positions, path, value, isIdentity, isName);
    refused ||= checked.refused;
    return checked.value.normalize('NFC');
  };
  return { data: visit(data, ''), refused };
}

function checkValue(
  file: VFile,
  positions: PositionIndex,
  path: string,
  value: string,
  isIdentity: boolean,
  isName: boolean,
): { value: string; refused: boolean } {
  // Plain text, the common case, has nothing to check.
  if (!/[^\x20-\x7E]|^ | $| {2}/.test(value)) return { value, refused: false };
  const valueAt = positionAt(positions, path);
  const at = (index: number) => (valueAt ? characterPlace(file, valueAt, value, index) : undefined);
  let refused = false;
  let kept = '';
  let index = 0;
  for (const character of value) {
    const where = contextBefore(value, index);
    if (isBidiControl(character)) {
      reportError(file, bidiReason(`\`${path}\``, character, where), 'bidi-control', at(index));
      refused ||= isIdentity;
    } else if (isIdentity && isInvisible(character)) {
      reportError(
        file,
        `\`${path}\` has an invisible character, ${describeCharacter(character)}, ${where}: remove it (retype the text if it was copied from a web page)`,
        'invisible-character',
        at(index),
      );
      refused = true;
    } else if (isName && UNUSUAL_SPACE.test(character)) {
      reportWarning(
        file,
        `\`${path}\` has a ${describeCharacter(character)} ${where}, which looks like a space but does not match one: replace it with a plain space`,
        'unusual-space',
        at(index),
      );
      kept += ' ';
    } else {
      kept += character;
    }
    index += character.length;
  }
  // Once a character was removed, indexes no longer match the source: the record is refused anyway.
  return { value: isName && !refused ? checkSpaces(file, path, kept, at) : kept, refused };
}

function checkSpaces(file: VFile, path: string, value: string, at: (index: number) => Position | undefined): string {
  const trimmed = value.trim();
  // A blank value is reported as empty by the schema.
  if (trimmed === '') return value;
  const lead = value.length - value.trimStart().length;
  const problems: [number, string][] = [];
  if (lead > 0) problems.push([0, 'starts with a space: remove it']);
  if (value.endsWith(' ')) problems.push([value.length - 1, 'ends with a space: remove it']);
  const doubled = trimmed.indexOf('  ');
  if (doubled !== -1) problems.push([lead + doubled, 'has two spaces in a row: keep one']);
  for (const [index, problem] of problems) reportWarning(file, `\`${path}\` ${problem}`, 'unusual-space', at(index));
  return trimmed.replace(/ {2,}/g, ' ');
}

/** Reports every bidirectional control in the Markdown body, which starts at `bodyOffset`. */
export function rejectBidiControls(file: VFile, bodyOffset: number): void {
  const text = String(file.value);
  BIDI_CONTROL.lastIndex = bodyOffset;
  let place: ReturnType<typeof location> | undefined;
  for (let match = BIDI_CONTROL.exec(text); match; match = BIDI_CONTROL.exec(text)) {
    place ??= location(file);
    const start = place.toPoint(match.index);
    const end = place.toPoint(match.index + match[0].length);
    const line =
      text
        .slice(Math.max(bodyOffset, match.index - 40), match.index)
        .split(/\r?\n|\r/)
        .at(-1) ?? '';
    const where = contextBefore(line, line.length);
    reportError(file, bidiReason('The text', match[0], where), 'bidi-control', start && end ? { start, end } : start);
  }
}

function bidiReason(what: string, character: string, where: string): string {
  return `${what} has a ${describeCharacter(character)} ${where}, an invisible control that makes browsers show the text after it in another order: remove it`;
}

function identityPaths(kind: RecordKind): RegExp[] {
  const fields = ['slug', ...Object.keys(REFERENCE_FIELDS[kind])];
  return fields.map((field) => new RegExp(`^${field.replaceAll('.', '\\.').replaceAll('*', '\\d+')}$`));
}
