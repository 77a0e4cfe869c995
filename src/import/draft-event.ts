import { slugFromTitle } from '../author/scaffold.ts';
import type { ResolvedDate } from '../schema/relative-date.ts';
import type { Analysis } from './analyse.ts';
import type { DraftFile } from './draft-entities.ts';
import type { FoundEvent } from './find-events.ts';
import type { Occurrence } from './occurrences.ts';
import { frontMatterFile, importedFromLine, quoted } from './yaml-text.ts';

const LABELS: Record<string, string> = {
  'delegation-visit': 'Delegation visit',
  'site-visit': 'Site visit',
  'trade-week': 'Trade week',
};

/**
 * A name for a drafted event: its kind, who, and where. `nameOf` gives each the archive's registered
 * spelling, so that a variant proposed for review never ends up in a name.
 */
export function eventName(event: FoundEvent, nameOf: (occurrence: Occurrence) => string): string {
  const label = LABELS[event.kind] ?? event.kind[0]?.toUpperCase() + event.kind.slice(1);
  const people = event.participants.map(({ person }) => nameOf(person)).slice(0, 3);
  return `${label}: ${people.join(', ')}${event.place ? ` in ${nameOf(event.place)}` : ''}`;
}

/**
 * The event file for one event the release reports: kind, date as the text gives it (relative
 * words are kept as written and counted from the article), place, participants with their roles
 * as written, and where it was imported from, quoting the sentence. `slug` and `name` are chosen by the caller.
 */
export function draftEvent(
  event: FoundEvent,
  analysis: Analysis,
  article: string,
  name: string,
  slugs: ReadonlyMap<string, string>,
): DraftFile {
  const { line, column } = analysis.position(event.start, event.quote.length);
  const lines = [`name: ${quoted(name)}`, `kind: ${event.kind}`, `date: ${dateValue(event.date?.claim, article)}`];
  if (event.date?.until) lines.push(`end: ${dateValue(event.date.until, article)}`);
  const place = event.place && slugs.get(`place:${event.place.record}`);
  if (place) lines.push(`place: ${place}`);
  const venues = event.venues.map((venue) => slugs.get(`organisation:${venue.record}`)).filter(Boolean);
  if (venues.length > 0) lines.push(`venues: [${venues.join(', ')}]`);
  const participants = event.participants.flatMap(({ person, parts }) => {
    const official = slugs.get(`person:${person.record}`);
    if (!official) return [];
    const role = person.role === undefined ? '' : `, role: ${quoted(person.role)}`;
    return [`  - { official: ${official}${role}, parts: [${parts.join(', ')}], source: ${article} }`];
  });
  if (participants.length > 0) lines.push('participants:', ...participants);
  lines.push(importedFromLine({ article, quote: event.quote, line, column }));
  return { path: `events/${slugFromTitle(name)}.md`, text: frontMatterFile(lines) };
}

function dateValue(claim: ResolvedDate | undefined, article: string): string {
  if (claim === undefined) return 'not stated';
  // Relative words are kept as written: the site counts them from the article's publication.
  if (claim.asWritten !== undefined)
    return `{ value: not stated, asWritten: ${quoted(claim.asWritten)}, source: ${article} }`;
  if (claim.precision === 'unknown' || claim.precision === 'on-or-before') return 'not stated';
  if (claim.basis === 'inferred')
    return `{ value: ${quoted(claim.value)}, inferredFrom: ${quoted(claim.inferredFrom ?? '')} }`;
  return quoted(claim.value);
}
