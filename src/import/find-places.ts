import { findNameCandidates } from '../link/name-candidates.ts';
import type { PlaceKind } from '../schema/index.ts';
import type { FoundName } from './find-names.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Phrase } from './phrases.ts';
import { PLACE_WORDS } from './vocabulary.ts';

const LOWER_PLACE_WORD = /^\s+(city|municipality|province|prefecture|county|district|new area|new district)\b/u;

/**
 * The phrase as a place: one the gazetteer knows ("Zhuanghe", "Republic of Korea"), or a pinyin
 * name before a place word ("Anshan city", "Songjiang District"), whose kind the word gives.
 */
export function asPlace(name: Phrase, text: string, gazetteer: Gazetteer): FoundName | undefined {
  const lower = LOWER_PLACE_WORD.exec(text.slice(name.end, name.end + 20));
  const words = name.text.split(' ');
  const lastTwo = words.slice(-2).join(' ').toLowerCase();
  const capitalised = PLACE_WORDS.get(lastTwo) ? 2 : PLACE_WORDS.get(words.at(-1)?.toLowerCase() ?? '') ? 1 : 0;
  const bare = capitalised > 0 ? words.slice(0, -capitalised).join(' ') : name.text;
  const place = bare === '' ? undefined : gazetteer(bare);
  const word = lower?.[1] ?? (capitalised > 0 ? words.slice(-capitalised).join(' ') : undefined);
  const kindFromWord = word === undefined ? undefined : PLACE_WORDS.get(word.toLowerCase());
  if (!place && (kindFromWord === undefined || findNameCandidates(`${bare} city`).length === 0)) return undefined;
  const placeKind: PlaceKind = kindFromWord ?? place?.kind ?? 'city';
  return { ...name, kind: 'place', placeKind, ...(place ? { place } : {}) };
}
