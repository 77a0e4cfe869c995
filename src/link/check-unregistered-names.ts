import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { reportWarning } from '../parse/messages.ts';
import { visibly } from '../parse/unicode-characters.ts';
import { KIND_FOLDERS } from '../schema/index.ts';
import { createLookAlikeFinder, type LookAlike } from './find-look-alikes.ts';
import { describeDifference } from './look-alike.ts';
import { findNameCandidates, type NameCandidate } from './name-candidates.ts';
import { namePattern } from './name-pattern.ts';
import { findProbableVariant, variantAdvice } from './probable-variant.ts';
import type { MentionTarget } from './registry.ts';

// Where mentions are never linked, so registering a name found there would change nothing.
const SKIPPED = new Set(['link', 'linkReference', 'heading', 'inlineCode', 'code', 'definition', 'html']);

/**
 * Makes a check that warns about names in an article body that look like a person or a place (see
 * {@link findNameCandidates}) but are not in `names`, the registered names, aliases and variant
 * spellings. Registered names, the article's `plain` names, and any part of one are never flagged.
 * Words that look like a registered name but are written with other characters (see
 * {@link createLookAlikeFinder}) get `confusable-mention` instead, naming the file in `declaredIn`.
 * The tree is only read, so a cached tree can be checked.
 */
export function createUnregisteredNameCheck(
  names: ReadonlyMap<string, MentionTarget>,
  declaredIn: ReadonlyMap<string, string> = new Map(),
): (tree: Root, file: VFile, plain: readonly string[]) => void {
  const shared = namePattern(names.keys());
  const findLookAlikes = createLookAlikeFinder(names.keys());
  const taken = new Set([...names.values()].map((target) => `${target.kind}:${target.slug}`));
  // Every part of a registered name, indexed once: looking through all names for each candidate
  // made the check grow with names × articles (most of the parse at 100,000 articles).
  const partOfNames = wordRunsOf(names.keys());
  return (tree, file, plain) => {
    const knownPattern = plain.length > 0 ? namePattern([...names.keys(), ...plain]) : shared;
    const partOfPlain = wordRunsOf(plain);
    const source = String(file.value);
    const place = location(file);
    visit(tree, (node) => {
      if (SKIPPED.has(node.type)) return SKIP;
      if (node.type !== 'text') return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      // The source text rather than the node's value, so offsets are file offsets even after
      // escapes. Known names are blanked out with a non-space, so no candidate reaches across one.
      const raw = source.slice(start, end);
      const span = (found: { start: number; end: number }) => {
        const from = place.toPoint(start + found.start);
        const to = place.toPoint(start + found.end);
        return from && to ? { start: from, end: to } : from;
      };
      let text = knownPattern ? raw.replace(knownPattern, (name) => '#'.repeat(name.length)) : raw;
      // A look-alike of a registered name is that name mistyped, not a new person or place.
      for (const lookAlike of findLookAlikes(text)) {
        reportWarning(file, lookAlikeReason(lookAlike, declaredIn), 'confusable-mention', span(lookAlike));
        text = text.slice(0, lookAlike.start) + '#'.repeat(lookAlike.end - lookAlike.start) + text.slice(lookAlike.end);
      }
      for (const candidate of findNameCandidates(text)) {
        if (partOfNames(candidate.text) || partOfPlain(candidate.text)) continue;
        reportWarning(file, messageFor(candidate, taken, names, declaredIn), 'unregistered-name', span(candidate));
      }
    });
  };
}

function lookAlikeReason(lookAlike: LookAlike, declaredIn: ReadonlyMap<string, string>): string {
  const file = declaredIn.get(lookAlike.name);
  const odd = describeDifference(lookAlike.text, lookAlike.name);
  return `"${visibly(lookAlike.text)}" looks like "${lookAlike.name}"${file === undefined ? '' : ` (${file})`} but is written with ${odd}, so it is not linked: retype it`;
}

function messageFor(
  candidate: NameCandidate,
  taken: ReadonlySet<string>,
  names: ReadonlyMap<string, MentionTarget>,
  declaredIn: ReadonlyMap<string, string>,
): string {
  // A near spelling of a registered official is that official until an editor says otherwise:
  // advising a new record here is how one man got two pages.
  const variant = candidate.kind === 'official' ? findProbableVariant(candidate.text, names) : undefined;
  if (variant) return variantAdvice(candidate.text, variant, declaredIn.get(variant.registered));
  const what = candidate.kind === 'official' ? "a person's name" : 'a place name';
  const path = `content/${KIND_FOLDERS[candidate.kind]}/${candidate.slug}.md`;
  const field = candidate.kind === 'official' ? '`aliases` or `variants`' : '`aliases`';
  const add = taken.has(`${candidate.kind}:${candidate.slug}`)
    ? `add it to ${field} in ${path} if it names that record`
    : `add ${path}${candidate.kind === 'place' ? ` (kind: ${candidate.placeKind})` : ''}`;
  return `"${candidate.text}" looks like ${what} but is not registered: ${add}, or list it under \`plain:\` in the front matter if it is not an entity`;
}

/**
 * Whether a text is a run of whole words of one of the names, or a whole name: a candidate that is
 * one is part of a known name ("Shen Fu" in "Shen Fu new districts"). Words are separated by a space
 * only, so "Tianjin" is not a part of "Beijing-Tianjin-Hebei". At first each name's words are
 * indexed, and a candidate is looked for where its first word stands (about 6 µs a look at 15,327
 * names); past {@link LOOKS_BEFORE_RUNS} looks every run of words is listed, and a look is a set's
 * (0.3 µs). Listing the half a million runs takes a quarter of a second: a build that renders one
 * text needs a few dozen looks, one that renders every text hundreds of thousands.
 */
function wordRunsOf(names: Iterable<string>): (text: string) => boolean {
  const list = [...names];
  const byWord = new Map<string, { readonly words: readonly string[]; readonly at: number }[]>();
  for (const name of list) {
    const words = name.split(' ');
    words.forEach((word, at) => {
      const places = byWord.get(word);
      if (places) places.push({ words, at });
      else byWord.set(word, [{ words, at }]);
    });
  }
  let runs: ReadonlySet<string> | undefined;
  let looks = 0;
  return (text) => {
    if (text === '') return false;
    looks += 1;
    if (looks > LOOKS_BEFORE_RUNS) runs ??= everyRun(list);
    if (runs) return runs.has(text);
    const words = text.split(' ');
    return (byWord.get(words[0] ?? '') ?? []).some(
      (place) =>
        place.at + words.length <= place.words.length && words.every((word, i) => place.words[place.at + i] === word),
    );
  };
}

/** Looks at the index of words before every run of words is listed (see {@link wordRunsOf}). */
const LOOKS_BEFORE_RUNS = 2000;

/** Every run of whole words in each name, the name itself included. */
function everyRun(names: readonly string[]): Set<string> {
  const runs = new Set<string>();
  for (const name of names) {
    const starts = [0];
    const ends: number[] = [];
    for (let at = name.indexOf(' '); at !== -1; at = name.indexOf(' ', at + 1)) {
      ends.push(at);
      starts.push(at + 1);
    }
    ends.push(name.length);
    for (const start of starts) {
      for (const end of ends) if (end > start) runs.add(name.slice(start, end));
    }
  }
  return runs;
}
