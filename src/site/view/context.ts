import type { LinkGraph, RecordRef } from '../../link/graph.ts';
import type { RecordIndex } from '../../link/registry.ts';
import { recordUrl } from '../../link/urls.ts';
import type { Archive } from '../../pipeline/build-archive.ts';
import { type DateClaim, type RecordKind, type ResolvedDate, resolveRelativeDate } from '../../schema/index.ts';
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
  const links = new Map<string, LinkView>();
  const link = (record: RecordRef): LinkView => {
    const key = recordKey(record);
    const known = links.get(key);
    if (known) return known;
    const made = { url: recordUrl(index, record), label: labelOf(index, record), kind: record.kind, slug: record.slug };
    links.set(key, made);
    return made;
  };
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
  return { index, graph: archive.graph, archive, link, dateOf, resolve, lookups: createLookups(index) };
}

function labelOf(index: RecordIndex, record: RecordRef): string {
  if (record.kind === 'article') return index.article.get(record.slug)?.data.title ?? record.slug;
  const entity = (index[record.kind] as ReadonlyMap<string, { data: { name: string } }>).get(record.slug);
  return entity?.data.name ?? record.slug;
}

/** Distinct records in first-seen order. */
export function uniqueRefs(refs: Iterable<RecordRef>): RecordRef[] {
  const seen = new Map<string, RecordRef>();
  for (const ref of refs) if (!seen.has(recordKey(ref))) seen.set(recordKey(ref), { kind: ref.kind, slug: ref.slug });
  return [...seen.values()];
}

/** Records that link to `record`, of one kind, newest first or `order` (undated last). */
export function linkedFrom(
  context: ViewContext,
  record: RecordRef,
  kind: RecordKind,
  order: 'newest' | 'oldest' = 'newest',
): RecordRef[] {
  const refs = uniqueRefs(context.graph.incoming(record).map((edge) => edge.from)).filter((ref) => ref.kind === kind);
  return sortByDate(context, refs, order);
}

/** Sorts records by their date; those without a year go last (see {@link dateSortKey}), then by label. */
export function sortByDate(context: ViewContext, refs: RecordRef[], order: 'newest' | 'oldest'): RecordRef[] {
  const keyed = refs.map((ref) => {
    const date = context.dateOf(ref);
    return { ref, key: dateSortKey(date), label: context.link(ref).label };
  });
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
