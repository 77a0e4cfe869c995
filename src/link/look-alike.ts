import unhomoglyph from 'unhomoglyph';
import { describeCharacter } from '../parse/unicode-characters.ts';

/**
 * The skeleton of Unicode's confusables rules (UTS #39, section 4): two strings with the same
 * skeleton look alike ("Тan" with a Cyrillic Т and "Tan"). unhomoglyph maps each character by
 * Unicode's confusables.txt; the decompositions before and after are the rest of the definition.
 */
export function skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD')).normalize('NFD');
}

// Invisible characters and spaces of every width: a reader sees a name the same without them.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const SPACES = /\s+/gu;

/**
 * What a name looks like on a page: its skeleton after compatibility forms (full-width letters,
 * ligatures) are folded and invisible characters dropped. Equal keys, different text: look-alikes.
 */
export function lookAlikeKey(name: string): string {
  return skeleton(name.replace(INVISIBLE, '').normalize('NFKC').replace(SPACES, ' ').trim());
}

/**
 * Keys under which two names differ only by case, spacing or accents, look-alike letters included
 * ("TAN CHENGXU", "TanChengxu", "Tán Chengxu"). Two, because case and look-alike mappings do not
 * commute: "Т" lowercases to a Cyrillic "т", and "I" looks like "l" while "i" does not.
 */
export function looseKeys(name: string): readonly string[] {
  const bare = name.replace(INVISIBLE, '').normalize('NFKD').replace(/\p{M}/gu, '').replace(SPACES, '');
  return [skeleton(bare).toLowerCase(), skeleton(bare.toLowerCase())];
}

/**
 * True when `name` uses no character that merely imitates a basic Latin one: of two look-alike
 * names, that is the one to keep ("Tan Chengxu" rather than "Тan Chengxu" or "Ｔａｎ Chengxu").
 */
export function isPlainName(name: string): boolean {
  return oddCharacters(name).length === 0;
}

/**
 * The characters of `text` that imitate basic Latin letters, digits or spaces, or are invisible:
 * those a reader cannot tell apart from what they look like.
 */
export function oddCharacters(text: string): string[] {
  return [...text].filter((character) => {
    if (character.charCodeAt(0) < 0x80) return false;
    const looks = skeleton(character.normalize('NFKC'));
    return looks === '' || /^[\x20-\x7E]+$/.test(looks) || /^\s$/u.test(character) || INVISIBLE_ONE.test(character);
  });
}

const INVISIBLE_ONE = /^[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;

/** The characters that make `text` differ from `like`, described for a message (at most three). */
export function describeDifference(text: string, like: string): string {
  if (text !== like && text.normalize('NFC') === like.normalize('NFC')) {
    return 'its accents in another Unicode form (a letter, then a combining mark)';
  }
  const odd = [...new Set(oddCharacters(text))].filter((character) => !like.includes(character));
  const others = odd.length > 0 ? odd : [...new Set([...text.normalize('NFD')])].filter((c) => !like.includes(c));
  const described = others.slice(0, 3).map(describeCharacter);
  return described.length === 0 ? '' : described.join(', ') + (others.length > 3 ? ', …' : '');
}
