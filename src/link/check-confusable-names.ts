import { KEY_SUFFIX, positionAt } from '../parse/front-matter.ts';
import { reportWarning } from '../parse/messages.ts';
import type { AnyParsedRecord } from '../parse/parse-record.ts';
import { visibly } from '../parse/unicode-characters.ts';
import type { EntityKind } from '../schema/index.ts';
import { describeDifference, isPlainName, lookAlikeKey, looseKeys } from './look-alike.ts';

/** A name an entity declares, and where. */
export interface DeclaredName {
  readonly name: string;
  readonly kind: EntityKind;
  readonly record: AnyParsedRecord;
  readonly path: string;
}

/**
 * Warns about every name that looks like another record's name (the same UTS #39 skeleton, see
 * {@link lookAlikeKey}), or differs from it only by case, spacing or accents. Of two look-alikes the
 * plain one is kept; the other is returned so that it is not linked: a reader could not tell which
 * record a mention of it stands for. `names` is in index order, which decides between equals.
 */
export function checkConfusableNames(names: readonly DeclaredName[]): ReadonlySet<DeclaredName> {
  const dropped = new Set<DeclaredName>();
  const warned = new Set<DeclaredName>();
  const groups = new Map<string, DeclaredName[]>();
  for (const entry of names) {
    const key = lookAlikeKey(entry.name);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const keeper = group.find((entry) => isPlainName(entry.name)) ?? (group[0] as DeclaredName);
    for (const entry of group) {
      // The same text twice is `duplicate-alias`, and a record may spell itself as it likes.
      if (entry.record === keeper.record || entry.name === keeper.name) continue;
      const plain = isPlainName(entry.name);
      const unlinked = plain ? '' : '; until then it is not linked in articles';
      const odd = describeDifference(entry.name, keeper.name);
      warn(
        entry,
        `Name "${visibly(entry.name)}" looks like "${keeper.name}" of ${describe(keeper)}${odd === '' ? '' : ` but is written with ${odd}`}: retype it in plain letters, or if both name the same ${keeper.kind}, keep one record${unlinked}`,
      );
      warned.add(entry);
      if (!plain) dropped.add(entry);
    }
  }
  // Of names that differ by case or accents, the one with fewest characters outside ASCII is kept.
  // Counted once per name, not once per comparison of the sort.
  const outsideAscii = new Map(names.map((entry) => [entry, entry.name.replace(/\p{ASCII}/gu, '').length]));
  const preferred = [...names].sort((a, b) => (outsideAscii.get(a) ?? 0) - (outsideAscii.get(b) ?? 0));
  const first = new Map<string, DeclaredName>();
  for (const entry of preferred) {
    if (dropped.has(entry)) continue;
    const keys = looseKeys(entry.name);
    const earlier = keys.map((key) => first.get(key)).find((other) => other && other.record !== entry.record);
    if (earlier && earlier.name !== entry.name && !warned.has(entry)) {
      warn(
        entry,
        `Name "${visibly(entry.name)}" differs from "${earlier.name}" of ${describe(earlier)} only by case, spacing or accents: if both name the same ${earlier.kind}, keep one record and list this spelling in its \`aliases\``,
      );
    }
    for (const key of keys) if (!first.has(key)) first.set(key, entry);
  }
  return dropped;
}

function describe(entry: DeclaredName): string {
  return `${entry.kind} \`${entry.record.slug}\` (${entry.record.file.path})`;
}

function warn(entry: DeclaredName, reason: string): void {
  const { record, path } = entry;
  reportWarning(
    record.file,
    reason,
    'confusable-name',
    positionAt(record.positions, path) ?? positionAt(record.positions, path + KEY_SUFFIX),
  );
}
