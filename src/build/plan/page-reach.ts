import type { RecordRef } from '../../link/graph.ts';
import { recordUrl } from '../../link/urls.ts';
import type { Archive } from '../../pipeline/build-archive.ts';
import { recordsOf } from '../../pipeline/build-archive.ts';
import { CITY_SECTION, RECORD_KIND_TABLE } from '../../schema/index.ts';

/**
 * Record page URL → the URLs of the records its view shows: its own, and every record it links,
 * lists or names in a body. A record is shown by its name (`LABEL_FIELD`) wherever a page links
 * it, so when only names change, these are the pages to make again (see archive-shape.ts).
 */
export type ShownRecords = ReadonlyMap<string, readonly string[]>;

/** Reads the records a view shows from its JSON. */
export type ShowsOf = (json: string) => readonly string[];

/**
 * Finds record URLs in a view's JSON: in its links, and in the links of the bodies it carries.
 * Each URL found is the archive's own string, so the result keeps no part of the JSON alive.
 */
export function recordsShownBy(archive: Archive): ShowsOf {
  const urls = new Map<string, string>();
  for (const record of recordsOf(archive.records)) {
    const url = recordUrl(archive.records, { kind: record.kind, slug: record.slug });
    urls.set(url, url);
  }
  const sections = [...new Set([...Object.values(RECORD_KIND_TABLE).map((kind) => kind.section), CITY_SECTION])];
  const pattern = new RegExp(`/(?:${sections.join('|')})/[a-z0-9-]+/`, 'g');
  return (json) => {
    const found = new Set<string>();
    for (const match of json.matchAll(pattern)) {
      const url = urls.get(match[0]);
      if (url !== undefined) found.add(url);
    }
    return [...found];
  };
}

/** The record pages that show any of the records at `recordUrls`, by `shows`. */
export function pagesShowing(shows: ShownRecords, recordUrls: ReadonlySet<string>): Set<string> {
  const pages = new Set<string>();
  for (const [page, records] of shows) {
    if (records.some((url) => recordUrls.has(url))) pages.add(page);
  }
  return pages;
}

/** The URLs of `records`. */
export function urlsOf(archive: Archive, records: Iterable<RecordRef>): Set<string> {
  return new Set([...records].map((record) => recordUrl(archive.records, record)));
}
