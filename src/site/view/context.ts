import type { LinkGraph, RecordRef } from '../../link/graph.ts';
import type { RecordIndex } from '../../link/registry.ts';
import { recordUrl } from '../../link/urls.ts';
import type { Archive } from '../../pipeline/build-archive.ts';
import {
  type DateClaim,
  RECORD_KINDS,
  type RecordKind,
  type ResolvedDate,
  resolveRelativeDate,
} from '../../schema/index.ts';
import { recordKey } from '../../schema/record-key.ts';
import { compareText } from '../collate.ts';
import { compareDateKeys, dateSortKey } from '../dates.ts';
import { createLookups, type Lookups } from './lookups.ts';

/** A link to a record's page. */
export interface LinkView {
  readonly url: string;
  readonly label: string;
  readonly kind: RecordKind;
  readonly slug: string;
}

/** What every view-model builder needs: the records, the graph, and how to link and date them. */
export interface ViewContext {
  readonly index: RecordIndex;
  readonly graph: LinkGraph;
  readonly archive: Archive;
  readonly link: (record: RecordRef) => LinkView;
  /** The date a record is best known by: an article's publication, an event's start. */
  readonly dateOf: (record: RecordRef) => ResolvedDate | undefined;
  /** The sort key of {@link dateOf} (see `dateSortKey`), computed once per record. */
  readonly dateKey: (record: RecordRef) => string;
  /** A date with relative words ("yesterday") resolved against its source article's publication. */
  readonly resolve: (date: DateClaim) => ResolvedDate;
  /** Reverse lookups over the records, built once. */
  readonly lookups: Lookups;
}

/** Builds the shared context once per site. */
export function createViewContext(archive: Archive): ViewContext {
  const index = archive.records;
  // One link object per record, shared by every page that links it: tens of thousands of pages
  // link the same records, and view-models are never changed once made.
  const link = oncePerRecord(
    (record): LinkView => ({
      url: recordUrl(index, record),
      label: labelOf(index, record),
      kind: record.kind,
      slug: record.slug,
    }),
  );
  const resolve = (date: DateClaim): ResolvedDate => {
    const article = date.source === undefined ? undefined : index.article.get(date.source);
    return resolveRelativeDate(date, article && { date: article.data.published, title: article.data.title });
  };
  const dateOf = (record: RecordRef): ResolvedDate | undefined => {
    if (record.kind === 'article') return index.article.get(record.slug)?.data.published;
    const date =
      record.kind === 'event'
        ? index.event.get(record.slug)?.data.date
        : record.kind === 'document'
          ? index.document.get(record.slug)?.data.date
          : undefined;
    return date && resolve(date);
  };
  // Lists are sorted by date on most pages, and an event's date is resolved anew on each call.
  const dateKey = oncePerRecord((record) => dateSortKey(dateOf(record)));
  return { index, graph: archive.graph, archive, link, dateOf, dateKey, resolve, lookups: createLookups(index) };
}

function labelOf(index: RecordIndex, record: RecordRef): string {
  if (record.kind === 'article') return index.article.get(record.slug)?.data.title ?? record.slug;
  const entity = (index[record.kind] as ReadonlyMap<string, { data: { name: string } }>).get(record.slug);
  return entity?.data.name ?? record.slug;
}

/** Distinct records in first-seen order. */
export function uniqueRefs(refs: Iterable<RecordRef>): RecordRef[] {
  const seen = byKind<true>();
  const unique: RecordRef[] = [];
  for (const ref of refs) {
    const ofKind = seen[ref.kind];
    if (ofKind.has(ref.slug)) continue;
    ofKind.set(ref.slug, true);
    unique.push({ kind: ref.kind, slug: ref.slug });
  }
  return unique;
}

/**
 * `make`, called once per record and remembered. Looked up by kind, then slug: the slug is a string
 * the records already hold, where a `kind:slug` key would be a new string to hash on each of the
 * millions of calls a site's views make (1.6 s of 10 s of views at 10,000 articles).
 */
function oncePerRecord<T extends NonNullable<unknown>>(make: (record: RecordRef) => T): (record: RecordRef) => T {
  const made = byKind<T>();
  return (record) => {
    const ofKind = made[record.kind];
    const known = ofKind.get(record.slug);
    if (known !== undefined) return known;
    const value = make(record);
    ofKind.set(record.slug, value);
    return value;
  };
}

/** A map per record kind, for lookups by slug without making a `kind:slug` key. */
function byKind<T>(): Record<RecordKind, Map<string, T>> {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, new Map<string, T>()])) as Record<
    RecordKind,
    Map<string, T>
  >;
}

/** Records that link to `record`, of one kind, newest first or `order` (undated last). */
export function linkedFrom(
  context: ViewContext,
  record: RecordRef,
  kind: RecordKind,
  order: 'newest' | 'oldest' = 'newest',
): RecordRef[] {
  return sortByDate(context, linkingRecords(context, record, kind), order);
}

/** How many records of `kind` link to `record`: the length of {@link linkedFrom}, without sorting them. */
export function countLinkedFrom(context: ViewContext, record: RecordRef, kind: RecordKind): number {
  return linkingRecords(context, record, kind).length;
}

/** The distinct records of `kind` that link to `record`, in the graph's order. */
function linkingRecords(context: ViewContext, record: RecordRef, kind: RecordKind): RecordRef[] {
  return uniqueRefs(context.graph.incoming(record).map((edge) => edge.from)).filter((ref) => ref.kind === kind);
}

/** Sorts records by their date; those without a year go last (see {@link dateSortKey}), then by label. */
export function sortByDate(context: ViewContext, refs: RecordRef[], order: 'newest' | 'oldest'): RecordRef[] {
  const keyed = refs.map((ref) => ({ ref, key: context.dateKey(ref), label: context.link(ref).label }));
  keyed.sort((a, b) => compareDateKeys(a.key, b.key, order) || compareText(a.label, b.label));
  return keyed.map((entry) => entry.ref);
}

// Lists asked for by several pages (an entity's page and the A–Z index), computed once per record.
const articlesAboutCache = new WeakMap<ViewContext, Map<string, RecordRef[]>>();

/**
 * Articles about a record: those that name it, and those that report an event that names it.
 * This matches what an article's "In this article" panel lists, so every such link is answered.
 */
export function articlesAbout(context: ViewContext, record: RecordRef): RecordRef[] {
  const cache = articlesAboutCache.get(context) ?? new Map<string, RecordRef[]>();
  articlesAboutCache.set(context, cache);
  const cached = cache.get(recordKey(record));
  if (cached) return cached;
  const viaEvents = context.graph
    .incoming(record)
    .filter((edge) => edge.from.kind === 'event')
    .flatMap((edge) => context.graph.incoming(edge.from).filter((inner) => inner.via.startsWith('reports.')))
    .map((edge) => edge.from);
  const direct = context.graph.incoming(record).map((edge) => edge.from);
  const articles = sortByDate(
    context,
    uniqueRefs([...direct, ...viaEvents]).filter((ref) => ref.kind === 'article'),
    'newest',
  );
  cache.set(recordKey(record), articles);
  return articles;
}
