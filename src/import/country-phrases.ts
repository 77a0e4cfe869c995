// Names of countries inside capitalised phrases: a division of its country, a compound of places,
// a country's name of several words among other names.

import { asPlace } from './find-places.ts';
import type { FoundName } from './found-name.ts';
import type { Gazetteer } from './gazetteer.ts';
import { type Phrase, slicePhrase, splitOn, wordsOf } from './phrases.ts';
import { PLACE_WORDS } from './vocabulary.ts';
/** "Primorsky Krai of the Russian Federation", "Government of Sakhalin Oblast of Russia": a division named with its country is two names. */
export function divisionOfCountry(
  part: Phrase,
  text: string,
  gazetteer: Gazetteer,
  asOrganisation: (phrase: Phrase) => FoundName | null | undefined,
): FoundName[] {
  const match = /^(.+) of (?:the )?([^,]+)$/u.exec(part.text);
  if (!match?.[1] || !match[2]) return [];
  const country = gazetteer(match[2]);
  if (country?.kind !== 'country') return [];
  const division = match[1].split(' ').at(-1)?.toLowerCase() ?? '';
  if (PLACE_WORDS.get(division) === undefined) return [];
  const countryStart = part.end - match[2].length;
  const rest = { text: match[1], start: part.start, end: part.start + match[1].length };
  const first = asOrganisation(rest) ?? asPlace(rest, text, gazetteer);
  const place: FoundName = {
    text: match[2],
    start: countryStart,
    end: part.end,
    kind: 'place',
    placeKind: 'country',
    place: country,
  };
  return first ? [first, place] : [place];
}

/** "China-Europe": a compound of known places names each of them. */
export function hyphenatedPlaces(piece: Phrase, gazetteer: Gazetteer): FoundName[] {
  if (piece.text.includes(' ') || !piece.text.includes('-') || gazetteer(piece.text)) return [];
  const names: FoundName[] = [];
  let start = piece.start;
  for (const text of piece.text.split('-')) {
    const place = gazetteer(text);
    if (!place || place.minor) return [];
    names.push({ text, start, end: start + text.length, kind: 'place', placeKind: place.kind, place });
    start += text.length + 1;
  }
  return names;
}

/** "Busan of the Republic of Korea": a country's name of several words is kept whole; the rest is split at joining words. */
export function splitAroundCountries(
  part: Phrase,
  gazetteer: Gazetteer,
  found: FoundName[],
  joining: ReadonlySet<string>,
): Phrase[] {
  const words = wordsOf(part);
  for (let from = 0; from < words.length; from++) {
    for (let to = Math.min(words.length, from + 6); to > from + 2; to--) {
      const span = slicePhrase(part, words, from, to);
      const place = span && gazetteer(span.text);
      if (!span || place?.kind !== 'country') continue;
      const before = slicePhrase(part, words, 0, from);
      const after = slicePhrase(part, words, to, words.length);
      const pieces = before ? splitOn(before, joining) : [];
      found.push({ ...span, kind: 'place', placeKind: 'country', place });
      return [...pieces, ...(after ? splitAroundCountries(after, gazetteer, found, joining) : [])];
    }
  }
  return splitOn(part, joining);
}
