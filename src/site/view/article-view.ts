import type { ParsedRecord } from '../../parse/parse-record.ts';
import type { ArticleData } from '../../schema/index.ts';
import { recordKey } from '../../schema/record-key.ts';
import { type DateView, formatDate, formatDateRange } from '../dates.ts';
import { type LinkView, sortByDate, uniqueRefs, type ViewContext } from './context.ts';
import { EVENT_KIND_LABELS } from './labels.ts';
import { type RelatedArticle, relatedArticles } from './related-articles.ts';

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
  readonly related: readonly RelatedArticle[];
}

// An event is listed on the pages of its articles, people, places and organisations: each
// summary is made once per site, and shared, as view-models are never changed once made.
const summariesByContext = new WeakMap<ViewContext, Map<string, EventSummary>>();

/** Summarises an event for lists. */
export function toEventSummary(context: ViewContext, slug: string): EventSummary {
  let summaries = summariesByContext.get(context);
  if (!summaries) {
    summaries = new Map();
    summariesByContext.set(context, summaries);
  }
  const known = summaries.get(slug);
  if (known) return known;
  const event = context.index.event.get(slug);
  if (!event) throw new TypeError(`unknown event ${slug}`);
  const place = event.data.place;
  const summary = {
    link: context.link({ kind: 'event', slug }),
    kindLabel: EVENT_KIND_LABELS[event.data.kind],
    date: formatDateRange(context.resolve(event.data.date), event.data.end),
    ...(place ? { place: context.link({ kind: 'place', slug: place }) } : {}),
  };
  summaries.set(slug, summary);
  return summary;
}

/** What a feed shows of an article: the same values as its page. */
export function toFeedArticle(
  context: ViewContext,
  article: ParsedRecord<'article'>,
): Pick<ArticleView, 'link' | 'title' | 'summary' | 'date' | 'added' | 'html'> {
  const self = { kind: 'article' as const, slug: article.slug };
  return {
    link: context.link(self),
    title: article.data.title,
    summary: article.data.summary,
    date: formatDate(article.data.published),
    added: formatDate({ precision: 'day', value: article.data.added, basis: 'stated' }),
    html: context.archive.bodies.get(recordKey(self))?.html ?? '',
  };
}

/** Builds the view-model of one article page. */
export function toArticleView(context: ViewContext, article: ParsedRecord<'article'>): ArticleView {
  const self = { kind: 'article' as const, slug: article.slug };
  const basics = toFeedArticle(context, article);
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
    link: basics.link,
    title: basics.title,
    summary: basics.summary,
    language: article.data.language,
    date: basics.date,
    added: basics.added,
    ...(publisher
      ? {
          publisher: {
            link: context.link({ kind: 'organisation', slug: publisher.organisation }),
            ...(publisher.inferredFrom ? { inferredFrom: publisher.inferredFrom } : {}),
          },
        }
      : {}),
    source: article.data.source,
    html: basics.html,
    events: events.map((event) => toEventSummary(context, event.slug)),
    officials: named
      .filter((ref) => ref.kind === 'official')
      .map((ref) => personInArticle(context, ref.slug, article.slug)),
    places: ofKind('place'),
    organisations: ofKind('organisation'),
    documents: ofKind('document'),
    related: relatedArticles(context, article.slug, named),
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
