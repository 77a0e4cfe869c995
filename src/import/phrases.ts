import { INITIALS_FORM_PATTERN } from './vocabulary.ts';

/** A stretch of the text: a name, a title and a name, or a sentence's first word. */
export interface Phrase {
  readonly text: string;
  /** Offsets in the text searched, end exclusive. */
  readonly start: number;
  readonly end: number;
}

// A word: hyphens and apostrophes join its parts ("Seung-Ho", "Xi'an", "Shangri-La", "al-Mansouri").
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*(?:-[\p{L}\p{N}][\p{L}\p{N}'’]*)*/gu;
// Words that stand inside names between capitalised ones: particles of Arabic, Dutch, German and
// Spanish names, and the joining words of organisation names.
const JOINING = new Set([
  'of',
  'and',
  'for',
  'the',
  'on',
  'bin',
  'bint',
  'ibn',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'de',
  'da',
  'del',
  'du',
  'la',
]);
const CAPITALISED = /^(?:\p{Lu}|(?:al|el)-\p{Lu})/u;
// A company's legal form after its name: "… Co., Ltd.", "… Co., LTD", "…, Ltd.".
const AFTER_CO = /^\.,?\s*(?:Ltd|LTD|Limited)\b\.?/u;
const LEGAL_FORM = /^,\s*(?:Co\.,?\s*)?(?:Ltd|LTD|Limited|Inc)\b\.?/u;
// A legal form of initials, written after the name without a comma: "… Reefer Lines S.A.". Its
// letters are words of their own, which the dots would otherwise cut from the name.
const INITIALS_FORM = new RegExp(`^(?:${INITIALS_FORM_PATTERN})`, 'u');

/**
 * Every run of capitalised words in `text`, with the joining words between them ("Ahmed bin Saleh",
 * "Delegation of Liaoning") and a company's "Co., Ltd." or "S.A." after them. A run ends at punctuation, so
 * "Dalian - Huludao" is two runs. Joining words at either end are left out.
 */
export function findPhrases(text: string): Phrase[] {
  const words = [...text.matchAll(WORD)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
  const phrases: Phrase[] = [];
  let index = 0;
  while (index < words.length) {
    const first = words[index];
    if (!first || !CAPITALISED.test(first.text)) {
      index++;
      continue;
    }
    let last = index;
    // "China (Liaoning) Pilot Free Trade Zone": a bracketed name inside a name.
    let open = -1;
    for (let next = index + 1; next < words.length; next++) {
      const gap = text.slice((words[next - 1] as Phrase).end, (words[next] as Phrase).start);
      const word = (words[next] as Phrase).text;
      const capitalised = CAPITALISED.test(word);
      if (gap === ' (' && open === -1 && capitalised) open = next - 1;
      else if (gap === ') ' && open !== -1 && capitalised) open = -1;
      else if (gap !== ' ' && gap !== '’s ' && gap !== "'s ") break;
      // "Embassy of Spain in China", "Consulate General of Japan in Shenyang": a mission's seat is part of its name.
      const seat =
        word === 'in' && /\b(?:Embassy|Consulate)\b/u.test(text.slice(first.start, (words[next - 1] as Phrase).end));
      if (capitalised) last = next;
      else if (!JOINING.has(word) && !seat) break;
    }
    if (open !== -1) last = Math.min(last, open);
    const lastWord = words[last] as Phrase;
    const initials = last > index ? INITIALS_FORM.exec(text.slice(lastWord.start)) : null;
    const suffix = (lastWord.text === 'Co' ? AFTER_CO : LEGAL_FORM).exec(text.slice(lastWord.end));
    const end = initials ? lastWord.start + initials[0].length : lastWord.end + (suffix ? suffix[0].length : 0);
    phrases.push({ text: text.slice(first.start, end), start: first.start, end });
    index = last + 1;
    while (index < words.length && (words[index] as Phrase).start < end) index++;
  }
  return phrases;
}

/** Splits a phrase into its space-separated words, with offsets. */
export function wordsOf(phrase: Phrase): Phrase[] {
  return [...phrase.text.matchAll(/[^\s]+/gu)].map((match) => {
    const start = phrase.start + match.index;
    return { text: match[0], start, end: start + match[0].length };
  });
}

/** The part of `phrase` from word `from` to word `to` (exclusive), or undefined when empty. */
export function slicePhrase(phrase: Phrase, words: readonly Phrase[], from: number, to: number): Phrase | undefined {
  const first = words[from];
  const last = words[to - 1];
  if (!first || !last || from >= to) return undefined;
  const text = phrase.text.slice(first.start - phrase.start, last.end - phrase.start);
  return { text, start: first.start, end: last.end };
}

/** Splits a phrase at joining words ("Zhuanghe and Lushun"), keeping each side's offsets. */
export function splitOn(phrase: Phrase, joining: ReadonlySet<string>): Phrase[] {
  const words = wordsOf(phrase);
  const parts: Phrase[] = [];
  let from = 0;
  for (let index = 0; index <= words.length; index++) {
    if (index < words.length && !joining.has(words[index]?.text ?? '')) continue;
    const part = slicePhrase(phrase, words, from, index);
    if (part) parts.push(part);
    from = index + 1;
  }
  return parts;
}
