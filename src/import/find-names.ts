import nlp from 'compromise';
import { findNameCandidates } from '../link/name-candidates.ts';
import { divisionOfCountry, hyphenatedPlaces, splitAroundCountries } from './country-phrases.ts';
import { asPlace } from './find-places.ts';
import type { FoundName } from './found-name.ts';
import type { Gazetteer } from './gazetteer.ts';
import { findPhrases, type Phrase, slicePhrase, wordsOf } from './phrases.ts';
import { roleAfter } from './roles.ts';
import { GENERIC_WORDS, NOT_NAMES, ORGANISATION_HEADS, TITLES } from './vocabulary.ts';

// Verbs around a name that only people do: "met with X", "led by X", "X said".
const PERSON_BEFORE =
  /(?:met with|met|meeting with|talks with|led by|accompanied by|received|welcomed|greeted|invited|hosted by|presided over by)\s+$/u;
const PERSON_AFTER =
  /^\s+(?:led|met|said|visited|attended|delivered|presided|signed|accompanied|expressed|introduced|welcomed|hosted|noted|pointed|stressed|spoke|gave|paid|held|hoped|thanked|congratulated)\b/u;
const HONORIFICS = /^(?:Comrade|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Madam|Sir|His Excellency|Her Excellency)$/u;
const SPLIT = new Set(['and', 'of', 'for', 'the', 'on']);

/**
 * Finds the people, places and organisations a release names. Capitalised phrases are read as an
 * organisation when they end in an organisation word, as a place when the gazetteer knows them
 * or a place word follows, and as a person when they are a pinyin name, follow a title, carry a
 * role, stand next to a verb only people do, or compromise's lexicon tags them as a person.
 */
export function findNames(text: string, gazetteer: Gazetteer): FoundName[] {
  const found: FoundName[] = [];
  for (const phrase of findPhrases(text)) {
    for (const part of splitOrganisations(phrase, gazetteer)) {
      const country = gazetteer(part.text);
      if (country?.kind === 'country' || country?.kind === 'region') {
        found.push({ ...part, kind: 'place', placeKind: country.kind, place: country });
        continue;
      }
      const division = divisionOfCountry(part, text, gazetteer, asOrganisation);
      if (division.length > 0) {
        found.push(...division);
        continue;
      }
      const organisation = asOrganisation(part);
      if (organisation === null) continue;
      if (organisation) {
        found.push(organisation);
        continue;
      }
      const whole = gazetteer(part.text) ? asPlace(part, text, gazetteer) : undefined;
      if (whole) {
        found.push(whole);
        continue;
      }
      for (const piece of splitAroundCountries(part, gazetteer, found, SPLIT)) {
        const places = hyphenatedPlaces(piece, gazetteer);
        if (places.length > 0) {
          found.push(...places);
          continue;
        }
        const name = classify(piece, text, gazetteer, found);
        if (name) found.push(name);
      }
    }
  }
  return found;
}

