import type { RecordIndex } from '../../link/registry.ts';
import type { ParsedRecord } from '../../parse/parse-record.ts';

/**
 * Reverse lookups over the records, built once per site so that no page scans every record:
 * with thousands of events and officials, a scan per page makes the build quadratic.
 */
export interface Lookups {
  /** Events whose `partOf` is the event, in index order. */
  readonly partsOf: (event: string) => readonly ParsedRecord<'event'>[];
  /** Places whose `within` is the place, in index order. */
  readonly placesWithin: (place: string) => readonly ParsedRecord<'place'>[];
  /** Officials with a role at the place or at a body based there, with those role titles. */
  readonly officialsAt: (place: string) => ReadonlyMap<string, ReadonlySet<string>>;
  /** Officials with a role in the organisation, with those role titles in order. */
  readonly peopleOf: (organisation: string) => ReadonlyMap<string, readonly string[]>;
}

/** Indexes the records once, in index order, so lists come out as a scan would give them. */
export function createLookups(index: RecordIndex): Lookups {
  const partsOf = new Map<string, ParsedRecord<'event'>[]>();
  for (const event of index.event.values()) if (event.data.partOf) append(partsOf, event.data.partOf, event);
  const placesWithin = new Map<string, ParsedRecord<'place'>[]>();
  for (const place of index.place.values()) if (place.data.within) append(placesWithin, place.data.within, place);

  const officialsAt = new Map<string, Map<string, Set<string>>>();
  const peopleOf = new Map<string, Map<string, string[]>>();
  for (const official of index.official.values()) {
    for (const role of official.data.roles) {
      const organisationPlace = role.organisation ? index.organisation.get(role.organisation)?.data.place : undefined;
      for (const place of new Set([role.place, organisationPlace])) {
        if (place === undefined) continue;
        const officials = officialsAt.get(place) ?? new Map<string, Set<string>>();
        officialsAt.set(
          place,
          officials.set(official.slug, (officials.get(official.slug) ?? new Set()).add(role.title)),
        );
      }
      if (role.organisation === undefined) continue;
      const people = peopleOf.get(role.organisation) ?? new Map<string, string[]>();
      peopleOf.set(role.organisation, people);
      append(people, official.slug, role.title);
    }
  }
  return {
    partsOf: (event) => partsOf.get(event) ?? [],
    placesWithin: (place) => placesWithin.get(place) ?? [],
    officialsAt: (place) => officialsAt.get(place) ?? new Map(),
    peopleOf: (organisation) => peopleOf.get(organisation) ?? new Map(),
  };
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
