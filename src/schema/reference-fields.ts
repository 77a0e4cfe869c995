import type { RecordKind } from './index.ts';

/**
 * Which front-matter fields of each kind refer to which kind of record. `*` stands for every item
 * of a list. This one table drives both the dangling-reference check and the link graph.
 */
export const REFERENCE_FIELDS: { readonly [K in RecordKind]: Readonly<Record<string, RecordKind>> } = {
  article: { 'reports.*': 'event', 'publisher.organisation': 'organisation', 'proposals.*.variantOf': 'official' },
  event: {
    'date.source': 'article',
    'end.source': 'article',
    place: 'place',
    'venues.*': 'organisation',
    partOf: 'event',
    'organisers.*': 'organisation',
    'participants.*.official': 'official',
    'participants.*.source': 'article',
    'organisations.*.organisation': 'organisation',
    'documents.*': 'document',
    'importedFrom.article': 'article',
  },
  official: {
    'variants.*.source': 'article',
    'roles.*.organisation': 'organisation',
    'roles.*.place': 'place',
    'roles.*.source': 'article',
    'importedFrom.article': 'article',
  },
  place: { within: 'place', 'importedFrom.article': 'article' },
  organisation: { place: 'place', partOf: 'organisation', 'importedFrom.article': 'article' },
  document: {
    'date.source': 'article',
    'issuedBy.*': 'organisation',
    'authors.*': 'official',
    'parties.*': 'organisation',
  },
};

/** The kind of record the value at `path` (`participants.2.official`) refers to, if it is a reference. */
export function referenceTargetAt(kind: RecordKind, path: string): RecordKind | undefined {
  const keys = path.split('.');
  for (const [pattern, target] of Object.entries(REFERENCE_FIELDS[kind])) {
    const parts = pattern.split('.');
    if (
      parts.length === keys.length &&
      parts.every((part, at) => part === keys[at] || (part === '*' && /^\d+$/.test(keys[at] ?? '')))
    ) {
      return target;
    }
  }
  return undefined;
}

/** One reference found in a record's front matter. */
export interface FoundReference {
  /** Dotted path of the value, e.g. `participants.2.official`. */
  readonly path: string;
  readonly target: RecordKind;
  readonly slug: string;
}

// Each kind's patterns split once: both the reference check and the link graph walk every record's
// front matter with them on every build (25,000 records at 10,000 articles), and splitting them,
// with a new path array at every step, was a third of that walk's time and most of its garbage.
const PATTERNS = Object.fromEntries(
  Object.entries(REFERENCE_FIELDS).map(([kind, fields]) => [
    kind,
    Object.entries(fields).map(([pattern, target]) => ({ parts: pattern.split('.'), target })),
  ]),
) as unknown as {
  readonly [K in RecordKind]: readonly { readonly parts: readonly string[]; readonly target: RecordKind }[];
};

/** Lists every reference in `data`, a validated front matter of `kind`. */
export function findReferences(kind: RecordKind, data: unknown): FoundReference[] {
  const found: FoundReference[] = [];
  for (const { parts, target } of PATTERNS[kind]) collect(data, parts, 0, '', target, found);
  return found;
}

/** Adds to `found` the references at `parts` from `at` on, within `value`, whose path so far is `path`. */
function collect(
  value: unknown,
  parts: readonly string[],
  at: number,
  path: string,
  target: RecordKind,
  found: FoundReference[],
): void {
  const head = parts[at];
  if (head === undefined) {
    if (typeof value === 'string') found.push({ path, target, slug: value });
    return;
  }
  const prefix = at === 0 ? '' : `${path}.`;
  if (head === '*') {
    if (!Array.isArray(value)) return;
    for (let index = 0; index < value.length; index++) {
      collect(value[index], parts, at + 1, prefix + index, target, found);
    }
    return;
  }
  if (typeof value === 'object' && value !== null) {
    collect((value as Record<string, unknown>)[head], parts, at + 1, prefix + head, target, found);
  }
}
