import type { Archive } from '../pipeline/build-archive.ts';
import type { Analysis } from './analyse.ts';
import { archiveNames } from './archive-names.ts';
import { type DraftFile, draftEntity } from './draft-entities.ts';
import { draftEvent, eventName } from './draft-event.ts';
import type { Occurrence } from './occurrences.ts';
import { frontMatterFile, quoted, reviewLine } from './yaml-text.ts';

/** What importing one release writes: the article and a draft for every new entity and event. */
export interface ReleaseDraft {
  readonly article: string;
  readonly files: readonly DraftFile[];
}

/**
 * Drafts the files for one analysed release. Pure: `today` is the `added` date, `reference` the
 * source file's name, and `taken` the paths already in the content folder, which are never
 * reused (a taken article slug gets `-2`, `-3`…). New names become minimal records; probable
 * variants become `proposals` on the article, never records.
 */
export function draftRelease(
  analysis: Analysis,
  archive: Archive,
  options: { readonly today: string; readonly reference: string; readonly taken: ReadonlySet<string> },
): ReleaseDraft {
  const article = freeSlug(
    analysis.slug,
    (slug) => options.taken.has(`articles/${slug}.md`) || archive.records.article.has(slug),
  );
  const files: DraftFile[] = [];
  const slugs = new Map<string, string>();
  for (const mention of analysis.mentions) {
    if (mention.match === 'new') {
      const draft = draftEntity(mention, analysis, article);
      if (!draft || options.taken.has(draft.path)) continue;
      files.push(draft);
    }
    slugs.set(`${mention.kind}:${mention.record}`, mention.record);
  }
  const names = archiveNames(archive);
  const reports: string[] = [];
  const nameOf = registeredName(archive);
  for (const event of analysis.events) {
    const base = eventName(event, nameOf);
    let name = base;
    for (let n = 2; names.names.has(name) || files.some((file) => file.text.includes(`name: ${quoted(name)}\n`)); n++)
      name = `${base} (${n})`;
    const draft = draftEvent(event, analysis, article, name, slugs);
    if (options.taken.has(draft.path) || files.some((file) => file.path === draft.path)) continue;
    files.push(draft);
    reports.push(draft.path.slice('events/'.length, -'.md'.length));
  }
  return { article, files: [draftArticle(analysis, article, reports, options), ...files] };
}

function draftArticle(
  analysis: Analysis,
  slug: string,
  reports: readonly string[],
  options: { today: string; reference: string },
): DraftFile {
  const { release, published } = analysis;
  const proposals = analysis.mentions.filter((mention) => mention.match === 'probable-variant');
  const lines = [
    `title: ${quoted(release.title)}`,
    `published: ${published === undefined || published.precision === 'unknown' ? 'not stated' : quoted(published.value)}`,
    `added: ${quoted(options.today)}`,
    'source:',
    `  reference: ${quoted(options.reference)}`,
    ...(analysis.sourceUrl ? [`  url: ${quoted(analysis.sourceUrl)}`] : []),
    'language: en',
    `summary: ${quoted(release.title)}`,
    ...(reports.length > 0 ? [`reports: [${reports.join(', ')}]`] : []),
    ...(proposals.length > 0 ? ['proposals:'] : []),
    ...proposals.map((mention) => {
      const { line, column } = analysis.position(mention.start, mention.text.length);
      const quote = release.body.slice(Math.max(0, mention.start - 20), mention.end + 20).trim();
      return `  - { spelling: ${quoted(mention.text)}, variantOf: ${mention.record}, decision: pending, quote: ${quoted(quote)}, line: ${line}, column: ${column} }`;
    }),
    reviewLine({
      quote: release.title,
      line: 1,
      column: 1,
      note: 'Check this article, then the drafted records and events that `npm run check` lists under needs-review (each quotes the words it was drafted from), then delete this line.',
    }),
  ];
  return { path: `articles/${slug}.md`, text: frontMatterFile(lines, release.body) };
}

/** A mention's name as the archive registers it; a new name as the release spells it. */
function registeredName(archive: Archive): (occurrence: Occurrence) => string {
  const records = {
    person: archive.records.official,
    place: archive.records.place,
    organisation: archive.records.organisation,
  };
  return (occurrence) =>
    (occurrence.match === 'new' ? undefined : records[occurrence.kind].get(occurrence.record)?.data.name) ??
    occurrence.text;
}

function freeSlug(slug: string, taken: (slug: string) => boolean): string {
  let candidate = slug;
  for (let n = 2; taken(candidate); n++) candidate = `${slug}-${n}`;
  return candidate;
}
