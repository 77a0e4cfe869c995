import { positionAt } from '../parse/front-matter.ts';
import { reportError } from '../parse/messages.ts';
import type { AnyParsedRecord } from '../parse/parse-record.ts';
import { KIND_FOLDERS, type RecordKind } from '../schema/index.ts';
import { findReferences } from '../schema/reference-fields.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import type { RecordIndex } from './registry.ts';

// Fields whose references must not loop back on themselves.
const HIERARCHIES = { event: 'partOf', place: 'within', organisation: 'partOf' } as const;

/**
 * Second pass of linking: every reference must name an existing record of the right kind, and
 * no hierarchy (events within events, places within places…) may loop. References to a record
 * whose own file has errors (`isInvalid`) are not reported again: its file's messages say it all.
 */
export function checkReferences(
  records: readonly AnyParsedRecord[],
  index: RecordIndex,
  isInvalid: (target: { kind: RecordKind; slug: string }) => boolean = () => false,
): void {
  for (const record of records) {
    for (const reference of findReferences(record.kind, record.data)) {
      const targets = index[reference.target];
      if (targets.has(reference.slug) || isInvalid({ kind: reference.target, slug: reference.slug })) continue;
      reportError(
        record.file,
        `Unknown ${reference.target} "${reference.slug}" in \`${reference.path}\`${didYouMean(reference.slug, targets.keys())}: fix the slug, or add content/${KIND_FOLDERS[reference.target]}/${reference.slug}.md`,
        'unknown-reference',
        positionAt(record.positions, reference.path),
      );
    }
  }
  for (const record of records) checkHierarchy(record, index);
}

function checkHierarchy(record: AnyParsedRecord, index: RecordIndex): void {
  if (!(record.kind in HIERARCHIES)) return;
  const field = HIERARCHIES[record.kind as keyof typeof HIERARCHIES];
  const seen = [record.slug];
  let current: AnyParsedRecord | undefined = record;
  while (current) {
    const parent: unknown = (current.data as Record<string, unknown>)[field];
    if (typeof parent !== 'string') return;
    if (parent === record.slug) {
      reportError(
        record.file,
        `\`${field}\` makes a loop: ${[...seen, parent].join(' → ')}; a ${record.kind} cannot be inside itself, so remove one link of the loop`,
        'reference-cycle',
        positionAt(record.positions, field),
      );
      return;
    }
    if (seen.includes(parent)) return; // A loop further up is reported on its own members.
    seen.push(parent);
    current = (index[record.kind] as ReadonlyMap<string, AnyParsedRecord>).get(parent);
  }
}
