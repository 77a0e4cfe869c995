import type { ParsedRecord } from '../../parse/parse-record.ts';
import type { OrganisationKind } from '../../schema/index.ts';
import { compareText } from '../collate.ts';
import { type EventSummary, toEventSummary } from './article-view.ts';
import { articlesAbout, type LinkView, linkedFrom, type ViewContext } from './context.ts';
import { ORGANISATION_KIND_LABELS } from './labels.ts';

/** Everything an organisation's page shows. */
export interface OrganisationView {
  readonly link: LinkView;
  readonly name: string;
  /** Other names the record goes by, which search also finds. */
  readonly aliases: readonly string[];
  readonly kind: OrganisationKind;
  readonly kindLabel: string;
  readonly place?: LinkView;
  readonly partOf?: LinkView;
  readonly units: readonly LinkView[];
  readonly people: readonly { readonly link: LinkView; readonly roles: readonly string[] }[];
  readonly events: readonly EventSummary[];
  readonly articles: readonly LinkView[];
  readonly documents: readonly LinkView[];
  readonly note?: string;
}

/** Builds the view-model of one organisation's page. */
export function toOrganisationView(context: ViewContext, organisation: ParsedRecord<'organisation'>): OrganisationView {
  const self = { kind: 'organisation' as const, slug: organisation.slug };
  const { data } = organisation;
  const people = [...context.lookups.peopleOf(organisation.slug)]
    .map(([official, roles]) => ({ link: context.link({ kind: 'official', slug: official }), roles }))
    .filter((person) => person.roles.length > 0)
    .sort((a, b) => compareText(a.link.label, b.link.label));
  return {
    link: context.link(self),
    name: data.name,
    aliases: data.aliases,
    kind: data.kind,
    kindLabel: ORGANISATION_KIND_LABELS[data.kind],
    ...(data.place ? { place: context.link({ kind: 'place', slug: data.place }) } : {}),
    ...(data.partOf ? { partOf: context.link({ kind: 'organisation', slug: data.partOf }) } : {}),
    units: linkedFrom(context, self, 'organisation').map((ref) => context.link(ref)),
    people,
    events: linkedFrom(context, self, 'event').map((ref) => toEventSummary(context, ref.slug)),
    articles: articlesAbout(context, self).map((ref) => context.link(ref)),
    documents: linkedFrom(context, self, 'document').map((ref) => context.link(ref)),
    ...(data.note ? { note: data.note } : {}),
  };
}
