import type { ParsedRecord } from '../../parse/parse-record.ts';
import { type DateView, formatDateRange } from '../dates.ts';
import { type EventSummary, toEventSummary } from './article-view.ts';
import { type LinkView, linkedFrom, sortByDate, type ViewContext } from './context.ts';
import { describeParts, EVENT_KIND_LABELS } from './labels.ts';

/** A person at an event, as the source describes them there. */
export interface ParticipantView {
  readonly link: LinkView;
  readonly role?: string;
  readonly parts: string;
  readonly source?: LinkView;
}

/** Everything an event page shows. */
export interface EventView {
  readonly link: LinkView;
  readonly name: string;
  readonly kindLabel: string;
  readonly date: DateView;
  readonly place?: LinkView;
  readonly venues: readonly LinkView[];
  readonly partOf?: EventSummary;
  readonly parts: readonly EventSummary[];
  readonly participants: readonly ParticipantView[];
  readonly organisers: readonly LinkView[];
  readonly organisations: readonly { readonly link: LinkView; readonly parts: string }[];
  readonly documents: readonly LinkView[];
  readonly articles: readonly LinkView[];
  readonly note?: string;
}

/** Builds the view-model of one event page. */
export function toEventView(context: ViewContext, event: ParsedRecord<'event'>): EventView {
  const self = { kind: 'event' as const, slug: event.slug };
  const { data } = event;
  const children = context.lookups.partsOf(event.slug);
  return {
    link: context.link(self),
    name: data.name,
    kindLabel: EVENT_KIND_LABELS[data.kind],
    date: formatDateRange(context.resolve(data.date), data.end),
    ...(data.place ? { place: context.link({ kind: 'place', slug: data.place }) } : {}),
    venues: data.venues.map((slug) => context.link({ kind: 'organisation', slug })),
    ...(data.partOf ? { partOf: toEventSummary(context, data.partOf) } : {}),
    parts: sortByDate(
      context,
      children.map((child) => ({ kind: 'event' as const, slug: child.slug })),
      'oldest',
    ).map((child) => toEventSummary(context, child.slug)),
    participants: data.participants.map((participant) => ({
      link: context.link({ kind: 'official', slug: participant.official }),
      ...(participant.role ? { role: participant.role } : {}),
      parts: describeParts(participant.parts),
      ...(participant.source ? { source: context.link({ kind: 'article', slug: participant.source }) } : {}),
    })),
    organisers: data.organisers.map((slug) => context.link({ kind: 'organisation', slug })),
    organisations: data.organisations.map((entry) => ({
      link: context.link({ kind: 'organisation', slug: entry.organisation }),
      parts: describeParts(entry.parts),
    })),
    documents: data.documents.map((slug) => context.link({ kind: 'document', slug })),
    articles: linkedFrom(context, self, 'article').map((ref) => context.link(ref)),
    ...(data.note ? { note: data.note } : {}),
  };
}
