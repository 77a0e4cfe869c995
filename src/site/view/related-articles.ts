import type { RecordRef } from '../../link/graph.ts';
import { recordKey } from '../../schema/record-key.ts';
import type { LinkView, ViewContext } from './context.ts';

/** An article that shares records with another, and how many. */
export interface RelatedArticle {
  readonly link: LinkView;
  readonly shared: number;
}

/**
 * Articles numbered in slug order, and for each record the numbers of the articles that link it.
 * Counting what 10,000 articles share is then millions of array increments instead of map updates.
 */
interface ArticleNumbers {
  readonly slugs: readonly string[];
  readonly numberOf: ReadonlyMap<string, number>;
  readonly linking: Map<string, Int32Array>;
  /** Shared counts, all zero between calls. */
  readonly counts: Int32Array;
}

const numbersByContext = new WeakMap<ViewContext, ArticleNumbers>();

function articleNumbers(context: ViewContext): ArticleNumbers {
  const known = numbersByContext.get(context);
  if (known) return known;
  // Code-unit order, as `<` compares slugs: ties between articles go to the lower number.
  const slugs = [...context.index.article.keys()].sort();
  const numbers = {
    slugs,
    numberOf: new Map(slugs.map((slug, number) => [slug, number])),
    linking: new Map<string, Int32Array>(),
    counts: new Int32Array(slugs.length),
  };
  numbersByContext.set(context, numbers);
  return numbers;
}

/** The distinct articles that link `record`, as numbers. */
function linkingArticles(context: ViewContext, numbers: ArticleNumbers, record: RecordRef): Int32Array {
  const key = recordKey(record);
  const known = numbers.linking.get(key);
  if (known) return known;
  const found = new Set<number>();
  for (const edge of context.graph.incoming(record)) {
    const number = edge.from.kind === 'article' ? numbers.numberOf.get(edge.from.slug) : undefined;
    if (number !== undefined) found.add(number);
  }
  const linking = Int32Array.from(found);
  numbers.linking.set(key, linking);
  return linking;
}

/**
 * Other articles ranked by how many of the records `named` (people, places, organisations,
 * documents and events) they link, most first, ties by slug; at most `count`.
 */
export function relatedArticles(
  context: ViewContext,
  slug: string,
  named: readonly RecordRef[],
  count = 5,
): RelatedArticle[] {
  const numbers = articleNumbers(context);
  const self = numbers.numberOf.get(slug);
  const { counts } = numbers;
  const touched: number[] = [];
  const seen = new Set<string>();
  for (const record of named) {
    const key = recordKey(record);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const article of linkingArticles(context, numbers, record)) {
      if (article === self) continue;
      if (counts[article] === 0) touched.push(article);
      counts[article] = (counts[article] ?? 0) + 1;
    }
  }
  const top = topRanked(counts, touched, count);
  const related = top.map((article) => ({
    link: context.link({ kind: 'article', slug: numbers.slugs[article] ?? '' }),
    shared: counts[article] ?? 0,
  }));
  for (const article of touched) counts[article] = 0;
  return related;
}

/**
 * The `count` candidates with the highest counts, ties by the lower number: the order a full sort
 * would give, without sorting the thousands of articles that share one popular city.
 */
export function topRanked(counts: ArrayLike<number>, candidates: Iterable<number>, count: number): number[] {
  const before = (a: number, b: number) => {
    const countA = counts[a] ?? 0;
    const countB = counts[b] ?? 0;
    return countA > countB || (countA === countB && a < b);
  };
  const top: number[] = [];
  for (const candidate of candidates) {
    const last = top[top.length - 1];
    if (top.length === count && last !== undefined && !before(candidate, last)) continue;
    let position = top.length;
    while (position > 0 && before(candidate, top[position - 1] ?? 0)) position--;
    top.splice(position, 0, candidate);
    if (top.length > count) top.pop();
  }
  return top;
}
