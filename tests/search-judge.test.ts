import { describe, expect, it } from 'vitest';
import { type FoundResult, formatJudgements, judge } from '../src/search-eval/judge.ts';
import type { EvalQuery } from '../src/search-eval/queries.ts';

const query: EvalQuery = {
  query: 'Huludao',
  site: 'shipped',
  why: 'A city: its page, then an article about it.',
  expect: [{ url: '/cities/huludao/' }, { articleNaming: 'Huludao' }],
};
const page = (url: string, type: string, content: string): FoundResult => ({ url, title: url, type, content });

describe('the eval table', () => {
  it('should mark a second correct article beyond the listed expectations as right, not wrong', () => {
    const judgement = judge(query, [
      page('/cities/huludao/', 'City', 'City Huludao'),
      page('/articles/one/', 'Article', 'A visit to Huludao.'),
      page('/articles/two/', 'Article', 'Back in Huludao.'),
    ]);
    expect(judgement.precision).toBe(1);
    expect(judgement.passed).toBe(true);
    expect(judgement.correct).toEqual([true, true, true]);
    expect(formatJudgements([judgement])).toContain('✓ /cities/huludao/  ✓ /articles/one/  ✓ /articles/two/');
  });

  it('should still mark a result that meets no expectation as wrong', () => {
    const judgement = judge(query, [
      page('/cities/huludao/', 'City', 'City Huludao'),
      page('/organisations/huludao-port/', 'Organisation', 'Huludao Port'),
      page('/articles/one/', 'Article', 'A visit to Huludao.'),
    ]);
    expect(judgement.correct).toEqual([true, false, true]);
    expect(formatJudgements([judgement])).toContain('✗ /organisations/huludao-port/');
  });
});
