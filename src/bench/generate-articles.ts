import { fillerParagraphs, listOf, wordCount } from './article-text.ts';
import type { Entities, GenOfficial, GenPlace } from './generate-entities.ts';
import { createSlugBook, type NameBook, ordinal, TOPICS } from './names.ts';
import type { Random } from './random.ts';

/** Front matter as an editor writes it: plain YAML values. */
export type FrontMatter = Record<string, unknown>;

/** A generated article or event: its slug, front matter and (for articles) body. */
export interface GenRecord {
  readonly slug: string;
  readonly data: FrontMatter;
  readonly body: string;
}

/** The articles and the events they report, and which articles name each official first. */
export interface Reports {
  readonly articles: readonly GenRecord[];
  readonly events: readonly GenRecord[];
  /** Articles each official appears in, in order; roles cite them. */
  readonly appearances: ReadonlyMap<string, readonly string[]>;
  /** The article that uses an official's variant spelling, by official. */
  readonly variants: ReadonlyMap<string, string>;
}

const FIRST_DAY = Date.UTC(2010, 0, 1);
const DAYS = 15 * 365;
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** Writes `count` articles of about `words` words, each reporting an event with its participants. */
export function generateReports(
  random: Random,
  names: NameBook,
  entities: Entities,
  options: { readonly count: number; readonly words: number },
): Reports {
  const articleSlug = createSlugBook();
  const eventSlug = createSlugBook();
  const articles: GenRecord[] = [];
  const events: GenRecord[] = [];
  const appearances = new Map<string, string[]>();
  const variants = new Map<string, string>();
  const primaries: string[] = [];
  for (let index = 0; index < options.count; index++) {
    const city = random.pick(entities.cities);
    const province = entities.places.find((place) => place.slug === city.within) ?? city;
    const locals = entities.officialsByPlace.get(city.slug) ?? [];
    const host = locals.length > 0 && random.chance(0.8) ? random.pick(locals) : random.pick(entities.officials);
    const guests = random.sample(entities.officials, random.int(1, 4)).filter((guest) => guest !== host);
    const guest = guests[0] ?? host;
    const attendees = random
      .sample(entities.officials, random.int(1, 4))
      .filter((official) => official !== host && !guests.includes(official));
    const topic = random.pick(TOPICS);
    const day = random.chance(0.9) ? FIRST_DAY + random.int(0, DAYS) * 86_400_000 : undefined;
    const slug = articleSlug(`${guest.name} ${city.name} ${topic}`);
    const scene: Scene = { random, city, province, host, guest, topic, day, article: slug };

    const kind = random.pick(['visit', 'delegation-visit', 'forum', 'conference', 'meeting', 'signing'] as const);
    const eventName = names.unique(() => eventNameFor(scene, kind, entities));
    const document = kind === 'signing' ? random.pick(entities.documents) : undefined;
    const primary = eventSlug(eventName);
    const people = [
      { official: guest, parts: ['led', 'spoke'] },
      ...(host !== guest ? [{ official: host, parts: ['met', 'hosted'] }] : []),
      ...guests.slice(1).map((official) => ({ official, parts: ['attended'] })),
      ...attendees.map((official) => ({ official, parts: ['attended'] })),
    ];
    const organisers = (entities.organisationsByPlace.get(city.slug) ?? []).slice(0, random.int(0, 2));
    events.push({
      slug: primary,
      body: '',
      data: {
        name: eventName,
        kind,
        date: eventDate(scene, 'day'),
        ...(kind === 'visit' && day !== undefined && random.chance(0.4) ? { end: isoDay(day + 2 * 86_400_000) } : {}),
        place: city.slug,
        organisers: organisers.map((organisation) => organisation.slug),
        participants: people.map(({ official, parts }, position) => ({
          official: official.slug,
          ...(position < 2 ? { role: official.title } : {}),
          parts,
          source: slug,
        })),
        ...(document ? { documents: [document.slug] } : {}),
      },
    });

    const subEvents: { slug: string; name: string }[] = [];
    const venues = entities.organisationsByPlace.get(city.slug) ?? [];
    for (let part = 0; venues.length > 0 && random.chance(part === 0 ? 0.25 : 0.3) && part < 2; part++) {
      let venue = random.pick(venues);
      const name = names.unique(() => {
        venue = random.pick(venues);
        return `${random.pick(guests.length > 0 ? guests : [guest]).name} inspects ${venue.name}, ${ordinal(random)} stop`;
      });
      const sub = eventSlug(name);
      subEvents.push({ slug: sub, name });
      events.push({
        slug: sub,
        body: '',
        data: {
          name,
          kind: 'site-visit',
          date: eventDate(scene, 'month'),
          place: city.slug,
          venues: [venue.slug],
          partOf: primary,
          participants: [{ official: guest.slug, parts: ['inspected'], source: slug }],
        },
      });
    }
    const earlier = primaries.length > 0 && random.chance(0.1) ? [random.pick(primaries)] : [];
    primaries.push(primary);

    for (const { official } of people) {
      const list = appearances.get(official.slug);
      if (list) list.push(slug);
      else appearances.set(official.slug, [slug]);
    }
    // An official's first article spells their name the other way, as sources sometimes do.
    const spelling = (official: GenOfficial) => {
      if (official.variant === undefined || appearances.get(official.slug)?.[0] !== slug) return official.name;
      variants.set(official.slug, slug);
      return official.variant;
    };
    const body = articleBody(scene, options.words, {
      eventName,
      subEvents: subEvents.map((sub) => sub.name),
      document: document?.name,
      attendees: [...guests.slice(1), ...attendees].map(spelling),
      guestVariant: spelling(guest) === guest.name ? undefined : spelling(guest),
      organisation: random.pick(entities.organisations).name,
      handLink: random.chance(0.03) ? `official:${host.slug}` : undefined,
    });
    const government = (entities.organisationsByPlace.get(city.slug) ?? []).find((o) => o.kind === 'government');
    articles.push({
      slug,
      body,
      data: {
        title: titleFor(scene, kind, eventName),
        published: day === undefined ? 'not stated' : isoDay(day),
        // Taken in on the day of publication; undated ones when the archive was assembled, after them all.
        added: day === undefined ? UNDATED_ADDED : isoDay(day),
        ...(government && random.chance(0.5) ? { publisher: { organisation: government.slug } } : {}),
        source: {
          reference: `bench-${String(index).padStart(6, '0')}.txt`,
          ...(random.chance(0.3) ? { url: `https://news.example.gov/${city.slug}/${slug}.html` } : {}),
        },
        language: 'en',
        summary: `${guest.name} and ${host.name} discuss ${topic} in ${city.name}; the ${eventName} is reported.`,
        reports: [primary, ...subEvents.map((sub) => sub.slug), ...earlier],
      },
    });
  }
  return { articles, events, appearances, variants };
}

