import { stringify } from 'yaml';
import { type FrontMatter, generateReports } from './generate-articles.ts';
import { generateEntities } from './generate-entities.ts';
import { createNameBook } from './names.ts';
import { createRandom } from './random.ts';

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  /** How many articles. Entity counts grow with it: 10,000 articles name 1,000 officials and 300 places. */
  readonly articles: number;
  /** The same seed gives the same corpus, byte for byte. Default `1`. */
  readonly seed?: number;
  /** Words per article body, roughly. Default `600`. */
  readonly words?: number;
}

/** One file of the corpus, relative to the content folder. */
export interface CorpusFile {
  readonly path: string;
  readonly text: string;
}

/**
 * A synthetic archive that is valid under the schemas: articles reporting events, with officials,
 * places, organisations and documents that the bodies name. Pure: the files are returned, not written.
 */
export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  if (!Number.isInteger(options.articles) || options.articles < 1) {
    throw new TypeError(`articles must be a positive integer, not ${options.articles}`);
  }
  const random = createRandom(options.seed ?? 1);
  const names = createNameBook();
  const scale = options.articles;
  const entities = generateEntities(random, names, {
    officials: Math.max(20, Math.ceil(scale / 10)),
    places: Math.max(12, Math.ceil(scale * 0.03)),
    organisations: Math.max(16, Math.ceil(scale / 20)),
    documents: Math.max(5, Math.ceil(scale / 50)),
  });
  const reports = generateReports(random, names, entities, { count: scale, words: options.words ?? 600 });

  const files: CorpusFile[] = [];
  const add = (folder: string, slug: string, data: FrontMatter, body = '') =>
    files.push({ path: `${folder}/${slug}.md`, text: `---\n${stringify(data, { lineWidth: 0 })}---\n${body}` });
  for (const article of reports.articles) add('articles', article.slug, article.data, article.body);
  for (const event of reports.events) add('events', event.slug, event.data);
  for (const place of entities.places) {
    const { slug: _slug, aliases, ...data } = place;
    add('places', place.slug, { ...data, ...(aliases.length > 0 ? { aliases } : {}) });
  }
  for (const { slug, ...data } of entities.organisations) add('organisations', slug, data);
  for (const official of entities.officials) {
    const [first, second] = reports.appearances.get(official.slug) ?? [];
    // No article names them, so no source gives them a role: an archive would not hold them.
    if (first === undefined) continue;
    const role = { title: official.title, organisation: official.organisation, place: official.place };
    const roles = [
      { ...role, source: first },
      // Sources word the same office differently; the archive keeps each wording with its source.
      ...(second && random.chance(0.3) ? [{ ...role, title: lowerFirst(official.title), source: second }] : []),
    ];
    const variantSource = reports.variants.get(official.slug);
    const variants =
      official.variant && variantSource ? [{ spelling: official.variant, source: variantSource }] : undefined;
    add('officials', official.slug, {
      name: official.name,
      ...(variants ? { variants } : {}),
      ...(roles.length > 0 ? { roles } : {}),
    });
  }
  for (const document of entities.documents) {
    add('documents', document.slug, {
      name: document.name,
      kind: document.kind,
      ...(document.dated ? { date: String(document.year) } : {}),
      issuedBy: document.issuedBy,
    });
  }
  return files;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
