import { skeleton } from './look-alike.ts';
import { namePattern } from './name-pattern.ts';

/** Words in a text that look like a registered name but are not written as it is. */
export interface LookAlike {
  /** The words as they stand in the text. */
  readonly text: string;
  /** The registered name they look like. */
  readonly name: string;
  /** Offsets in the text searched, end exclusive. */
  readonly start: number;
  readonly end: number;
}

const NOT_ASCII = /\P{ASCII}/u;
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;

/**
 * Makes a search for look-alikes of `names` in a text: "Тan Chengxu" with a Cyrillic Т, "Tan Chengxu"
 * with a no-break space or a zero-width space, "Ｔａｎ Chengxu" in full-width letters. Only characters
 * outside ASCII are folded (to their UTS #39 skeleton), so an ASCII text is never searched, and
 * ASCII that merely resembles a name ("DaIian" with a capital I) is not found; a look-alike must hold
 * at least one character outside ASCII.
 */
export function createLookAlikeFinder(names: Iterable<string>): (text: string) => LookAlike[] {
  const folds = new Map<string, string>();
  const foldOne = (character: string): string => {
    let folded = folds.get(character);
    if (folded === undefined) {
      folded = INVISIBLE.test(character)
        ? ''
        : /^\s$/u.test(character)
          ? ' '
          : // Decomposed, as skeletons are: "é" folds as "e" and a combining accent do, one by one.
            skeleton(character.normalize('NFKC'));
      folds.set(character, folded);
    }
    return folded;
  };
  // Folded and made into a pattern only for the first text outside ASCII: English releases seldom
  // have one, and for 15,000 names this costs a tenth of a second of a build that renders one text.
  const list = [...names];
  let search: { readonly byFold: ReadonlyMap<string, string>; readonly pattern: RegExp | undefined } | undefined;
  const searchOf = () => {
    const byFold = new Map<string, string>();
    for (const name of list) {
      const folded = fold(name, foldOne).text;
      if (folded !== '' && !byFold.has(folded)) byFold.set(folded, name);
    }
    return { byFold, pattern: namePattern(byFold.keys()) };
  };
  return (text) => {
    if (!NOT_ASCII.test(text)) return [];
    search ??= searchOf();
    const { byFold, pattern } = search;
    if (!pattern) return [];
    const folded = fold(text, foldOne);
    const found: LookAlike[] = [];
    for (const match of folded.text.matchAll(pattern)) {
      const name = byFold.get(match[0]);
      const start = folded.starts[match.index];
      const end = folded.ends[match.index + match[0].length - 1];
      if (name === undefined || start === undefined || end === undefined) continue;
      const original = text.slice(start, end);
      if (original !== name && NOT_ASCII.test(original)) found.push({ text: original, name, start, end });
    }
    return found;
  };
}

/** `text` with each character outside ASCII folded, and where each folded unit came from. */
function fold(
  text: string,
  foldOne: (character: string) => string,
): { text: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const character of text) {
    const next = character.charCodeAt(0) < 0x80 ? character : foldOne(character);
    folded += next;
    for (let unit = 0; unit < next.length; unit++) {
      starts.push(at);
      ends.push(at + character.length);
    }
    at += character.length;
  }
  return { text: folded, starts, ends };
}
