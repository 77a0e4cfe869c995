import type { Archive } from '../../pipeline/build-archive.ts';
import { recordKey } from '../../schema/record-key.ts';
import type { PageKindKey } from '../../site/page-kinds.ts';
import type { PageEntry } from '../../site/view/page.ts';
import { factsOf } from '../cache/body-facts.ts';
import { RECORD_PAGE_KINDS } from './render-plan.ts';

/** What a page's view weighs as JSON, in bytes: a base, and a share per link of its record. */
interface Weight {
  readonly base: number;
  /** Per link of the record in the link graph, to it or from it. */
  readonly perLink: number;
  /** Per city of the archive: a place's page draws every city on its map. */
  readonly perCity?: number;
  /** Per article a label's page lists. */
  readonly perArticle?: number;
}

/**
 * Fitted on the bench corpus at 10,000 articles (25,221 pages, 387 MB of views as JSON), one
 * straight line per kind. Mean error per page: 2–9% for most kinds, 20% for organisations, whose
 * pages list people as well as links. The corpus has no topics: their line is a guess from the
 * size of an article as a list shows it.
 */
const WEIGHTS: Readonly<Record<PageKindKey, Weight>> = {
  articles: { base: 3850, perLink: 136 },
  events: { base: 1600, perLink: 234 },
  officials: { base: 60_000, perLink: 578 },
  cities: { base: 0, perLink: 135, perCity: 540 },
  places: { base: 0, perLink: 63, perCity: 525 },
  organisations: { base: 2000, perLink: 289 },
  documents: { base: 1130, perLink: 352 },
  topics: { base: 1000, perLink: 0, perArticle: 600 },
};

/**
 * Each page's view size as JSON, estimated from the archive before any view is made: what a cold
 * build cuts its Eleventy runs by (`RENDER_BATCH_LIMITS`), when it makes each run's views only as
 * the run starts. An article's page also carries its text.
 */
export function estimatedViewSizes(
  archive: Archive,
  entries: { readonly [K in PageKindKey]: readonly PageEntry[] },
): Map<string, number> {
  const { graph } = archive;
  const cities = entries.cities.length;
  const sizes = new Map<string, number>();
  for (const kind of RECORD_PAGE_KINDS) {
    const weight = WEIGHTS[kind];
    for (const { link, articles } of entries[kind]) {
      let bytes = weight.base + (weight.perCity ?? 0) * cities + (weight.perArticle ?? 0) * (articles ?? 0);
      if (link.kind !== 'label') {
        const ref = { kind: link.kind, slug: link.slug };
        bytes += weight.perLink * (graph.incoming(ref).length + graph.outgoing(ref).length);
        const body = link.kind === 'article' ? archive.bodies.get(recordKey(ref)) : undefined;
        if (body) bytes += factsOf(body).length;
      }
      sizes.set(link.url, Math.round(bytes));
    }
  }
  return sizes;
}
