import { RECORD_KINDS, type RecordKind } from '../schema/index.ts';
import { recordKey } from '../schema/record-key.ts';
import { findReferences } from '../schema/reference-fields.ts';
import type { MentionTarget, RecordIndex } from './registry.ts';

/** A record named by kind and slug. */
export interface RecordRef {
  readonly kind: RecordKind;
  readonly slug: string;
}

/** One link between two records: a front-matter reference (`via` is its field) or a mention in a body. */
export interface Edge {
  readonly from: RecordRef;
  readonly to: RecordRef;
  /** The field path, e.g. `participants.0.official`, or `mention`. */
  readonly via: string;
}

/** Every link in the archive, looked up from either end. */
export interface LinkGraph {
  readonly outgoing: (record: RecordRef) => readonly Edge[];
  readonly incoming: (record: RecordRef) => readonly Edge[];
}

/**
 * Indexes every reference and every mention once, in both directions, so that each page can list
 * what links to it without scanning the archive: this is what makes every link answered.
 */
export function buildGraph(index: RecordIndex, mentioned: ReadonlyMap<string, readonly MentionTarget[]>): LinkGraph {
  // Edges by kind, then slug: a key string made for each end of each of the archive's 250,000
  // edges (at 10,000 articles) was most of this function's time and garbage.
  const outgoing = edgeMaps();
  const incoming = edgeMaps();
  const add = (edge: Edge) => {
    push(outgoing[edge.from.kind], edge.from.slug, edge);
    push(incoming[edge.to.kind], edge.to.slug, edge);
  };
  for (const records of Object.values(index) as ReadonlyMap<
    string,
    { kind: RecordKind; slug: string; data: unknown }
  >[]) {
    for (const record of records.values()) {
      const from = { kind: record.kind, slug: record.slug };
      for (const reference of findReferences(record.kind, record.data)) {
        add({ from, to: { kind: reference.target, slug: reference.slug }, via: reference.path });
      }
      for (const target of mentioned.get(recordKey(from)) ?? []) add({ from, to: target, via: 'mention' });
    }
  }
  return {
    outgoing: (record) => outgoing[record.kind].get(record.slug) ?? [],
    incoming: (record) => incoming[record.kind].get(record.slug) ?? [],
  };
}

function edgeMaps(): Record<RecordKind, Map<string, Edge[]>> {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, new Map<string, Edge[]>()])) as Record<
    RecordKind,
    Map<string, Edge[]>
  >;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
