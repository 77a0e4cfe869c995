import { createSlugBook, type NameBook, ordinal, personName, TOPICS, word } from './names.ts';
import type { Random } from './random.ts';

/** How many records of each entity kind a corpus gets. */
export interface EntityCounts {
  readonly officials: number;
  readonly places: number;
  readonly organisations: number;
  readonly documents: number;
}

/** A generated place; `within` and `coordinates` as in the schema. */
export interface GenPlace {
  readonly slug: string;
  readonly name: string;
  readonly kind: 'country' | 'province' | 'city' | 'district' | 'county' | 'new-area';
  readonly aliases: readonly string[];
  readonly within?: string;
  readonly coordinates?: { readonly lat: number; readonly lon: number };
}

/** A generated organisation. */
export interface GenOrganisation {
  readonly slug: string;
  readonly name: string;
  readonly kind: 'party-committee' | 'government' | 'government-department' | 'company' | 'development-zone' | 'bank';
  readonly place: string;
  readonly partOf?: string;
}

/** A generated official, with the title sources give them and the body they hold it in. */
export interface GenOfficial {
  readonly slug: string;
  readonly name: string;
  readonly title: string;
  readonly organisation: string;
  readonly place: string;
  /** Another spelling of the name that one article uses. */
  readonly variant?: string;
}

/** A generated document. */
export interface GenDocument {
  readonly slug: string;
  readonly name: string;
  readonly kind: 'plan' | 'notice' | 'agreement' | 'strategy';
  readonly place: string;
  readonly year: number;
  readonly dated: boolean;
  readonly issuedBy: readonly string[];
}

/** Every entity of a corpus, with lookups the article generator needs. */
export interface Entities {
  readonly places: readonly GenPlace[];
  readonly cities: readonly GenPlace[];
  readonly organisations: readonly GenOrganisation[];
  readonly officials: readonly GenOfficial[];
  readonly documents: readonly GenDocument[];
  readonly organisationsByPlace: ReadonlyMap<string, readonly GenOrganisation[]>;
  readonly officialsByPlace: ReadonlyMap<string, readonly GenOfficial[]>;
}

/** Makes the places, organisations, officials and documents that articles will name. */
export function generateEntities(random: Random, names: NameBook, counts: EntityCounts): Entities {
  const places = generatePlaces(random, names, counts.places);
  const cities = places.filter((place) => place.kind === 'city');
  const organisations = generateOrganisations(random, names, places, counts.organisations);
  const officials = generateOfficials(random, names, organisations, counts.officials);
  const documents = generateDocuments(random, names, cities, organisations, counts.documents);
  return {
    places,
    cities,
    organisations,
    officials,
    documents,
    organisationsByPlace: groupBy(organisations, (organisation) => organisation.place),
    officialsByPlace: groupBy(officials, (official) => official.place),
  };
}

function generatePlaces(random: Random, names: NameBook, count: number): GenPlace[] {
  const slugOf = createSlugBook();
  names.claim('China');
  const places: GenPlace[] = [{ slug: slugOf('China'), name: 'China', kind: 'country', aliases: [] }];
  const provinces = Math.max(1, Math.round(count * 0.1));
  const cities = Math.max(2, Math.round(count * 0.5));
  for (let index = 0; index < provinces && places.length < count; index++) {
    const name = names.unique(() => word(random, 2));
    places.push({ slug: slugOf(name), name, kind: 'province', aliases: [], within: 'china' });
  }
  const provinceSlugs = places.filter((place) => place.kind === 'province').map((place) => place.slug);
  for (let index = 0; index < cities && places.length < count; index++) {
    const name = names.unique(() => word(random, 2));
    const alias = `${name} Municipality`;
    const aliases = random.chance(0.3) && names.claim(alias) ? [alias] : [];
    const coordinates = { lat: round(random.next() * 24 + 22), lon: round(random.next() * 26 + 102) };
    places.push({ slug: slugOf(name), name, kind: 'city', aliases, within: random.pick(provinceSlugs), coordinates });
  }
  const citySlugs = places.filter((place) => place.kind === 'city').map((place) => place.slug);
  const suffixes = { district: 'District', county: 'County', 'new-area': 'New Area' } as const;
  while (places.length < count) {
    const kind = random.pick(['district', 'county', 'new-area'] as const);
    const name = names.unique(() => `${word(random, 2)} ${suffixes[kind]}`);
    places.push({ slug: slugOf(name), name, kind, aliases: [], within: random.pick(citySlugs) });
  }
  return places;
}

