import type { RecordKind } from '../schema/index.ts';

/** Key of a record in maps that span kinds: `official:tan-chengxu`. */
export function recordKey(record: { readonly kind: RecordKind; readonly slug: string }): string {
  return `${record.kind}:${record.slug}`;
}
