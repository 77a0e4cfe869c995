import { slugFromTitle } from '../author/scaffold.ts';
import type { Archive } from '../pipeline/build-archive.ts';
import { type DateClaim, readDateText } from '../schema/date.ts';
import { archiveNames } from './archive-names.ts';
import { type FoundDate, findDates } from './find-dates.ts';
import { type FoundEvent, findEvents } from './find-events.ts';
import { findNames } from './find-names.ts';
import { type Gazetteer, loadGazetteer } from './gazetteer.ts';
import { firstMentions, matchOccurrences, type Occurrence } from './occurrences.ts';
import { type Release, readRelease } from './read-release.ts';

/** What the importer knows about one release: enough to report it and to draft its records. */
export interface Analysis {
  readonly release: Release;
  readonly slug: string;
  readonly published: DateClaim | undefined;
  readonly sourceUrl: string | undefined;
  readonly occurrences: readonly Occurrence[];
  /** The first mention of each record, with the first role the text gives it anywhere. */
  readonly mentions: readonly Occurrence[];
  readonly dates: readonly FoundDate[];
  readonly events: readonly FoundEvent[];
  /** 1-based line and column in the input file of a body offset. */
  readonly position: (offset: number, length: number) => { line: number; column: number };
}

// Article slugs keep the title's first words, as `npm run new` makes them.
const ARTICLE_SLUG_LENGTH = 60;

/** Analyses one release (seed text or saved HTML page) against the archive. Pure, apart from loading the gazetteer once. */
export function analyse(
  input: { readonly text: string; readonly publishedGiven?: string; readonly sourceUrl?: string },
  archive: Archive,
  gazetteer: Gazetteer = loadGazetteer(),
): Analysis {
  const release = readRelease(input.text);
  const publishedText = input.publishedGiven ?? release.published;
  const read = publishedText === undefined ? undefined : readDateText(publishedText);
  const published: DateClaim | undefined =
    read === undefined || typeof read === 'string' || read.value === undefined || read.precision === 'unknown'
      ? undefined
      : { precision: read.precision, value: read.value, basis: 'stated' };
  const names = archiveNames(archive);
  const occurrences = matchOccurrences(release.body, findNames(release.body, gazetteer), names);
  const mentions = firstMentions(occurrences).map((mention) => {
    if (mention.role !== undefined) return mention;
    const same = (other: Occurrence) =>
      other.record === mention.record &&
      other.kind === mention.kind &&
      (mention.match !== 'probable-variant' || other.text === mention.text);
    const role = occurrences.find((other) => same(other) && other.role)?.role;
    return role === undefined ? mention : { ...mention, role };
  });
  const dates = findDates(release.body, published, release.title);
  return {
    release,
    slug: slugFromTitle(release.title, ARTICLE_SLUG_LENGTH) || 'untitled-release',
    published,
    sourceUrl: input.sourceUrl ?? release.url,
    occurrences,
    mentions,
    dates,
    events: findEvents(release.body, occurrences, dates),
    position: positionIn(input.text, release),
  };
}

function positionIn(
  text: string,
  release: Release,
): (offset: number, length: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return (offset, length) => {
    const at = release.locate(offset, length);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - (lineStarts[low] ?? 0) + 1 };
  };
}