function generateOrganisations(random: Random, names: NameBook, places: readonly GenPlace[], count: number) {
  const slugOf = createSlugBook();
  const organisations: GenOrganisation[] = [];
  const add = (name: string, kind: GenOrganisation['kind'], place: string, partOf?: string) => {
    if (organisations.length >= count || !names.claim(name)) return undefined;
    const organisation = { slug: slugOf(name), name, kind, place, ...(partOf ? { partOf } : {}) };
    organisations.push(organisation);
    return organisation;
  };
  // Every province and city first gets its party committee and government, as real archives name them most.
  for (const place of places.filter((candidate) => candidate.kind === 'province' || candidate.kind === 'city')) {
    const level = place.kind === 'city' ? 'Municipal' : 'Provincial';
    add(`${place.name} ${level} Party Committee`, 'party-committee', place.slug);
    add(`${place.name} ${level} Government`, 'government', place.slug);
  }
  const cities = places.filter((place) => place.kind === 'city');
  const departments = ['Development and Reform Commission', 'Bureau of Commerce', 'Education Bureau', 'Finance Bureau'];
  const industries = ['Heavy Industry', 'Port', 'Shipbuilding', 'Aluminium', 'New Energy', 'Logistics', 'Electronics'];
  for (let attempt = 0; organisations.length < count && attempt < count * 20; attempt++) {
    const city = random.pick(cities);
    const government = organisations.find((organisation) => organisation.name === `${city.name} Municipal Government`);
    const choice = random.int(0, 3);
    if (choice === 0)
      add(`${city.name} ${random.pick(departments)}`, 'government-department', city.slug, government?.slug);
    else if (choice === 1) add(`${word(random, 2)} ${random.pick(industries)} Group`, 'company', city.slug);
    else if (choice === 2) add(`${city.name} ${word(random, 1)} High-tech Zone`, 'development-zone', city.slug);
    else add(`Bank of ${city.name}`, 'bank', city.slug);
  }
  return organisations;
}

const TITLES: Record<GenOrganisation['kind'], readonly string[]> = {
  'party-committee': [
    'Secretary of the {org}',
    'Deputy Secretary of the {org}',
    'member of the Standing Committee of the {org}',
  ],
  government: ['head of the {org}', 'deputy head of the {org}', 'Secretary-General of the {org}'],
  'government-department': ['Director of the {org}', 'Deputy Director of the {org}'],
  company: ['Chairman of {org}', 'General Manager of {org}'],
  'development-zone': ['Director of the Administrative Committee of {org}'],
  bank: ['President of {org}'],
};

function generateOfficials(random: Random, names: NameBook, organisations: readonly GenOrganisation[], count: number) {
  const slugOf = createSlugBook();
  const officials: GenOfficial[] = [];
  for (let index = 0; index < count; index++) {
    const name = names.unique(() => personName(random));
    const organisation = random.pick(organisations);
    const title = random.pick(TITLES[organisation.kind]).replace('{org}', organisation.name);
    const surname = name.split(' ')[0] ?? name;
    const variant = random.chance(0.05) ? names.unique(() => `${surname} ${word(random, 2)}`) : undefined;
    officials.push({
      slug: slugOf(name),
      name,
      title,
      organisation: organisation.slug,
      place: organisation.place,
      ...(variant ? { variant } : {}),
    });
  }
  return officials;
}

function generateDocuments(
  random: Random,
  names: NameBook,
  cities: readonly GenPlace[],
  organisations: readonly GenOrganisation[],
  count: number,
): GenDocument[] {
  const slugOf = createSlugBook();
  const documents: GenDocument[] = [];
  for (let index = 0; index < count; index++) {
    let picked = pickDocument(random, cities);
    const name = names.unique(() => {
      picked = pickDocument(random, cities);
      return picked.name;
    });
    const issuers = organisations.filter((organisation) => organisation.place === picked.place).slice(0, 2);
    documents.push({
      ...picked,
      slug: slugOf(name),
      dated: random.chance(0.6),
      issuedBy: issuers.map((organisation) => organisation.slug),
    });
  }
  return documents;
}

function pickDocument(random: Random, cities: readonly GenPlace[]) {
  const city = random.pick(cities);
  const year = random.int(2010, 2024);
  const kind = random.pick(['plan', 'notice', 'agreement', 'strategy'] as const);
  const topic = random.pick(TOPICS);
  const names = {
    plan: () => `${year} Key Work Plan for ${topic} in ${city.name}`,
    notice: () => `Notice on Promoting ${topic} in ${city.name} (${ordinal(random)} Batch, ${year})`,
    agreement: () => `Framework Agreement on ${topic} between ${city.name} and ${random.pick(cities).name}, ${year}`,
    strategy: () => `${city.name} Strategy for ${topic}, ${year} to ${year + 5}`,
  };
  return { name: names[kind](), kind, place: city.slug, year };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