/** The day undated articles entered the synthetic archive: after the last dated one. */
const UNDATED_ADDED = '2025-01-15';

/** Everything one article is about. */
interface Scene {
  readonly random: Random;
  readonly city: GenPlace;
  readonly province: GenPlace;
  readonly host: GenOfficial;
  readonly guest: GenOfficial;
  readonly topic: string;
  readonly day: number | undefined;
  readonly article: string;
}

function eventNameFor(scene: Scene, kind: string, entities: Entities): string {
  const { random, city, province, host, guest } = scene;
  const topic = random.pick(TOPICS);
  switch (kind) {
    case 'visit':
      return `${guest.name} visit to ${city.name} on ${topic}`;
    case 'delegation-visit':
      return `${province.name} delegation visit to ${city.name} on ${topic}, ${ordinal(random)} group`;
    case 'forum':
      return `${ordinal(random)} ${city.name} Forum on ${topic}`;
    case 'conference':
      return `${ordinal(random)} Joint Conference on ${topic} between ${city.name} and ${random.pick(entities.cities).name}`;
    case 'meeting':
      return `${host.name} meets ${guest.name} on ${topic}, ${ordinal(random)} round`;
    default:
      return `${city.name} signing ceremony for ${topic} projects, ${ordinal(random)} round`;
  }
}

function titleFor(scene: Scene, kind: string, eventName: string): string {
  const { guest, host, city, topic } = scene;
  if (kind === 'visit') return `${guest.name} visited ${city.name} to study "${topic}"`;
  if (kind === 'meeting') return `${host.name} met with ${guest.name} in ${city.name}`;
  return `The ${eventName} was held in ${city.name}`;
}

function eventDate(scene: Scene, precision: 'day' | 'month'): unknown {
  const { random, day } = scene;
  if (day === undefined) {
    if (random.chance(0.5)) return { value: 'not stated', note: 'The article says “yesterday”, but carries no date.' };
    const year = String(2010 + random.int(0, 14));
    return { value: year, inferredFrom: `The article mentions “the ${year} work plan” as this year's.` };
  }
  const iso = isoDay(day - random.int(0, 1) * 86_400_000);
  if (precision === 'day') return iso;
  return {
    value: iso.slice(0, 7),
    inferredFrom: 'The article places this visit during the trip without giving a day.',
  };
}

interface BodyParts {
  readonly eventName: string;
  readonly subEvents: readonly string[];
  readonly document: string | undefined;
  readonly attendees: readonly string[];
  readonly guestVariant: string | undefined;
  readonly organisation: string;
  readonly handLink: string | undefined;
}

function articleBody(scene: Scene, words: number, parts: BodyParts): string {
  const { random, city, province, host, guest, topic, day } = scene;
  const when =
    day === undefined ? 'Yesterday' : `On ${MONTHS[new Date(day).getUTCMonth()]} ${new Date(day).getUTCDate()}`;
  const paragraphs = [
    `${when}, ${guest.name}, ${guest.title}, led a delegation to ${city.name} for research on ${topic}. The ${parts.eventName} was held during the visit.`,
    `${parts.handLink ? `[The host](${parts.handLink})` : host.name}, ${host.title}, met the delegation. Representatives of the ${parts.organisation} took part in the talks in ${province.name}.`,
  ];
  if (parts.guestVariant) paragraphs.push(`${parts.guestVariant} thanked ${city.name} for its hospitality.`);
  for (const name of parts.subEvents) paragraphs.push(`The programme also listed the ${name} as a separate item.`);
  if (parts.document) paragraphs.push(`At the ceremony, the ${parts.document} was signed.`);
  const sofar = paragraphs.reduce((total, paragraph) => total + wordCount(paragraph), 0);
  const filler = fillerParagraphs(random, { topic, city: city.name, province: province.name }, words - sofar - 30);
  const speaker = filler.map((paragraph, position) =>
    position % 2 === 0 ? `${position === 0 ? guest.name : host.name} said that ${reported(paragraph)}` : paragraph,
  );
  if (random.chance(0.15))
    speaker.push(`The two sides agreed to:\n\n- deepen ${topic}\n- exchange officials\n- meet again next year`);
  const closing = parts.attendees.length > 0 ? [`${listOf(parts.attendees)} attended the activities.`] : [];
  return `${[...paragraphs, ...speaker, ...closing].join('\n\n')}\n`;
}

// Reported speech: "It is…" becomes "said that it is…", but a name keeps its capital.
function reported(text: string): string {
  return /^(?:It|The|We|In|Both|Firstly|He|Efforts|Participants|During)\b/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
