import type { PlaceKind } from '../schema/index.ts';
import { countSyllables, SURNAMES } from './pinyin.ts';

/** A stretch of text that looks like the name of a person or a place. */
export type NameCandidate = {
  /** The words as they stand in the text. */
  readonly text: string;
  /** Offsets of the name in the text searched, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The slug a record for it would most likely get. */
  readonly slug: string;
} & ({ readonly kind: 'official' } | { readonly kind: 'place'; readonly placeKind: PlaceKind });

// Pairs that read as surname + given name but are well-known places or words, not people.
const NOT_PEOPLE = new Set([
  'Hong Kong',
  'Feng Shui',
  'Yin Yang',
  'Qi Gong',
  'Huang He',
  'Huang Hai',
  'Huang Shan',
  'Chang Jiang',
  'Chang An',
  'Tian An',
  'Song Shan',
  'Lu Shan',
]);

// The words that follow a place name, with the kind of place they make and whether the slug keeps
// them, as the archive does: `dalian` for "Dalian city", `songjiang-district` for "Songjiang District".
const PLACE_WORDS = new Map([
  ...placeWords(['city', 'City', 'municipality', 'Municipality'], 'city', false),
  ...placeWords(['province', 'Province'], 'province', false),
  ...placeWords(['prefecture', 'Prefecture'], 'region', false),
  ...placeWords(['county', 'County'], 'county', true),
  ...placeWords(['district', 'District'], 'district', true),
  ...placeWords(['New Area', 'New District'], 'new-area', true),
]);

// A capitalised word: an apostrophe may join pinyin syllables ("Xi'an"), but not an English "'s".
const WORD = "\\p{Lu}\\p{Ll}+(?:['’][aeo]\\p{Ll}*)?";
const NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}'’-])";
const byLength = (a: string, b: string) => b.length - a.length;
const PERSON = new RegExp(
  `${NOT_AFTER_WORD}(${[...SURNAMES].sort(byLength).join('|')}) (${WORD})(?![\\p{L}\\p{N}]|-\\p{Ll})`,
  'gu',
);
const PLACE = new RegExp(`${NOT_AFTER_WORD}(${WORD}) (${[...PLACE_WORDS.keys()].join('|')})(?![\\p{L}\\p{N}])`, 'gu');
// A capitalised word right after a pair makes it part of a longer proper name ("Jin Jiang Hotel").
const CAPITALISED_NEXT = /^ \p{Lu}/u;

/**
 * Finds person-like and place-like names in `text`. A person is a common Chinese surname followed by
 * a given name of one or two pinyin syllables ("Li Jinke", "Ying Yong"); a place is a pinyin word of
 * up to four syllables followed by a place word ("Anshan city", "Pudong New Area"). Requiring pinyin
 * is what keeps English capitals out: "Long March", "He Said", "The city" and "Party Central
 * Committee" are not pinyin. It misses names in other romanisations ("Tung Chee-hwa"), hyphenated
 * given names ("Ma Ying-jeou"), names broken over two lines, and surnames it does not list; and it
 * cannot tell a person from a two-word pinyin place or brand, hence {@link NOT_PEOPLE}.
 */
export function findNameCandidates(text: string): NameCandidate[] {
  const places = matchAll(PLACE, text, (match) => {
    const [found, name = '', word = ''] = match;
    const place = PLACE_WORDS.get(word);
    if (!place || countSyllables(name, 4) === 0) return undefined;
    const slug = slugify(place.inSlug ? found : name);
    return {
      kind: 'place',
      placeKind: place.kind,
      text: found,
      start: match.index,
      end: match.index + found.length,
      slug,
    };
  });
  const people = matchAll(PERSON, text, (match) => {
    const [found, , given = ''] = match;
    const end = match.index + found.length;
    if (NOT_PEOPLE.has(found) || countSyllables(given, 2) === 0 || CAPITALISED_NEXT.test(text.slice(end))) {
      return undefined;
    }
    if (places.some((place) => place.start < end && match.index < place.end)) return undefined;
    return { kind: 'official', text: found, start: match.index, end, slug: slugify(found) };
  });
  return [...people, ...places].sort((a, b) => a.start - b.start);
}

function placeWords(
  words: string[],
  kind: PlaceKind,
  inSlug: boolean,
): [string, { kind: PlaceKind; inSlug: boolean }][] {
  return words.map((word) => [word, { kind, inSlug }]);
}

/** Lower-case ASCII words joined by hyphens: "Lü Bin" → `lu-bin`, "Xi'an city" → `xian-city`. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// Every accepted match of a global pattern. A rejected match is retried one character later, so
// "He Li Qiang" still finds "Li Qiang" after "He Li" is turned down.
function matchAll(
  pattern: RegExp,
  text: string,
  accept: (match: RegExpExecArray) => NameCandidate | undefined,
): NameCandidate[] {
  const found: NameCandidate[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const candidate = accept(match);
    if (candidate) found.push(candidate);
    else pattern.lastIndex = match.index + 1;
  }
  return found;
}
