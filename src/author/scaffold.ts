import {
  DOCUMENT_KINDS,
  EVENT_KINDS,
  KIND_FOLDERS,
  MAX_SLUG_LENGTH,
  ORGANISATION_KINDS,
  PARTS,
  PLACE_KINDS,
  type RecordKind,
  SLUG_PATTERN,
} from '../schema/index.ts';
import { slugFromTitle } from '../util/slug.ts';

/** What `npm run new` can create; `city` is a place of kind city, the most common new place. */
export const SCAFFOLD_KINDS = ['article', 'event', 'official', 'place', 'city', 'organisation', 'document'] as const;

/** One of {@link SCAFFOLD_KINDS}. */
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

/** A new content file: where it goes and what it says. */
export interface Scaffold {
  readonly kind: RecordKind;
  readonly slug: string;
  /** Path inside the content folder, e.g. `officials/li-jinke.md`. */
  readonly path: string;
  readonly text: string;
}

// Article titles are sentences; their slugs keep the first words, cut at a word boundary.
const ARTICLE_SLUG_LENGTH = 60;

/** A slug from a title (see {@link slugFromTitle}); kept here, where `npm run new` made it first. */
export { slugFromTitle };

/**
 * The file `npm run new` writes for a new record, or the reason it cannot. Pure: the caller says
 * which slugs exist and what day it is. Required fields the editor must fill are left empty, so
 * `npm run check` points at each of them until it is done.
 */
export function scaffold(
  kind: ScaffoldKind,
  title: string,
  options: { readonly today: string; readonly existing: ReadonlySet<string>; readonly slug?: string },
): Scaffold | { readonly error: string } {
  const recordKind: RecordKind = kind === 'city' ? 'place' : kind;
  const trimmed = title.trim();
  if (trimmed === '') return { error: `Give the ${kind}'s ${kind === 'article' ? 'title' : 'name'} in quotes` };
  const slug = options.slug ?? slugFromTitle(trimmed, kind === 'article' ? ARTICLE_SLUG_LENGTH : MAX_SLUG_LENGTH);
  if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG_LENGTH) {
    return {
      error: `Cannot use "${slug}" as a slug: pass --slug=… with lower-case letters, digits and hyphens, e.g. --slug=li-jinke`,
    };
  }
  const path = `${KIND_FOLDERS[recordKind]}/${slug}.md`;
  if (options.existing.has(slug)) {
    return {
      error: `There is already ${/^[aeiou]/.test(recordKind) ? 'an' : 'a'} ${recordKind} with the slug "${slug}" (${path}): pass --slug=… to choose another`,
    };
  }
  const lines = [
    '---',
    `# yaml-language-server: $schema=../../schemas/${recordKind}.schema.json`,
    ...TEMPLATES[kind](JSON.stringify(trimmed), options.today),
    '---',
    '',
  ];
  return { kind: recordKind, slug, path, text: lines.join('\n') };
}

type Template = (quotedTitle: string, today: string) => string[];

/** Comment lines listing allowed values, taken from the schema so they never go stale. */
function oneOf(lead: string, values: readonly string[]): string[] {
  const lines: string[] = [];
  let line = `# ${lead}`;
  for (const [position, value] of values.entries()) {
    const word = `${value}${position === values.length - 1 ? '.' : ','}`;
    if (`${line} ${word}`.length > 100) {
      lines.push(line);
      line = `#  ${word}`;
    } else line = `${line} ${word}`;
  }
  return [...lines, line];
}

const placeTemplate =
  (kind: string): Template =>
  (name) => [
    `# A place. Fields: docs/content-model.md. Check with \`npm run check\`.`,
    `name: ${name}`,
    `# Other forms of the name that should link here when an article uses them, e.g. "Anshan city":`,
    'aliases: []',
    ...oneOf('One of:', PLACE_KINDS),
    `kind: ${kind}`,
    '# The place it lies in, by slug (content/places/<slug>.md), e.g. liaoning:',
    '# within: liaoning',
    '# Where it is, in decimal degrees, e.g. { lat: 41.108, lon: 122.994 }. Required for a city,',
    '# so it can go on the map:',
    `${kind === 'city' ? '' : '# '}coordinates: { lat: , lon: }`,
  ];

