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

/** Lists every reference in `data`, a validated front matter of `kind`. */
export function findReferences(kind: RecordKind, data: unknown): FoundReference[] {
  const found: FoundReference[] = [];
  for (const [pattern, target] of Object.entries(REFERENCE_FIELDS[kind])) {
    collect(data, pattern.split('.'), [], (path, slug) => found.push({ path, target, slug }));
  }
  return found;
}

function collect(
  value: unknown,
  pattern: readonly string[],
  path: readonly string[],
  emit: (path: string, slug: string) => void,
): void {
  const [head, ...rest] = pattern;
  if (head === undefined) {
    if (typeof value === 'string') emit(path.join('.'), value);
    return;
  }
  if (head === '*') {
    if (!Array.isArray(value)) return;
    for (const [index, item] of value.entries()) collect(item, rest, [...path, String(index)], emit);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    collect((value as Record<string, unknown>)[head], rest, [...path, head], emit);
  }
}
