import type { EventKind, Part } from '../schema/index.ts';
import type { FoundDate } from './find-dates.ts';
import type { Occurrence } from './occurrences.ts';
import { organisationKind } from './organisation-kind.ts';

/** An event a sentence of the release reports, with who took part and where. */
export interface FoundEvent {
  readonly kind: EventKind;
  /** The sentence that reports it, and where it starts in the body. */
  readonly quote: string;
  readonly start: number;
  readonly date?: FoundDate;
  readonly place?: Occurrence;
  readonly participants: readonly { readonly person: Occurrence; readonly parts: readonly Part[] }[];
  readonly venues: readonly Occurrence[];
}

// The first that matches names the event; a signing at a forum is drafted as the signing.
const KINDS: readonly [RegExp, EventKind][] = [
  [/\bsign(?:ed|ing)\b/iu, 'signing'],
  [/\bforums?\b/iu, 'forum'],
  [/\bsymposiums?\b/iu, 'symposium'],
  [/\bconferences?\b/iu, 'conference'],
  [/\b(?:met|meets|meeting|talks)\b/iu, 'meeting'],
  // "led the delegation to visit Incheon", "led the Shanghai Delegation to Dalian".
  [/\bdelegation\b(?:.*\bvisit|\s+to\b)/iu, 'delegation-visit'],
  [/\bvisit(?:ed|s|ing)?\b/iu, 'visit'],
];

// The verb right after (or, for "met with", before) a name says how that person took part.
const PART_AFTER: readonly [RegExp, Part][] = [
  [/^\s+led\b/u, 'led'],
  [/^\s+held (?:talks|a talk|meetings?)\b/u, 'held-talks'],
  [/^\s+(?:met|meets)\b/u, 'met'],
  [/^\s+signed\b/u, 'signed'],
  [/^\s+(?:inspected|investigated|surveyed)\b/u, 'inspected'],
  [/^\s+visited\b/u, 'visited'],
  [/^\s+presided\b/u, 'presided'],
  [/^\s+(?:delivered|gave|made) (?:a |an )?(?:\w+ )?speech/u, 'delivered-speech'],
  [/^\s+(?:spoke|addressed|said)\b/u, 'spoke'],
  [/^\s+unveiled\b/u, 'unveiled'],
  [/^\s+witnessed\b/u, 'witnessed'],
  [/^\s+accompanied\b/u, 'accompanied'],
  [/^\s+hosted\b/u, 'hosted'],
  [/^\s+(?:briefed|introduced)\b/u, 'briefed'],
  [/^\s+attended\b/u, 'attended'],
];

// A stop that no space follows ("Co., Ltd., where") does not end the sentence.
const SENTENCE = /(?:[^.!?]|[.!?]+(?![.!?]|\s|$))+(?:[.!?]+(?=\s|$)|$)/gu;

// A venue's name is where the event was, not what it was: a hotel, or a centre or hall the event is
// "at" ("at the Dalian International Conference Center"); a centre named otherwise is an organisation.
const HOTEL = /\bHotel\b/u;
const VENUE = /\b(?:Cent(?:er|re)|Hall|Guesthouse|Guest House|Building|Palace)\b/u;
// A sentence that only adds people to the event just reported: "Li Jinke, vice governor, attended the meeting."
const JOINS_LAST =
  /\b(?:attended|accompanied|joined)\s+the\s+(?:meeting|talks|visit|signing|ceremony|event|forum|symposium|conference)\b/iu;
// Words before the event's verb that make it spoken of, planned or hoped for, not reported as held.
const NOT_HELD = /\b(?:said|says|hoped|hopes|will|would|shall|proposed|suggested)\b/iu;
// The sentence puts the event in a place ("in Dalian", "at Xi'an", "In Incheon, …").
const PLACE_CUE = /\b(?:in|at|to)\s+(?:the\s+)?$/iu;

/** A found event while the sentences are read: the next sentence may still add attendees. */
type Draft = FoundEvent & { participants: { person: Occurrence; parts: Part[] }[] };

/**
 * One event for each sentence that reports a meeting, visit, signing, forum, symposium or
 * conference, with the people it names, the place the sentence puts it in, its venues and its
 * date. A sentence that repeats an event already drafted (same kind, same place, no new date)
 * adds nothing; one that only says who attended or accompanied "the meeting" adds them to the
 * event just reported. An event someone says will or should happen is not one the release reports.
 * Everything comes from the sentences; nothing is filled in from elsewhere.
 */
