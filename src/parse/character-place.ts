import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

/**
 * Where the character at `index` of a front-matter `value` sits in the file, given the place of the
 * whole value. The value's source is searched for the same occurrence of that character; when YAML
 * wrote it as an escape (`"\u200B"`), the source does not hold it and the whole value is the place.
 */
export function characterPlace(file: VFile, valueAt: Position, value: string, index: number): Position {
  const character = String.fromCodePoint(value.codePointAt(index) ?? 0);
  const from = valueAt.start.offset;
  const to = valueAt.end.offset;
  if (from === undefined || to === undefined) return valueAt;
  const source = String(file.value).slice(from, to);
  let occurrence = 0;
  for (let at = value.indexOf(character); at !== -1 && at < index; at = value.indexOf(character, at + 1)) occurrence++;
  let found = source.indexOf(character);
  for (let skip = 0; found !== -1 && skip < occurrence; skip++) found = source.indexOf(character, found + 1);
  if (found === -1) return valueAt;
  const place = location(file);
  const start = place.toPoint(from + found);
  const end = place.toPoint(from + found + character.length);
  return start && end ? { start, end } : valueAt;
}

/** A few words of `value` before `index`, to say where in it a character is: `after "Tan"`. */
export function contextBefore(value: string, index: number): string {
  const before = [...value.slice(0, index)].filter((character) => /[\p{L}\p{N}\p{P} ]/u.test(character)).join('');
  const words = before.trimEnd().split(' ');
  const tail = words.slice(-2).join(' ');
  return tail === '' ? 'at its start' : `after "${tail.length > 24 ? `…${tail.slice(-24)}` : tail}"`;
}
