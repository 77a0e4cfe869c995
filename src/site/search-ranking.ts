/** Pagefind's ranking parameters (`ranking` in `PagefindUI` and `pagefind.options()`). */
export interface SearchRanking {
  readonly termFrequency: number;
  readonly pageLength: number;
  readonly termSimilarity: number;
  readonly termSaturation: number;
  /** Additive boosts for query words found in a page's metadata, by field. */
  readonly metaWeights: Readonly<Record<string, number>>;
}

/**
 * How the search page ranks results; the search page hands it to Pagefind's UI, and
 * `npm run eval:search` to Pagefind's JS API, from the same attribute. See docs/search.md.
 */
export const SEARCH_RANKING: SearchRanking = {
  // Raw counts of weighted words, not their share of the page: an article that names a city ten
  // times is about it, however long it is; a record page is short because its lists are left out.
  termFrequency: 0,
  pageLength: 0,
  termSimilarity: 1,
  // Saturate late, so the heading's weight (7, against 3 or 4 for events, organisations and documents) still counts
  // against an article's many mentions.
  termSaturation: 2,
  // No bonus for a word in the title: every event, organisation and document named after a city or
  // an official would otherwise outrank the articles that report on it. Type, date and place are
  // shown on results, not searched.
  metaWeights: { title: 0, type: 0, date: 0, place: 0 },
};
