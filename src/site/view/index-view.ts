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
  readonly entries: readonly IndexEntry[];
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
    .map(([letter, list]) => ({ letter, entries: list }));
}
