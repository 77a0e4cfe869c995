import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEnd, type DateClaim, dateSchema, publishedSchema, resolveRelativeDate } from '../src/schema/index.ts';
import { findReferences } from '../src/schema/reference-fields.ts';
import { compareDateKeys, dateSortKey, formatDate, formatDateRange } from '../src/site/dates.ts';
import { createViewContext } from '../src/site/view/context.ts';
import { toEventView } from '../src/site/view/event-view.ts';
import { buildFixture, FIXTURES, fixtureCases } from './helpers/fixtures.ts';

const read = (input: unknown): DateClaim => dateSchema.parse(input);
const published = (value: unknown) => ({ date: read(value), title: 'The release' });

describe('date forms', () => {
  // Each case is an article and an event `visit`; expected.txt is how the event page shows its date.
  it.each(fixtureCases('dates'))('should show the %s form as the source gives it', async (name) => {
    const caseDir = path.join(FIXTURES, 'dates', name);
    const { archive, report } = await buildFixture(caseDir);
    expect(report).toBe('');
    if (!archive) throw new Error('fixture must be valid');
    const context = createViewContext(archive);
    const { date } = toEventView(context, archive.records.event.get('visit') ?? expect.fail('no event'));
    const lines = [
      `label: ${date.label}`,
      `iso: ${date.iso ?? '-'}`,
      `monthDay: ${date.monthDay ?? '-'}`,
      `inferred: ${date.inferred}`,
      `explanation: ${date.explanation ?? '-'}`,
    ];
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(path.join(caseDir, 'expected.txt'));
  });
});

describe('resolving relative words', () => {
  const yesterday = read({ value: 'not stated', asWritten: 'yesterday', source: 'release' });

  it('should count days back from a publication stated to the day, across months and leap days', () => {
    expect(resolveRelativeDate(yesterday, published('2018-06-22'))).toMatchObject({
      precision: 'day',
      value: '2018-06-21',
      basis: 'inferred',
      asWritten: 'yesterday',
      inferredFrom: 'The source says “yesterday”, and “The release” was published on 22 June 2018.',
    });
    expect(resolveRelativeDate(yesterday, published('2020-03-01'))).toMatchObject({ value: '2020-02-29' });
    expect(resolveRelativeDate(yesterday, published('2019-01-01'))).toMatchObject({ value: '2018-12-31' });
    const twoDays = read({ value: 'not stated', asWritten: 'The day before yesterday,', source: 'release' });
    expect(resolveRelativeDate(twoDays, published('2018-03-01'))).toMatchObject({ value: '2018-02-27' });
  });

  it('should keep a day and month without a year, unless the unstated year would decide it', () => {
    expect(resolveRelativeDate(yesterday, published('--06-22'))).toMatchObject({
      precision: 'month-day',
      value: '--06-21',
    });
    // 1 March minus one day is 28 or 29 February, depending on the year nobody states.
    expect(resolveRelativeDate(yesterday, published('--03-01'))).toMatchObject({
      precision: 'on-or-before',
      value: '--03-01',
    });
  });

  it('should give only a bound for words without a distance, or a publication coarser than a day', () => {
    for (const words of ['recently', 'in recent days', 'Last week', 'lately']) {
      const date = read({ value: 'not stated', asWritten: words, source: 'release' });
      expect(resolveRelativeDate(date, published('2018-06-22'))).toMatchObject({
        precision: 'on-or-before',
        value: '2018-06-22',
        basis: 'inferred',
      });
    }
    expect(resolveRelativeDate(yesterday, published('2018-06'))).toMatchObject({
      precision: 'on-or-before',
      value: '2018-06',
    });
  });

  it('should leave the date unresolved without a stated publication, or for words it does not know', () => {
    expect(resolveRelativeDate(yesterday, undefined)).toBe(yesterday);
    expect(resolveRelativeDate(yesterday, published('not stated'))).toBe(yesterday);
    const inferred = { date: read({ value: '2018-06-22', inferredFrom: 'a guess' }), title: 'The release' };
    expect(resolveRelativeDate(yesterday, inferred)).toBe(yesterday);
    const unknown = read({ value: 'not stated', asWritten: 'at the weekend', source: 'release' });
    expect(resolveRelativeDate(unknown, published('2018-06-22'))).toBe(unknown);
    const stated = read('2018-06-20');
    expect(resolveRelativeDate(stated, published('2018-06-22'))).toBe(stated);
  });
});

describe('the source of a date', () => {
  it('should refuse relative words in a publication date, which is what they count from', () => {
    const result = publishedSchema.safeParse({ value: 'not stated', asWritten: 'yesterday' });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['asWritten'] });
    expect(publishedSchema.parse('--06-09')).toEqual({ precision: 'month-day', value: '--06-09', basis: 'stated' });
  });

  it("should check an event's date source like any other reference to an article", () => {
    const data = { date: read({ value: 'not stated', asWritten: 'yesterday', source: 'release' }) };
    expect(findReferences('event', data)).toEqual([{ path: 'date.source', target: 'article', slug: 'release' }]);
  });
});

describe('ranges', () => {
  it('should let a month and a day in it overlap, in either order, and catch a real inversion', () => {
    expect(checkEnd(read('2019-10'), read('2019-10-05'))).toBeUndefined();
    expect(checkEnd(read('2019-10-05'), read('2019-10'))).toBeUndefined();
    expect(checkEnd(read('2019'), read('2019-01-01'))).toBeUndefined();
    expect(checkEnd(read('2019-10-05'), read('2019-09'))?.params.ruleId).toBe('end-before-start');
    expect(checkEnd(read('--10-16'), read('--10-17'))).toBeUndefined();
    expect(checkEnd(read('--10-17'), read('--10-16'))?.params.ruleId).toBe('end-before-start');
  });

  it('should say "year not stated" once for a range of days without a year', () => {
    expect(formatDateRange(read('--10-16'), read('--10-17')).label).toBe('16–17 October (year not stated)');
    expect(formatDateRange(read('--06-19'), read('--06-21')).label).toBe('19–21 June (year not stated)');
    expect(formatDate(read('--06-09'))).toEqual({
      label: '9 June (year not stated)',
      monthDay: '--06-09',
      inferred: false,
    });
  });
});

describe('sorting', () => {
  const keys = ['--10-16', '2018-06-20', 'not stated', '2019', '--06-09', '2018-06']
    .map((value) => dateSortKey(read(value)))
    .concat(
      dateSortKey({
        precision: 'on-or-before',
        value: '2018-06-22',
        basis: 'inferred',
        inferredFrom: 'x',
        asWritten: 'recently',
      }),
    );

  it('should put dates with a year first, then days without a year in calendar order, bounds, and the undated', () => {
    expect([...keys].sort((a, b) => compareDateKeys(a, b, 'newest'))).toEqual([
      '2019',
      '2018-06-20',
      '2018-06',
      '--06-09',
      '--10-16',
      '~12018-06-22',
      '~2',
    ]);
    expect([...keys].sort((a, b) => compareDateKeys(a, b, 'oldest'))).toEqual([
      '2018-06',
      '2018-06-20',
      '2019',
      '--06-09',
      '--10-16',
      '~12018-06-22',
      '~2',
    ]);
  });
});
