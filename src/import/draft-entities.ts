import type { Analysis } from './analyse.ts';
import type { Occurrence } from './occurrences.ts';
import { organisationKind } from './organisation-kind.ts';
import { frontMatterFile, importedFromLine, quoted } from './yaml-text.ts';

/** A file the importer would write, relative to the content folder. */
export interface DraftFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The record file for a name the archive does not know, or `undefined` when it cannot be drafted
 * without inventing something (a city the gazetteer cannot place on the map). Every draft holds
 * only the name, what the release says of it, and where it was imported from (`importedFrom`):
 * the article's one review mark covers it.
 */
export function draftEntity(mention: Occurrence, analysis: Analysis, article: string): DraftFile | undefined {
  const { line, column } = analysis.position(mention.start, mention.text.length);
  const body = analysis.release.body;
  const quote = body.slice(
    mention.start,
    Math.min(body.length, mention.end + (mention.role ? mention.role.length + 3 : 0)),
  );
  const name = `name: ${quoted(mention.text)}`;
  const provenance = importedFromLine({ article, quote, line, column });
  if (mention.kind === 'person') {
    const roles =
      mention.role === undefined ? [] : ['roles:', `  - { title: ${quoted(mention.role)}, source: ${article} }`];
    return {
      path: `officials/${mention.record}.md`,
      text: frontMatterFile([name, ...roles, provenance]),
    };
  }
  if (mention.kind === 'organisation') {
    const kind = organisationKind(mention.text);
    const lines = [name, `kind: ${kind}`, provenance];
    return { path: `organisations/${mention.record}.md`, text: frontMatterFile(lines) };
  }
  const place = mention.found?.place;
  const placeKind = mention.found?.placeKind ?? 'city';
  const coordinates = placeKind === 'city' ? place?.coordinates : undefined;
  if (placeKind === 'city' && coordinates === undefined) return undefined;
  const lines = [
    name,
    `kind: ${placeKind}`,
    ...(coordinates ? [`coordinates: { lat: ${coordinates.lat}, lon: ${coordinates.lon} }`] : []),
    // Macro-regions come from the importer's own list (regions.ts), not from GeoNames: no note to claim it.
    ...(place && place.country !== ''
      ? [
          `note: ${quoted(`GeoNames: ${place.name} (${place.country})${coordinates ? ', coordinates from GeoNames' : ''}.`)}`,
        ]
      : []),
    provenance,
  ];
  return { path: `places/${mention.record}.md`, text: frontMatterFile(lines) };
}
