import type { EventKind, Part } from '../schema/index.ts';
import type { FoundDate } from './find-dates.ts';
import type { Occurrence } from './occurrences.ts';

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
  [/\bdelegation\b.*\bvisit/iu, 'delegation-visit'],
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
  [/^\s+(?:spoke|addressed)\b/u, 'spoke'],
  [/^\s+unveiled\b/u, 'unveiled'],
  [/^\s+witnessed\b/u, 'witnessed'],
  [/^\s+accompanied\b/u, 'accompanied'],
  [/^\s+hosted\b/u, 'hosted'],
  [/^\s+briefed\b/u, 'briefed'],
  [/^\s+attended\b/u, 'attended'],
];

const SENTENCE = /[^.!?]+(?:[.!?]+(?=\s|$)|$)/gu;

/**
 * One event for each sentence that reports a meeting, visit, signing, forum, symposium or
 * conference, with the people it names, the first place, the hotels it names as venues and its
 * date. A sentence that repeats an event already drafted (same kind, same place, no new date)
 * adds nothing. Everything comes from the sentence; nothing is filled in from elsewhere.
 */
export function findEvents(
  body: string,
  occurrences: readonly Occurrence[],
  dates: readonly FoundDate[],
): FoundEvent[] {
  const events: FoundEvent[] = [];
  for (const match of body.matchAll(SENTENCE)) {
    const quote = match[0].trim();
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const end = start + quote.length;
    const kind = KINDS.find(([pattern]) => pattern.test(quote))?.[1];
    if (kind === undefined) continue;
    const inside = occurrences.filter((occurrence) => occurrence.start >= start && occurrence.end <= end);
    const people = inside.filter((occurrence) => occurrence.kind === 'person');
    if (people.length === 0) continue;
    // Only a place the sentence puts the event in ("in Dalian", "at Xi'an"): a country in a title is not where it happened.
    const place = inside.find(
      (occurrence) =>
        occurrence.kind === 'place' &&
        /\b(?:in|at|to)\s+(?:the\s+)?$/u.test(body.slice(Math.max(0, occurrence.start - 12), occurrence.start)),
    );
    const date = dates.find((found) => found.start >= start && found.end <= end);
    if (events.some((event) => event.kind === kind && event.place?.record === place?.record && date === undefined))
      continue;
    const seen = new Set<string>();
    const participants = people
      .filter((person) => !seen.has(person.record) && seen.add(person.record))
      .map((person) => ({ person, parts: partsOf(body, person, end) }));
    const venues = inside.filter(
      (occurrence) => occurrence.kind === 'organisation' && /\bHotel\b/u.test(occurrence.text),
    );
    events.push({ kind, quote, start, participants, venues, ...(place ? { place } : {}), ...(date ? { date } : {}) });
  }
  return events;
}

function partsOf(body: string, person: Occurrence, sentenceEnd: number): Part[] {
  const after = body.slice(person.end, sentenceEnd).replace(/^,[^,]*,/u, '');
  const before = body.slice(Math.max(0, person.start - 30), person.start);
  if (/\b(?:met with|met)\s+$/u.test(before)) return ['met'];
  if (/\bled by\s+$/u.test(before)) return ['led'];
  if (/\baccompanied by\s+$/u.test(before)) return ['accompanied'];
  if (/\b(?:talks|talked) with\s+$/u.test(before)) return ['held-talks'];
  for (const [pattern, part] of PART_AFTER) if (pattern.test(after)) return [part];
  return ['attended'];
}
