import nlp from 'compromise';
import { findNameCandidates } from '../link/name-candidates.ts';
import type { PlaceKind } from '../schema/index.ts';
import type { FoundName } from './found-name.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Phrase } from './phrases.ts';
import { PLACE_WORDS, SITE_WORDS } from './vocabulary.ts';

const LOWER_PLACE_WORD = /^\s+(city|municipality|province|prefecture|county|district|new area|new district)\b/u;
// Words around a small town that say it is a place: "in Duqm", "Suwon, Pyeongtaek and", "Korsakov port".
const PLACE_BEFORE = /(?:\b(?:in|at|to|from|and|of|near|via)|,)\s+(?:the\s+)?$/u;
const PLACE_AFTER = /^(?:\s+(?:port|and|city|town|area)\b|,)/u;

/**
 * The phrase as a place: one the gazetteer knows ("Zhuanghe", "Republic of Korea"; a small town
 * only where the words around it make it a place), a pinyin name before a place word ("Anshan
 * city", "Songjiang District"), or a name before a division or site word ("Primorsky Krai",
 * "Guanglu Island", "Xinghai Square"), whose kind the word gives.
 */
export function asPlace(name: Phrase, text: string, gazetteer: Gazetteer): FoundName | undefined {
  const lower = LOWER_PLACE_WORD.exec(text.slice(name.end, name.end + 20));
  const words = name.text.split(' ');
  const lastTwo = words.slice(-2).join(' ').toLowerCase();
  const last = words.at(-1)?.toLowerCase() ?? '';
  const capitalised = PLACE_WORDS.get(lastTwo) ? 2 : PLACE_WORDS.get(last) || SITE_WORDS.has(last) ? 1 : 0;
  const bare = capitalised > 0 ? words.slice(0, -capitalised).join(' ') : name.text;
  const known = bare === '' ? undefined : gazetteer(bare);
  const cue =
    capitalised > 0 ||
    lower !== null ||
    PLACE_BEFORE.test(text.slice(Math.max(0, name.start - 12), name.start)) ||
    PLACE_AFTER.test(text.slice(name.end, name.end + 8));
  const place = (known?.minor && !cue) || (capitalised === 0 && isDemonym(name.text)) ? undefined : known;
  const word = lower?.[1] ?? (capitalised > 0 ? words.slice(-capitalised).join(' ') : undefined);
  // A Japanese prefecture is a first-level division, a province; elsewhere (China) a prefecture is a region.
  const japanese = word?.toLowerCase() === 'prefecture' && known?.country === 'JP';
  const kindFromWord =
    word === undefined ? undefined : japanese ? 'province' : (PLACE_WORDS.get(word.toLowerCase()) ?? 'region');
  const named =
    kindFromWord !== undefined &&
    (findNameCandidates(`${bare} city`).length > 0 || (capitalised > 0 && bare.split(' ').length <= 3));
  if (!place && !named) return undefined;
  const placeKind: PlaceKind = kindFromWord ?? place?.kind ?? 'city';
  return { ...name, kind: 'place', placeKind, ...(place ? { place } : {}) };
}

const demonyms = new Map<string, boolean>();

// "German", "Korean": a people's name, not a place, even where a parish shares it.
function isDemonym(word: string): boolean {
  if (word.includes(' ')) return false;
  let known = demonyms.get(word);
  if (known === undefined) {
    known = nlp(word).has('#Demonym');
    demonyms.set(word, known);
  }
  return known;
}
