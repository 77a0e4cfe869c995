import { positionAt } from '../parse/front-matter.ts';
import { reportError } from '../parse/messages.ts';
import type { AnyParsedRecord } from '../parse/parse-record.ts';
import { LABEL_FIELDS, RESERVED_SLUG, type RecordKind } from '../schema/index.ts';
import { slugFromTitle } from '../util/slug.ts';

/** Where a label was first written: its spelling, and the file and place that spell it so. */
interface FirstSpelling {
  readonly label: string;
  readonly where: string;
}

/**
 * Labels name pages of their own (a topic's page is `/topics/<slug of the label>/`), so every
 * label must make a slug, and two labels of a field that make the same slug must be one label
 * spelled one way across the archive: "Trade" and "trade" would otherwise fight over one page.
 * A label listed twice in one record is refused too. `fields` defaults to the record-kind table's.
 */
export function checkLabels(
  records: readonly AnyParsedRecord[],
  fields: { readonly [K in RecordKind]: readonly string[] } = LABEL_FIELDS,
): void {
  const firsts = new Map<string, FirstSpelling>();
  const byPath = [...records].sort((a, b) => (a.file.path < b.file.path ? -1 : 1));
  for (const record of byPath) {
    for (const field of fields[record.kind]) {
      const labels: unknown = (record.data as Record<string, unknown>)[field];
      if (!Array.isArray(labels)) continue;
      const inRecord = new Map<string, string>();
      labels.forEach((label: unknown, at) => {
        if (typeof label !== 'string') return;
        const place = positionAt(record.positions, `${field}.${at}`);
        const slug = slugFromTitle(label);
        if (slug === '' || RESERVED_SLUG.test(slug)) {
          const why = slug === '' ? 'has no Latin letters or digits' : `makes the reserved slug "${slug}"`;
          const reason = `\`${field}\` "${label}" ${why}, so its page has no address: add a Latin spelling`;
          reportError(record.file, reason, 'invalid-slug', place);
          return;
        }
        const key = `${field}\n${slug}`;
        const first = firsts.get(key);
        const where = `${record.file.path}${place ? `:${place.start.line}:${place.start.column}` : ''}`;
        const earlier = inRecord.get(slug);
        if (earlier !== undefined) {
          const twice =
            earlier === label ? `"${label}" twice` : `"${earlier}" and "${label}", which make the same page "${slug}"`;
          reportError(record.file, `\`${field}\` lists ${twice}: keep one`, 'duplicate-slug', place);
        } else if (first && first.label !== label) {
          const reason = `\`${field}\` "${label}" and "${first.label}" (${first.where}) make the same page "${slug}": spell them one way`;
          reportError(record.file, reason, 'duplicate-slug', place);
        }
        inRecord.set(slug, label);
        if (!first) firsts.set(key, { label, where });
      });
    }
  }
}
