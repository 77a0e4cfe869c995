import { describe, expect, it } from 'vitest';
import { dateSchema } from '../src/schema/index.ts';
import { formatDate } from '../src/site/dates.ts';
import { searchSortKey, toSearchResult } from '../src/site/view/search-result.ts';

const date = (text: string) => formatDate(dateSchema.parse(text));

describe('the newest-first sort key', () => {
  it('should sort by the date as far as the source states it', () => {
    expect(searchSortKey(date('2018-06-20'))).toBe('20180620');
    expect(searchSortKey(date('2018-06'))).toBe('20180600');
    expect(searchSortKey(date('2018'))).toBe('20180000');
  });

  it('should put dates without a year, undated pages and records without a date last, as 0', () => {
    expect(searchSortKey(date('--06-09'))).toBe('0');
    expect(searchSortKey(date('not stated'))).toBe('0');
    expect(searchSortKey(undefined)).toBe('0');
  });

  it('should give keys that Pagefind sorts as numbers, newest first when descending', () => {
    const keys = ['2018', '2018-06-20', '--06-09', '2017-12', '2018-06'].map((text) => searchSortKey(date(text)));
    expect(keys.every((key) => /^\d+$/.test(key))).toBe(true);
    expect([...keys].sort((a, b) => Number(b) - Number(a))).toEqual([
      '20180620',
      '20180600',
      '20180000',
      '20171200',
      '0',
    ]);
  });
});

describe('a search result card', () => {
  it('should show the type, the date as stated and the distinct places', () => {
    expect(toSearchResult('Article', date('--06-09'), ['Dalian', 'Dalian', 'Shanghai'])).toEqual({
      type: 'Article',
      date: '9 June (year not stated)',
      place: 'Dalian, Shanghai',
      sort: '0',
    });
    expect(toSearchResult('Official')).toEqual({ type: 'Official', sort: '0' });
  });
});
