import { RECORD_KINDS, type RecordKind } from './index.ts';

/** Key of a record in maps that span kinds: `official:tan-chengxu`. */
export function recordKey(record: { readonly kind: RecordKind; readonly slug: string }): string {
  return `${record.kind}:${record.slug}`;
}

/** The record a {@link recordKey} names; `undefined` for a key of no known kind. */
export function recordRefOf(key: string): { kind: RecordKind; slug: string } | undefined {
  const colon = key.indexOf(':');
  const kind = RECORD_KINDS.find((known) => known === key.slice(0, colon));
  return kind === undefined ? undefined : { kind, slug: key.slice(colon + 1) };
}