export function findEvents(
  body: string,
  occurrences: readonly Occurrence[],
  dates: readonly FoundDate[],
): FoundEvent[] {
  const events: Draft[] = [];
  for (const match of body.matchAll(SENTENCE)) {
    const quote = match[0].trim();
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const end = start + quote.length;
    const inside = occurrences.filter((occurrence) => occurrence.start >= start && occurrence.end <= end);
    const people = unique(inside.filter((occurrence) => occurrence.kind === 'person'));
    if (people.length === 0) continue;
    const date = dates.find((found) => found.start >= start && found.end <= end);
    const last = events.at(-1);
    if (last && date === undefined && JOINS_LAST.test(quote)) {
      for (const person of people)
        if (!last.participants.some(({ person: known }) => known.record === person.record))
          last.participants.push({ person, parts: partsOf(body, person, end, people) });
      continue;
    }
    const venues = inside.filter((occurrence) => isVenue(body, occurrence));
    const kind = kindOf(blank(quote, start, venues), body, inside, people, end);
    if (kind === undefined) continue;
    const place = placeOf(body, inside, people);
    if (events.some((event) => event.kind === kind && event.place?.record === place?.record && date === undefined))
      continue;
    const participants = people.map((person) => ({ person, parts: partsOf(body, person, end, people) }));
    events.push({ kind, quote, start, participants, venues, ...(place ? { place } : {}), ...(date ? { date } : {}) });
  }
  return events;
}

/** The kind the sentence's verb gives, unless the event is only spoken of; a visit to a company is a site visit. */
function kindOf(
  text: string,
  body: string,
  inside: readonly Occurrence[],
  people: readonly Occurrence[],
  end: number,
): EventKind | undefined {
  const found = KINDS.map(([pattern, kind]) => ({ at: pattern.exec(text), kind })).find(({ at }) => at !== null);
  if (!found?.at || NOT_HELD.test(text.slice(0, found.at.index))) return undefined;
  const company = inside.some(
    (occurrence) =>
      occurrence.kind === 'organisation' &&
      organisationKind(occurrence.text) === 'company' &&
      /\bvisited\s+(?:the\s+)?$/u.test(body.slice(Math.max(0, occurrence.start - 12), occurrence.start)),
  );
  const met = people.some((person) => ['met', 'held-talks', 'signed'].includes(partsOf(body, person, end)[0] ?? ''));
  return company && !met && ['visit', 'delegation-visit', 'meeting'].includes(found.kind) ? 'site-visit' : found.kind;
}

/** The first place the sentence puts the event in, never one inside a person's role ("Ambassador … to China"). */
function placeOf(body: string, inside: readonly Occurrence[], people: readonly Occurrence[]): Occurrence | undefined {
  const roles = people.flatMap((person) => {
    const at = person.role === undefined ? -1 : body.indexOf(person.role, person.end);
    return at < 0 || person.role === undefined ? [] : [{ start: at, end: at + person.role.length }];
  });
  return inside.find(
    (occurrence) =>
      occurrence.kind === 'place' &&
      !roles.some((role) => occurrence.start >= role.start && occurrence.end <= role.end) &&
      PLACE_CUE.test(body.slice(Math.max(0, occurrence.start - 12), occurrence.start)),
  );
}

/** A hotel the sentence names, or a centre or hall it puts the event at. */
function isVenue(body: string, occurrence: Occurrence): boolean {
  if (occurrence.kind !== 'organisation') return false;
  const at = /\bat\s+(?:the\s+)?$/u.test(body.slice(Math.max(0, occurrence.start - 8), occurrence.start));
  return HOTEL.test(occurrence.text) || (at && VENUE.test(occurrence.text));
}

/** The sentence with the given names blanked out, so that words inside them do not count. */
function blank(quote: string, start: number, names: readonly Occurrence[]): string {
  let text = quote;
  for (const name of names)
    text = text.slice(0, name.start - start) + ' '.repeat(name.end - name.start) + text.slice(name.end - start);
  return text;
}

/** Each person once, at their first mention. */
function unique(people: readonly Occurrence[]): Occurrence[] {
  const seen = new Set<string>();
  return people.filter((person) => !seen.has(person.record) && seen.add(person.record));
}

/**
 * How the person took part, from the verb next to their name; in a list of names ("A, mayor, and
 * B accompanied") the verb after the last; `attended` when none says.
 */
function partsOf(body: string, person: Occurrence, sentenceEnd: number, people: readonly Occurrence[] = []): Part[] {
  const after = body.slice(person.end, sentenceEnd).replace(/^,[^,]*,/u, '');
  const before = body.slice(Math.max(0, person.start - 30), person.start);
  if (/\b(?:met with|met)\s+$/u.test(before)) return ['met'];
  if (/\bled by\s+$/u.test(before)) return ['led'];
  if (/\baccompanied by\s+$/u.test(before)) return ['accompanied'];
  if (/\b(?:talks|talked) with\s+$/u.test(before)) return ['held-talks'];
  for (const [pattern, part] of PART_AFTER) if (pattern.test(after)) return [part];
  const next = people.find((other) => other.start >= person.end && other.start < sentenceEnd);
  if (next && /^(?:,[^,]*)?,?\s*(?:and\s+)?$/u.test(body.slice(person.end, next.start)))
    return partsOf(body, next, sentenceEnd, people);
  return ['attended'];
}