// "Group’s Huludao Aluminum Industrial Park and Jinzhou … Co., Ltd." names three organisations;
// so does "X and the Y …", and "X and Dalian Y …" where a place starts the second name.
function splitOrganisations(phrase: Phrase, gazetteer: Gazetteer): Phrase[] {
  const words = wordsOf(phrase);
  const parts: Phrase[] = [];
  let from = 0;
  words.forEach((word, index) => {
    const head = word.text.replace(/[’']s$/u, '');
    const joins = words[index + 1]?.text === 'and' || /[’']s$/u.test(word.text);
    const next = words[index + 2]?.text ?? '';
    const nextIsName = next === 'the' || (index + 3 < words.length && gazetteer(next) !== undefined);
    const endsName = ORGANISATION_HEADS.has(head) || (nextIsName && words[index + 1]?.text === 'and');
    if (endsName && joins && index + 2 < words.length && index >= from) {
      const part = slicePhrase(phrase, words, from, index + 1);
      if (part) parts.push(trimPossessive(part));
      from = words[index + 1]?.text === 'and' ? index + 2 : index + 1;
    }
  });
  const rest = slicePhrase(phrase, words, from, words.length);
  return rest ? [...parts, rest] : parts;
}

function trimPossessive(phrase: Phrase): Phrase {
  const text = phrase.text.replace(/[’']s$/u, '');
  return { text, start: phrase.start, end: phrase.start + text.length };
}

// `null` for a generic description, which is no name at all.
function asOrganisation(phrase: Phrase): FoundName | null | undefined {
  const words = wordsOf(phrase);
  if (!words.some((word) => ORGANISATION_HEADS.has(word.text.replace(/,$|[’']s$/u, '')))) return undefined;
  let from = 0;
  const skip = (word: string) => NOT_NAMES.has(word) || SPLIT.has(word) || TITLES.has(word);
  while (from < words.length - 1 && skip(words[from]?.text ?? '')) from++;
  const trimmed = slicePhrase(phrase, words, from, words.length);
  if (!trimmed) return undefined;
  const generic = (word: string) => GENERIC_WORDS.has(word) || ORGANISATION_HEADS.has(word) || SPLIT.has(word);
  // "the Municipal Government" refers to one; it is not a name to register.
  if (wordsOf(trimmed).every((word) => generic(word.text.replace(/,$|[’']s$/u, '')))) return null;
  return { ...trimPossessive(trimmed), kind: 'organisation' };
}

function classify(
  piece: Phrase,
  text: string,
  gazetteer: Gazetteer,
  before: readonly FoundName[],
): FoundName | undefined {
  if (isPinyinName(piece.text)) {
    return { ...piece, kind: 'person', ...optionalRole(roleAfter(text, piece.end)) };
  }
  const words = wordsOf(piece);
  let from = 0;
  while (from < words.length && NOT_NAMES.has(words[from]?.text ?? '')) from++;
  const titleStart = from;
  while (from < words.length - 1 && TITLES.has(words[from]?.text ?? '')) from++;
  const name = slicePhrase(piece, words, from, words.length);
  if (!name || TITLES.has(name.text)) return undefined;
  const written = slicePhrase(piece, words, titleStart, from)?.text;
  // Forms of address are not offices: "Comrade Xi Jinping" gives no role.
  const title = written !== undefined && HONORIFICS.test(written) ? undefined : written;
  const place = asPlace(name, text, gazetteer);
  if (place && title === undefined) return place;
  const role = roleAfter(text, name.end) ?? title;
  // A country's or a town's name is not a person's, unless a title or a role says so.
  if (role === undefined && gazetteer(name.text) !== undefined) return undefined;
  const count = name.text.split(' ').length;
  if (count > 5) return undefined;
  const pinyin = isPinyinName(name.text);
  const cue =
    pinyin ||
    role !== undefined ||
    (count > 1 &&
      (PERSON_BEFORE.test(text.slice(Math.max(0, name.start - 40), name.start)) ||
        PERSON_AFTER.test(text.slice(name.end, name.end + 30)))) ||
    (count > 1 && nextToPerson(name, text, before)) ||
    nlp(name.text).has('#Person');
  if (!cue || place) return undefined;
  return { ...name, kind: 'person', ...optionalRole(role) };
}

function optionalRole(role: string | undefined): { role?: string } {
  return role === undefined ? {} : { role };
}

// A Chinese name in pinyin ("Li Jinke", "An Jinxiang"), or with a hyphenated given name ("Tan Cheng-xu").
function isPinyinName(text: string): boolean {
  const joined = text.replace(/(?<=\p{L})-(\p{L})/gu, (_, letter: string) => letter.toLowerCase());
  return findNameCandidates(joined).some((candidate) => candidate.kind === 'official' && candidate.text === joined);
}

// "Boris Yuriyevich Titov and Sadiq Sanjrani": a name joined by "and" to a person is a person.
function nextToPerson(name: Phrase, text: string, before: readonly FoundName[]): boolean {
  const last = before.at(-1);
  return last?.kind === 'person' && /^\s*(?:,|and|,\s*and)\s*$/u.test(text.slice(last.end, name.start));
}
