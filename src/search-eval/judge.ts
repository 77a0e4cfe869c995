import type { EvalQuery, Expectation } from './queries.ts';

/** A search result as the eval sees it: Pagefind's URL, metadata and indexed text. */
export interface FoundResult {
  readonly url: string;
  readonly title: string;
  readonly type: string;
  /** The page's text as Pagefind indexed it. */
  readonly content: string;
}

/** How one query did. */
export interface Judgement {
  readonly query: EvalQuery;
  readonly top: readonly FoundResult[];
  /** Which expectation each of the first three results met, if any. */
  readonly met: readonly (Expectation | undefined)[];
  /**
   * Whether each of the first three results is right for the query: it met an expectation, or it
   * is what one asks for beyond those listed (a second article naming the city when one is expected).
   */
  readonly correct: readonly boolean[];
  /** Expected results among the first three, out of those expected (three, or fewer where fewer exist). */
  readonly precision: number;
  /** All three expected, and the one marked `first` first. */
  readonly passed: boolean;
}

/** Whether `result` is what `expectation` asks for. */
export function meets(result: FoundResult, expectation: Expectation): boolean {
  if ('url' in expectation) return result.url === expectation.url;
  return result.type === 'Article' && squash(result.content).includes(squash(expectation.articleNaming));
}

/** Lower case, one space between words: "Tan  Chengxu" and "tan chengxu" read alike. */
function squash(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Judges the first three results: each may meet one expectation, and one expectation is met by one
 * result at most. Named pages are matched before rules, so a rule is not spent on a page named.
 */
export function judge(query: EvalQuery, results: readonly FoundResult[]): Judgement {
  const top = results.slice(0, 3);
  const open = [...query.expect].sort((a, b) => Number('url' in b) - Number('url' in a));
  const met = top.map((result) => {
    const index = open.findIndex((expectation) => meets(result, expectation));
    return index === -1 ? undefined : open.splice(index, 1)[0];
  });
  const correct = top.map(
    (result, index) => met[index] !== undefined || query.expect.some((expectation) => meets(result, expectation)),
  );
  const found = met.filter((expectation) => expectation !== undefined).length;
  const firstOk = query.expect.every((expectation) => !expectation.first || met[0] === expectation);
  const expected = query.expect.length;
  return { query, top, met, correct, precision: found / expected, passed: found === expected && firstOk };
}

/** Mean precision at 3 over the judged queries. */
export function meanPrecision(judgements: readonly Judgement[]): number {
  if (judgements.length === 0) return 0;
  return judgements.reduce((sum, judgement) => sum + judgement.precision, 0) / judgements.length;
}

/**
 * A plain-text table: one row per query with its first three results, then P@3. ✓ marks a result
 * that is right for the query, listed or beyond the listed expectations; ✗ one that is not.
 */
export function formatJudgements(judgements: readonly Judgement[]): string {
  const rows = judgements.map((judgement) => {
    const shown = judgement.top.map((result, index) => `${judgement.correct[index] ? '✓' : '✗'} ${result.url}`);
    return [
      judgement.passed ? 'pass' : 'FAIL',
      judgement.precision.toFixed(2),
      judgement.query.site,
      judgement.query.query,
      shown.join('  '),
    ].join(' | ');
  });
  const passed = judgements.filter((judgement) => judgement.passed).length;
  const summary = `P@3 ${meanPrecision(judgements).toFixed(3)} over ${judgements.length} queries; ${passed} passed`;
  return ['result | P@3 | site | query | first three results', ...rows, summary].join('\n');
}
