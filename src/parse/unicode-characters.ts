/**
 * The characters that look like nothing, or like a space, and the words messages use for them.
 * Text copied from web pages and PDFs carries them as a matter of course.
 */

/**
 * Bidirectional embeddings, overrides and isolates: they make a browser show the text after them
 * in another order ("mayor 0 articles" as "selcitra 0 royam"). The marks (LRM, RLM, ALM) only
 * place neutral characters, so they are invisible characters but not these.
 */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/gu;

/** Whitespace other than the plain space (U+0020); U+FEFF counts as invisible, not as a space. */
export const UNUSUAL_SPACE = /[^\S \uFEFF]/u;

/** Control, format and default-ignorable characters: zero-width spaces and joiners, soft hyphens, BOMs, marks. */
const INVISIBLE_OR_SPACE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** True for an invisible character that is neither a kind of space nor a bidirectional control. */
export function isInvisible(character: string): boolean {
  return INVISIBLE_OR_SPACE.test(character) && !UNUSUAL_SPACE.test(character) && !isBidiControl(character);
}

/** True for a bidirectional embedding, override or isolate. */
export function isBidiControl(character: string): boolean {
  BIDI_CONTROL.lastIndex = 0;
  return BIDI_CONTROL.test(character);
}

// The Unicode names of the characters editors meet; others are described by their category.
const NAMES: Readonly<Record<number, string>> = {
  9: 'CHARACTER TABULATION',
  10: 'LINE FEED',
  13: 'CARRIAGE RETURN',
  133: 'NEXT LINE',
  160: 'NO-BREAK SPACE',
  173: 'SOFT HYPHEN',
  847: 'COMBINING GRAPHEME JOINER',
  1564: 'ARABIC LETTER MARK',
  5760: 'OGHAM SPACE MARK',
  6158: 'MONGOLIAN VOWEL SEPARATOR',
  8192: 'EN QUAD',
  8193: 'EM QUAD',
  8194: 'EN SPACE',
  8195: 'EM SPACE',
  8196: 'THREE-PER-EM SPACE',
  8197: 'FOUR-PER-EM SPACE',
  8198: 'SIX-PER-EM SPACE',
  8199: 'FIGURE SPACE',
  8200: 'PUNCTUATION SPACE',
  8201: 'THIN SPACE',
  8202: 'HAIR SPACE',
  8203: 'ZERO WIDTH SPACE',
  8204: 'ZERO WIDTH NON-JOINER',
  8205: 'ZERO WIDTH JOINER',
  8206: 'LEFT-TO-RIGHT MARK',
  8207: 'RIGHT-TO-LEFT MARK',
  8232: 'LINE SEPARATOR',
  8233: 'PARAGRAPH SEPARATOR',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8239: 'NARROW NO-BREAK SPACE',
  8287: 'MEDIUM MATHEMATICAL SPACE',
  8288: 'WORD JOINER',
  8289: 'FUNCTION APPLICATION',
  8290: 'INVISIBLE TIMES',
  8291: 'INVISIBLE SEPARATOR',
  8292: 'INVISIBLE PLUS',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
  12288: 'IDEOGRAPHIC SPACE',
  12644: 'HANGUL FILLER',
  65279: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
};

const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic', 'Georgian', 'Han', 'Hangul'].map(
  (script) => [script, new RegExp(`^\\p{Script=${script}}$`, 'u')] as const,
);

/**
 * Names one character for a message: `U+200B ZERO WIDTH SPACE`, `"Т" (U+0422, Cyrillic)`,
 * `"Ｔ" (U+FF34, full-width)`, `U+0301 (a combining mark)`. Invisible ones are never quoted.
 */
export function describeCharacter(character: string): string {
  const point = character.codePointAt(0) ?? 0;
  const code = `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[point];
  if (name !== undefined) return `${code} ${name}`;
  if (/^\p{M}$/u.test(character)) return `${code} (a combining mark)`;
  if (INVISIBLE_OR_SPACE.test(character) || UNUSUAL_SPACE.test(character)) return `${code} (an invisible character)`;
  if (point >= 0xff01 && point <= 0xffee) return `"${character}" (${code}, full-width)`;
  const script = SCRIPTS.find(([, pattern]) => pattern.test(character))?.[0];
  if (character.normalize('NFKC') !== character) return `"${character}" (${code}, a compatibility form)`;
  return `"${character}" (${code}${script === undefined ? '' : `, ${script}`})`;
}

/** `text` with each invisible character or unusual space written as its code, `Tan[U+200B]Chengxu`, for quoting in a message. */
export function visibly(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]|[^\S ]/gu, (character) => {
    const point = character.codePointAt(0) ?? 0;
    return `[U+${point.toString(16).toUpperCase().padStart(4, '0')}]`;
  });
}
