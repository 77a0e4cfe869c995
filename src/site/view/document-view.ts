import type { ParsedRecord } from '../../parse/parse-record.ts';
import { type DateView, formatDate } from '../dates.ts';
import { type EventSummary, toEventSummary } from './article-view.ts';
import { articlesAbout, type LinkView, linkedFrom, type ViewContext } from './context.ts';
import { DOCUMENT_KIND_LABELS } from './labels.ts';

/** Everything a document's page shows. */
export interface DocumentView {
  readonly link: LinkView;
  readonly name: string;
  readonly kindLabel: string;
  readonly date?: DateView;
  readonly issuedBy: readonly LinkView[];
  readonly authors: readonly LinkView[];
  readonly parties: readonly LinkView[];
  readonly events: readonly EventSummary[];
  readonly articles: readonly LinkView[];
  readonly note?: string;
}

/** Builds the view-model of one document's page. */
export function toDocumentView(context: ViewContext, document: ParsedRecord<'document'>): DocumentView {
  const self = { kind: 'document' as const, slug: document.slug };
  const { data } = document;
  const organisations = (slugs: readonly string[]) => slugs.map((slug) => context.link({ kind: 'organisation', slug }));
  return {
    link: context.link(self),
    name: data.name,
    kindLabel: DOCUMENT_KIND_LABELS[data.kind],
    ...(data.date ? { date: formatDate(context.resolve(data.date)) } : {}),
    issuedBy: organisations(data.issuedBy),
    authors: data.authors.map((slug) => context.link({ kind: 'official', slug })),
    parties: organisations(data.parties),
    events: linkedFrom(context, self, 'event').map((ref) => toEventSummary(context, ref.slug)),
    articles: articlesAbout(context, self).map((ref) => context.link(ref)),
    ...(data.note ? { note: data.note } : {}),
  };
}
