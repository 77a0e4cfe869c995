import type { ParsedRecord } from '../../parse/parse-record.ts';
import { recordKey } from '../../pipeline/record-key.ts';
import type { ArticleData } from '../../schema/index.ts';
import { type DateView, formatDate, formatDateRange } from '../dates.ts';
import { articlesLinking, type LinkView, sortByDate, uniqueRefs, type ViewContext } from './context.ts';
import { EVENT_KIND_LABELS } from './labels.ts';

/** An official as an article presents them: with the roles this article gives them. */
export interface PersonInArticle {
  readonly link: LinkView;
  readonly roles: readonly string[];
}

/** An event in a list: its kind, date and place. */
export interface EventSummary {
  readonly link: LinkView;
  readonly kindLabel: string;
  readonly date: DateView;
  readonly place?: LinkView;
}

/** Everything an article page shows. */
export interface ArticleView {
  readonly link: LinkView;
  readonly title: string;
  readonly summary: string;
  readonly language: string;
  readonly date: DateView;
  /** When the archive took the article in (archive metadata, not a claim of the source). */
  readonly added: DateView;
  readonly publisher?: { readonly link: LinkView; readonly inferredFrom?: string };
  readonly source: ArticleData['source'];
  readonly html: string;
  readonly events: readonly EventSummary[];
  readonly officials: readonly PersonInArticle[];
  readonly places: readonly LinkView[];
  readonly organisations: readonly LinkView[];
  readonly documents: readonly LinkView[];
  readonly related: readonly { readonly link: LinkView; readonly shared: number }[];
}

/** Summarises an event for lists. */
export function toEventSummary(context: ViewContext, slug: string): EventSummary {
  const event = context.index.event.get(slug);
  if (!event) throw new TypeError(`unknown event ${slug}`);
  const place = event.data.place;
  return {
    link: context.link({ kind: 'event', slug }),
    kindLabel: EVENT_KIND_LABELS[event.data.kind],
    date: formatDateRange(event.data.date, event.data.end),
    ...(place ? { place: context.link({ kind: 'place', slug: place }) } : {}),
  };
}

/** Builds the view-model of one article page. */
export function toArticleView(context: ViewContext, article: ParsedRecord<'article'>): ArticleView {
  const self = { kind: 'article' as const, slug: article.slug };
  const body = context.archive.bodies.get(recordKey(self));
  const outgoing = context.graph.outgoing(self);
  const events = sortByDate(
    context,
    article.data.reports.map((slug) => ({ kind: 'event' as const, slug })),
    'oldest',
  );
  // What an article is about: what its text names, and everything its events name.
  const eventEdges = events.flatMap((event) => context.graph.outgoing(event));
  const named = uniqueRefs([...outgoing, ...eventEdges].map((edge) => edge.to));
  const ofKind = (kind: 'place' | 'organisation' | 'document') =>
    named.filter((ref) => ref.kind === kind).map((ref) => context.link(ref));
  const publisher = article.data.publisher;
  return {
    link: context.link(self),
    title: article.data.title,
    summary: article.data.summary,
    language: article.data.language,
    date: formatDate(article.data.published),
    added: formatDate({ precision: 'day', value: article.data.added, basis: 'stated' }),
    ...(publisher
      ? {
          publisher: {
            link: context.link({ kind: 'organisation', slug: publisher.organisation }),
            ...(publisher.inferredFrom ? { inferredFrom: publisher.inferredFrom } : {}),
          },
        }
      : {}),
    source: article.data.source,
    html: body?.html ?? '',
    events: events.map((event) => toEventSummary(context, event.slug)),
    officials: named
      .filter((ref) => ref.kind === 'official')
      .map((ref) => personInArticle(context, ref.slug, article.slug)),
    places: ofKind('place'),
    organisations: ofKind('organisation'),
    documents: ofKind('document'),
    related: relatedArticles(context, article.slug, named.map(recordKey)),
  };
}

function personInArticle(context: ViewContext, official: string, article: string): PersonInArticle {
  const record = context.index.official.get(official);
  const roles = new Set<string>();
  for (const role of record?.data.roles ?? []) if (role.source === article) roles.add(role.title);
  for (const event of context.index.article.get(article)?.data.reports ?? []) {
    const participants = context.index.event.get(event)?.data.participants ?? [];
    for (const participant of participants) {
      if (participant.official === official && participant.role && (participant.source ?? article) === article) {
        roles.add(participant.role);
      }
    }
  }
  return { link: context.link({ kind: 'official', slug: official }), roles: [...roles] };
}

/** Other articles ranked by how many people, places, organisations, documents and events they share. */
function relatedArticles(context: ViewContext, slug: string, entities: readonly string[]) {
  const shared = new Map<string, number>();
  for (const key of new Set(entities)) {
    const [kind, entity] = key.split(':') as ['event', string];
    for (const article of articlesLinking(context, { kind, slug: entity })) {
      if (article !== slug) shared.set(article, (shared.get(article) ?? 0) + 1);
    }
  }
  return topRelated(shared, 5).map(([article, count]) => ({
    link: context.link({ kind: 'article', slug: article }),
    shared: count,
  }));
}

/**
 * The `count` entries sharing the most, ties by slug: the order a full sort would give, without
 * sorting the thousands of articles that share one popular city.
 */
export function topRelated(shared: ReadonlyMap<string, number>, count: number): [string, number][] {
  const ranksBefore = (a: [string, number], b: [string, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  const top: [string, number][] = [];
  for (const entry of shared) {
    const last = top[top.length - 1];
    if (top.length === count && last && !ranksBefore(entry, last)) continue;
    let position = top.length;
    while (position > 0 && ranksBefore(entry, top[position - 1] as [string, number])) position--;
    top.splice(position, 0, entry);
    if (top.length > count) top.pop();
  }
  return top;
}
