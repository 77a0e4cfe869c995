import { namePattern } from '../link/name-pattern.ts';
import { type MentionTarget, namesOf } from '../link/registry.ts';
import type { Archive } from '../pipeline/build-archive.ts';
import { RECORD_KINDS } from '../schema/index.ts';
import type { ImportMatch } from './report.ts';

/** A registered name: the record it links to, and whether it is the record's name, an alias or a variant. */
export interface RegisteredName {
  readonly target: MentionTarget;
  readonly match: Extract<ImportMatch, 'exact' | 'alias' | 'variant'>;
}

/** The archive's names, and one pattern that finds them all in a text. */
export interface ArchiveNames {
  readonly names: ReadonlyMap<string, RegisteredName>;
  readonly targets: ReadonlyMap<string, MentionTarget>;
  /** The kind of each registered place (`city`, `district`…), by slug. */
  readonly placeKinds: ReadonlyMap<string, string>;
  readonly pattern: RegExp | undefined;
  /** Every slug in use, by kind, so that drafts never take one. */
  readonly slugs: (kind: MentionTarget['kind'] | 'article') => ReadonlySet<string>;
}

const cache = new WeakMap<Archive, ArchiveNames>();
const COMPASS = /^(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Central)(?= )/u;

/** Indexes the names of every entity in the archive; computed once per archive. */
export function archiveNames(archive: Archive): ArchiveNames {
  const cached = cache.get(archive);
  if (cached) return cached;
  const names = new Map<string, RegisteredName>();
  for (const kind of RECORD_KINDS) {
    if (kind === 'article') continue;
    for (const record of archive.records[kind].values()) {
      for (const { name, path } of namesOf(record)) {
        if (names.has(name)) continue;
        const match = path === 'name' ? 'exact' : path.startsWith('aliases') ? 'alias' : 'variant';
        names.set(name, { target: { kind, slug: record.slug }, match });
        // "northeast Asia" is written as often as "Northeast Asia".
        const lower = name.replace(COMPASS, (word) => word.toLowerCase());
        if (kind === 'place' && lower !== name && !names.has(lower)) {
          names.set(lower, { target: { kind, slug: record.slug }, match });
        }
      }
    }
  }
  const targets = new Map([...names].map(([name, entry]) => [name, entry.target]));
  const placeKinds = new Map([...archive.records.place.values()].map((record) => [record.slug, record.data.kind]));
  const slugs = (kind: MentionTarget['kind'] | 'article') => new Set(archive.records[kind].keys());
  const result = { names, targets, placeKinds, pattern: namePattern(names.keys()), slugs };
  cache.set(archive, result);
  return result;
}
