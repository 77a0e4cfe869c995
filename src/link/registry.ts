import { hasPosition, KEY_SUFFIX, positionAt } from '../parse/front-matter.ts';
import { reportError } from '../parse/messages.ts';
import type { AnyParsedRecord, ParsedRecord } from '../parse/parse-record.ts';
import { type EntityKind, RECORD_KINDS, type RecordKind } from '../schema/index.ts';
import { checkConfusableNames, type DeclaredName } from './check-confusable-names.ts';

/** Every record of the archive, by kind and slug. */
export type RecordIndex = { readonly [K in RecordKind]: ReadonlyMap<string, ParsedRecord<K>> };

/** The record a name in an article stands for. */
export interface MentionTarget {
  readonly kind: EntityKind;
  readonly slug: string;
}

/** A name that links to a record, and where that record declares it. */
interface NameEntry {
  readonly target: MentionTarget;
  readonly record: AnyParsedRecord;
  readonly path: string;
}

/**
 * First pass of linking: indexes every record by slug and every entity by its names, reporting
 * duplicate slugs, names shared by two records and look-alike names (which are left unlinked, see
 * {@link checkConfusableNames}). The first record (in path order) keeps the slug.
 */
export function indexRecords(records: readonly AnyParsedRecord[]): {
  index: RecordIndex;
  names: ReadonlyMap<string, MentionTarget>;
  /** The file that declares each name, for messages that point at it. */
  declaredIn: ReadonlyMap<string, string>;
} {
  const slugs = bySlug(records);
  for (const { record, first } of slugs.taken) {
    reportError(
      record.file,
      `Duplicate slug \`${record.slug}\`: ${first.file.path} already uses it; rename this file or set a different \`slug:\``,
      'duplicate-slug',
      positionAt(record.positions, 'slug') ?? { line: 1, column: 1 },
    );
  }
  const maps = slugs.index as unknown as Record<RecordKind, ReadonlyMap<string, AnyParsedRecord>>;

  const declared: DeclaredName[] = [];
  for (const kind of RECORD_KINDS) {
    if (kind === 'article') continue;
    for (const record of maps[kind].values()) {
      for (const { name, path } of namesOf(record)) declared.push({ name, kind, record, path });
    }
  }
  // An accepted proposal makes the spelling a variant of the official, cited to the article.
  for (const article of maps.article.values()) {
    if (article.kind !== 'article') continue;
    article.data.proposals.forEach((proposal, index) => {
      const official = maps.official.get(proposal.variantOf);
      if (proposal.decision !== 'accepted' || !official) return;
      declared.push({
        name: proposal.spelling,
        kind: 'official',
        record: official,
        path: `proposals.${index}.spelling`,
      });
    });
  }
  const lookAlikes = checkConfusableNames(declared);
  const names = new Map<string, NameEntry>();
  for (const entry of declared) {
    const { name, kind, record, path } = entry;
    if (lookAlikes.has(entry)) continue;
    const first = names.get(name);
    if (first && first.record !== record) {
      reportError(
        record.file,
        `Name "${name}" is already used by ${first.target.kind} \`${first.target.slug}\` (${first.record.file.path}): a name may link to one record only; remove it from one of them`,
        'duplicate-alias',
        positionAt(record.positions, path) ?? positionAt(record.positions, path + KEY_SUFFIX),
      );
      continue;
    }
    if (!first) names.set(name, { target: { kind, slug: record.slug }, record, path });
  }
  const targets = new Map([...names].map(([name, entry]) => [name, entry.target]));
  const declaredIn = new Map([...names].map(([name, entry]) => [name, entry.record.file.path]));
  return { index: slugs.index, names: targets, declaredIn };
}

/**
 * Every record by kind and slug, and the records whose slug another took first. The first record
 * in path order keeps a slug, but one taken from a file name wins over one set with `slug:`, so
 * that the message lands on the override.
 */
export function bySlug(records: readonly AnyParsedRecord[]): {
  index: RecordIndex;
  taken: { record: AnyParsedRecord; first: AnyParsedRecord }[];
} {
  const maps = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, new Map<string, AnyParsedRecord>()])) as Record<
    RecordKind,
    Map<string, AnyParsedRecord>
  >;
  const overridden = new Set(records.filter((record) => hasPosition(record.positions, 'slug')));
  const order = (a: AnyParsedRecord, b: AnyParsedRecord) =>
    Number(overridden.has(a)) - Number(overridden.has(b)) || (a.file.path < b.file.path ? -1 : 1);
  // Content is listed in path order: sorting 25,000 records that are in order already cost 30 ms.
  const sorted = records.every((record, at) => at === 0 || order(records[at - 1] as AnyParsedRecord, record) < 0)
    ? records
    : [...records].sort(order);
  const taken: { record: AnyParsedRecord; first: AnyParsedRecord }[] = [];
  for (const record of sorted) {
    const map = maps[record.kind];
    const first = map.get(record.slug);
    if (first) taken.push({ record, first });
    else map.set(record.slug, record);
  }
  return { index: maps as unknown as RecordIndex, taken };
}

/** The names under which an entity is mentioned: its name, its aliases and its variant spellings. */
export function namesOf(record: AnyParsedRecord): { name: string; path: string }[] {
  if (record.kind === 'article') return [];
  const aliases = record.data.aliases.map((alias, index) => ({ name: alias, path: `aliases.${index}` }));
  const variants =
    record.kind === 'official'
      ? record.data.variants.map((variant, index) => ({ name: variant.spelling, path: `variants.${index}.spelling` }))
      : [];
  return [{ name: record.data.name, path: 'name' }, ...aliases, ...variants];
}
