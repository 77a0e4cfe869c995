import type { ParsedRecord } from '../../parse/parse-record.ts';
import { compareText } from '../collate.ts';
import { compareDateKeys, type DateView, dateSortKey, formatDate } from '../dates.ts';
import { type EventSummary, toEventSummary } from './article-view.ts';
import { articlesAbout, countLinkedFrom, type LinkView, linkedFrom, type ViewContext } from './context.ts';
import { describeParts } from './labels.ts';

/** A role as a source reports it. */
export interface RoleView {
  readonly title: string;
  readonly organisation?: LinkView;
  readonly place?: LinkView;
  readonly source: LinkView;
  /** The date of the article that reports the role. */
  readonly reported: DateView;
}

/** Everything an official's page shows. */
export interface OfficialView {
  readonly link: LinkView;
  readonly name: string;
  /** Other names the record goes by, which search also finds. */
  readonly aliases: readonly string[];
  readonly variants: readonly { readonly spelling: string; readonly source: LinkView; readonly note?: string }[];
  readonly roles: readonly RoleView[];
  readonly events: readonly (EventSummary & { readonly role?: string; readonly parts: string })[];
  readonly articles: readonly LinkView[];
  readonly metWith: readonly { readonly link: LinkView; readonly events: readonly LinkView[] }[];
  readonly note?: string;
}

/** An official as the home page lists them: with how many events their page lists. */
export interface OfficialListing {
  readonly link: LinkView;
  readonly name: string;
  readonly eventCount: number;
}

/** An official's listing, counted as their page lists them (see {@link toOfficialView}). */
export function toOfficialListing(context: ViewContext, official: ParsedRecord<'official'>): OfficialListing {
  const self = { kind: 'official' as const, slug: official.slug };
  return { link: context.link(self), name: official.data.name, eventCount: countLinkedFrom(context, self, 'event') };
}

/** Builds the view-model of one official's page. */
export function toOfficialView(context: ViewContext, official: ParsedRecord<'official'>): OfficialView {
  const self = { kind: 'official' as const, slug: official.slug };
  const published = (article: string) => context.index.article.get(article)?.data.published;
  const roles = official.data.roles
    .map((role) => ({ role, date: published(role.source) }))
    .sort((a, b) => compareDateKeys(dateSortKey(a.date), dateSortKey(b.date), 'oldest'))
    .map(({ role, date }) => ({
      title: role.title,
      ...(role.organisation ? { organisation: context.link({ kind: 'organisation', slug: role.organisation }) } : {}),
      ...(role.place ? { place: context.link({ kind: 'place', slug: role.place }) } : {}),
      source: context.link({ kind: 'article', slug: role.source }),
      reported: date ? formatDate(date) : { label: 'Date not stated', inferred: false },
    }));
  const attended = linkedFrom(context, self, 'event', 'oldest');
  // Every event that links to the official is listed: as a participant with their role, or as named.
  const events = attended.map((ref) => {
    const participant = context.index.event.get(ref.slug)?.data.participants.find((p) => p.official === official.slug);
    return {
      ...toEventSummary(context, ref.slug),
      ...(participant?.role ? { role: participant.role } : {}),
      parts: participant ? describeParts(participant.parts) : 'named',
    };
  });
  return {
    link: context.link(self),
    name: official.data.name,
    aliases: official.data.aliases,
    variants: official.data.variants.map((variant) => ({
      spelling: variant.spelling,
      source: context.link({ kind: 'article', slug: variant.source }),
      ...(variant.note ? { note: variant.note } : {}),
    })),
    roles,
    events,
    articles: articlesAbout(context, self).map((ref) => context.link(ref)),
    metWith: metAtEvents(
      context,
      official.slug,
      events.map((event) => event.link.slug),
    ),
    ...(official.data.note ? { note: official.data.note } : {}),
  };
}

/** Other officials who took part in the same events, most shared events first. */
function metAtEvents(context: ViewContext, official: string, events: readonly string[]) {
  const met = new Map<string, string[]>();
  for (const slug of events) {
    for (const participant of context.index.event.get(slug)?.data.participants ?? []) {
      if (participant.official === official) continue;
      const shared = met.get(participant.official);
      if (shared) shared.push(slug);
      else met.set(participant.official, [slug]);
    }
  }
  return [...met]
    .map(([other, shared]) => ({ link: context.link({ kind: 'official', slug: other }), shared: [...new Set(shared)] }))
    .sort((a, b) => b.shared.length - a.shared.length || compareText(a.link.label, b.link.label))
    .map(({ link, shared }) => ({ link, events: shared.map((slug) => context.link({ kind: 'event', slug })) }));
}