const TEMPLATES: Readonly<Record<ScaffoldKind, Template>> = {
  article: (title, today) => [
    '# A news article. Fields: docs/content-model.md. Check with `npm run check`.',
    '# The headline exactly as the source gives it, typos included:',
    `title: ${title}`,
    '# When the source says it was published: 2018-06-20, 2018-06, 2018 or --06-20. Keep "not stated" if it',
    '# does not say; never guess. An inferred date is written { value: 2018-06-20, inferredFrom: "why" }.',
    'published: not stated',
    '# The day the archive took the article in. Filled in for you.',
    `added: ${today}`,
    'source:',
    '  # Required: where the text comes from (file name, press office reference or page title).',
    '  reference: ""',
    '  # The web address of the original, if there is one:',
    '  # url: https://www.example.gov/news/123.html',
    'language: en',
    '# Required: one or two sentences on what the article reports.',
    'summary: ""',
    '# The events the article reports, by slug (content/events/<slug>.md), one "- slug" line each.',
    '# Create one with: npm run new -- event "Name of the event"',
    'reports: []',
    '# Words that look like names but are not people or places (a brand, a street), to leave unlinked:',
    '# plain: ["Wang Laoji"]',
    '# What the article is about, in your words, spelled the same in every article; each topic has a page:',
    '# topics: [Trade, Environment]',
    '# Paste the article text below the closing line, word for word. Names of officials, places and',
    '# organisations that have records are linked for you.',
  ],
  official: (name) => [
    '# An official. Record only what sources state. Check with `npm run check`.',
    `name: ${name}`,
    '# Other forms of the name that should link here when an article uses them:',
    'aliases: []',
    '# Different spellings a source uses, each with the article (by slug) that uses it:',
    '# variants:',
    '#   - { spelling: "Tan Zuoxiu", source: article-slug, note: "Why this is the same person." }',
    '# Roles exactly as a source words them, each with the article (by slug) that states it:',
    'roles: []',
    '#   - title: mayor',
    '#     organisation: dalian-municipal-government',
    '#     place: dalian',
    '#     source: article-slug',
  ],
  place: placeTemplate('""'),
  city: placeTemplate('city'),
  organisation: (name) => [
    '# An organisation: a party committee, government, department, company, delegation…',
    `name: ${name}`,
    'aliases: []',
    ...oneOf('Required. One of:', ORGANISATION_KINDS),
    'kind: ""',
    '# Where it is, by place slug, and the body it belongs to, by organisation slug:',
    '# place: dalian',
    '# partOf: communist-party-of-china',
  ],
  event: (name) => [
    '# An event an article reports: a visit, forum, conference, signing… Check with `npm run check`.',
    `name: ${name}`,
    'aliases: []',
    ...oneOf('Required. One of:', EVENT_KINDS),
    'kind: ""',
    '# As precise as the source: 2018-06-20, 2018-06, 2018, --06-20 (June 20, no year) or "not stated".',
    '# If the year is inferred: { value: 2018-06-20, inferredFrom: "The article gives June 20 without a year; …" }',
    '# "Yesterday", "recently": { value: not stated, asWritten: yesterday, source: <article slug> }',
    'date: not stated',
    '# Only when the source gives an end: end: 2018-06-21',
    '# The city or place, by slug:',
    '# place: shanghai',
    '# Who took part, with the role the source gives them there, and how they took part:',
    ...oneOf('parts is a list of:', PARTS),
    'participants: []',
    '#   - official: tan-chengxu',
    '#     role: mayor of Dalian',
    '#     parts: [attended, spoke]',
    '#     source: article-slug',
    '# Organisations that took part, and documents signed or announced, by slug:',
    'organisations: []',
    'documents: []',
  ],
  document: (name) => [
    '# A named document: a plan, notice, agreement, strategy… Check with `npm run check`.',
    `name: ${name}`,
    'aliases: []',
    ...oneOf('Required. One of:', DOCUMENT_KINDS),
    'kind: ""',
    '# When it was issued, if a source says: 2018-06-20, 2018-06 or 2018.',
    '# date: 2018',
    '# Organisations that issued it, officials who wrote it, parties that signed it, by slug:',
    'issuedBy: []',
    'authors: []',
    'parties: []',
  ],
};
