import { ROLE_WORD, TITLES } from './vocabulary.ts';

// An appositive: ", " then words up to the next comma, semicolon or sentence end.
const APPOSITIVE = /^,\s+([^,;.!?\n]+?)\s*(?=[,;.!?\n]|$)/u;
// An appositive may run on past ", and " when it joins two offices of one person
// ("deputy secretary of the Dalian Municipal Party Committee, and mayor of …").
const JOINED = /^,\s+and\s+([^,;.!?\n]+?)\s*(?=,)/u;

/**
 * The role an appositive gives the name that ends at `end`, word for word: "Porozhanov, the
 * ambassador of Bulgaria to China," gives "the ambassador of Bulgaria to China". Only an
 * appositive that starts in lower case (or with a title) and names an office counts.
 */
export function roleAfter(text: string, end: number): string | undefined {
  const after = text.slice(end, end + 400);
  const match = APPOSITIVE.exec(after);
  const role = match?.[1];
  if (role === undefined || !isRole(role)) return undefined;
  const more = JOINED.exec(after.slice((match?.[0] ?? '').length));
  return more?.[1] !== undefined && isRole(more[1]) ? `${role}, and ${more[1]}` : role;
}

/** True when the words read as an office: they start in lower case or with a title, and name one. */
function isRole(words: string): boolean {
  const first = words.split(/\s+/)[0] ?? '';
  const startsRight = /^\p{Ll}/u.test(first) || TITLES.has(first);
  return startsRight && ROLE_WORD.test(words) && words.split(/\s+/).length <= 30;
}
