import type { DocumentKind, EventKind, OrganisationKind, Part, PlaceKind } from '../../schema/index.ts';

/** Reader-facing names of the enumerated kinds. */
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  visit: 'Visit',
  'delegation-visit': 'Delegation visit',
  'study-tour': 'Study tour',
  'site-visit': 'Site visit',
  forum: 'Forum',
  symposium: 'Symposium',
  conference: 'Conference',
  meeting: 'Meeting',
  signing: 'Signing',
  announcement: 'Announcement',
  speech: 'Speech',
  'trade-week': 'Trade week',
  other: 'Event',
};

/** How a part in an event reads in a sentence: "presided and delivered a speech". */
export const PART_LABELS: Record<Part, string> = {
  led: 'led',
  hosted: 'hosted',
  presided: 'presided',
  met: 'met',
  'held-talks': 'held talks',
  accompanied: 'accompanied',
  attended: 'attended',
  spoke: 'spoke',
  'delivered-speech': 'delivered a speech',
  briefed: 'briefed',
  inspected: 'inspected',
  visited: 'visited',
  unveiled: 'unveiled',
  signed: 'signed',
  witnessed: 'witnessed',
  announced: 'announced',
  organised: 'organised',
};

export const PLACE_KIND_LABELS: Record<PlaceKind, string> = {
  city: 'City',
  province: 'Province',
  district: 'District',
  county: 'County',
  'new-area': 'New area',
  region: 'Region',
  country: 'Country',
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  party: 'Political party',
  'party-committee': 'Party committee',
  government: 'Government',
  'government-department': 'Government department',
  commission: 'Commission',
  delegation: 'Delegation',
  company: 'Company',
  'industrial-park': 'Industrial park',
  exchange: 'Exchange',
  bank: 'Bank',
  'development-zone': 'Development zone',
  other: 'Organisation',
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  plan: 'Plan',
  notice: 'Notice',
  agreement: 'Agreement',
  strategy: 'Strategy',
  initiative: 'Initiative',
  speech: 'Speech',
  other: 'Document',
};

/** "attended and spoke" from a list of parts. */
export function describeParts(parts: readonly Part[]): string {
  const words = parts.map((part) => PART_LABELS[part]);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
