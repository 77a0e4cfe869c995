import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The sites a query runs on: the shipped content, or the benchmark corpus of 1,000 articles (seed 1). */
export const EVAL_SITES = ['shipped', 'corpus-1000'] as const;

/** One of {@link EVAL_SITES}. */
export type EvalSite = (typeof EVAL_SITES)[number];

const expectationSchema = z.union([
  /** That page. */
  z.strictObject({ url: z.string().regex(/^\/[a-z0-9/-]*\/$/), first: z.boolean().optional() }),
  /** Any article whose indexed text contains these words, in this order (case aside). */
  z.strictObject({ articleNaming: z.string().min(1), first: z.boolean().optional() }),
]);

/** What one of the first three results must be; `first`: it must be the first. */
export type Expectation = z.infer<typeof expectationSchema>;

const querySchema = z.strictObject({
  query: z.string().min(1),
  site: z.enum(EVAL_SITES),
  /** Why these are the right results, for whoever changes the ranking next. */
  why: z.string().min(1),
  /** What the first three results must hold, in any order unless one says `first`: one to three. */
  expect: z.array(expectationSchema).min(1).max(3),
});

/** A query and the first three results it should give. */
export type EvalQuery = z.infer<typeof querySchema>;

/** The query set kept with the tests. */
export const QUERY_FILE = new URL('../../tests/fixtures/search-queries.json', import.meta.url);

/** Reads and checks a query set; a malformed one is a thrown error naming the problem. */
export function readQueries(file: URL | string = QUERY_FILE): EvalQuery[] {
  return z.array(querySchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}
