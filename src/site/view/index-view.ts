import type { RecordRef } from '../../link/graph.ts';
import { compareText } from '../collate.ts';
import { articlesAbout, type LinkView, type ViewContext } from './context.ts';

/** One entry of an A–Z index. */
export interface IndexEntry {
  readonly link: Pick<LinkView, 'url' | 'label'>;
  /** A short description, e.g. the kind of place. */
  readonly detail: string;
  /** How many articles link to it. */
  readonly articles: number;
}

/** Entries under one initial letter. */
export interface IndexGroup {
  readonly letter: string;
  /** The letter's anchor (`letter-B`) and, lower-cased, the end of its page's URL: `A`…`Z`, and `other` for `#`. */
  readonly id: string;
  /** The letter's own page, when its kind's index is too long for one (see {@link splitIndex}). */
  readonly url?: string;
  readonly entries: readonly IndexEntry[];
}

/**
 * Entries an A–Z index lists on one page at most. Past that, each letter gets a page of its own:
 * one page of every event weighed 3.1 MB at 10,000 articles (13,221 events), and grew with the
 * archive.
 */
export const INDEX_PAGE_ENTRIES = 1000;

/** Where the letter pages of the A–Z indexes live: a section of their own, so no record's slug can take one's URL. */
export const LETTERS_SECTION = 'a-z';

/**
 * An index of a kind (`section`) as its pages show it: on one page while it has at most
 * `limit` entries, else each letter with the URL of its own page.
 */
export function splitIndex(section: string, groups: readonly IndexGroup[], limit = INDEX_PAGE_ENTRIES): IndexGroup[] {
  const entries = groups.reduce((sum, group) => sum + group.entries.length, 0);
  if (entries <= limit) return [...groups];
  return groups.map((group) => ({ ...group, url: `/${LETTERS_SECTION}/${section}/${group.id.toLowerCase()}/` }));
}

/** Groups records A–Z by the first letter of their label; digits and others go under `#`. */
export function toIndexGroups(
  context: ViewContext,
  refs: readonly RecordRef[],
  detailOf: (ref: RecordRef) => string,
): IndexGroup[] {
  const entries = refs.map((ref) => ({
    link: context.link(ref),
    detail: detailOf(ref),
    articles: articlesAbout(context, ref).length,
  }));
  return groupAtoZ(entries);
}

/** Groups index entries A–Z by the first letter of their label; digits and others go under `#`. */
export function groupAtoZ(unsorted: readonly IndexEntry[]): IndexGroup[] {
  const groups = new Map<string, IndexEntry[]>();
  const entries = [...unsorted].sort((a, b) => compareText(a.link.label, b.link.label));
  for (const entry of entries) {
    const initial = entry.link.label.normalize('NFD').charAt(0).toUpperCase();
    const letter = /^[A-Z]$/.test(initial) ? initial : '#';
    const group = groups.get(letter);
    if (group) group.push(entry);
    else groups.set(letter, [entry]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : compareText(a, b)))
    .map(([letter, list]) => ({ letter, id: letter === '#' ? 'other' : letter, entries: list }));
}
