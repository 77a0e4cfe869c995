import { slugify } from '../link/name-candidates.ts';
import { findProbableVariant } from '../link/probable-variant.ts';
import type { ArchiveNames } from './archive-names.ts';
import type { FoundName } from './found-name.ts';
import type { ImportMatch, ImportMentionKind } from './report.ts';
import { roleAfter } from './roles.ts';

/** One place where the body names an entity, matched to the archive. */
export interface Occurrence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: ImportMentionKind;
  /** The slug of the record it is, is probably a variant of, or would get. */
  readonly record: string;
  readonly match: ImportMatch;
  readonly role?: string;
  /** For a new name: what was found, to draft its record. */
  readonly found?: FoundName;
  /** For a probable variant: the registered name and why they look alike. */
  readonly variantOf?: { readonly name: string; readonly reason: string };
}

const KINDS = { official: 'person', place: 'place', organisation: 'organisation' } as const;

/**
 * Every mention of a person, place or organisation in `body`, in order: registered names first
 * (longest first, as the site links them), then the names found in the rest of the text. A found
 * organisation that contains a registered place ("Shenyang Port Group" around "Shenyang") wins.
 */
export function matchOccurrences(body: string, found: readonly FoundName[], names: ArchiveNames): Occurrence[] {
  const registered: Occurrence[] = [];
  const covered: { start: number; end: number }[] = [];
  for (const match of names.pattern ? body.matchAll(names.pattern) : []) {
    const entry = names.names.get(match[0]);
    if (!entry) continue;
    const at = { start: match.index, end: match.index + match[0].length };
    // The longest name wins: "Standing Committee of the X Party Committee" is its own body, and
    // "Jinzhou District" a district, not the city of Jinzhou.
    const wider = found.find(
      (name) =>
        name.start <= at.start &&
        name.end >= at.end &&
        name.end - name.start > at.end - at.start &&
        (name.kind === 'organisation' ||
          (name.kind === 'place' &&
            entry.target.kind === 'place' &&
            name.placeKind !== undefined &&
            name.placeKind !== names.placeKinds.get(entry.target.slug))),
    );
    if (wider) continue;
    covered.push(at);
    if (entry.target.kind !== 'official' && entry.target.kind !== 'place' && entry.target.kind !== 'organisation')
      continue;
    const kind = KINDS[entry.target.kind];
    const same = found.find((name) => name.kind === 'person' && name.start <= at.start && name.end >= at.end);
    const role = kind === 'person' ? (same?.role ?? roleAfter(body, at.end)) : undefined;
    registered.push({
      text: match[0],
      ...at,
      kind,
      record: entry.target.slug,
      match: entry.match,
      ...(role ? { role } : {}),
    });
  }
  const fresh: Occurrence[] = [];
  for (const name of found) {
    if (covered.some((span) => span.start < name.end && name.start < span.end)) continue;
    const variant = name.kind === 'person' ? findProbableVariant(name.text, names.targets) : undefined;
    const text = name.text;
    const base = {
      text,
      start: name.start,
      end: name.end,
      kind: name.kind,
      found: name,
      ...(name.role ? { role: name.role } : {}),
    };
    if (variant) {
      fresh.push({
        ...base,
        record: variant.target.slug,
        match: 'probable-variant',
        variantOf: { name: variant.registered, reason: variant.reason },
      });
    } else {
      fresh.push({
        ...base,
        record: slugify(name.place && name.placeKind === 'city' ? name.place.name : text),
        match: 'new',
      });
    }
  }
  return [...registered, ...fresh].sort((a, b) => a.start - b.start);
}

/** The first mention of each record, in order of first mention. */
export function firstMentions(occurrences: readonly Occurrence[]): Occurrence[] {
  const seen = new Set<string>();
  return occurrences.filter((occurrence) => {
    const key = `${occurrence.kind}:${occurrence.record}:${occurrence.match === 'probable-variant' ? occurrence.text : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
