import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { renderTimeline, type TimelineItem } from '../../src/render/svg-timeline.ts';
import { elements, parseSvg } from '../helpers/svg.ts';

const OPTIONS = { title: 'Events', description: 'When things happened', idPrefix: 'events-timeline' };

const ITEMS: readonly TimelineItem[] = [
  { label: 'Forum in 2018', url: '/articles/forum/', iso: '2018-06-20', dateLabel: '20 June 2018' },
  { label: 'Visit in 2017', url: '/articles/visit/', iso: '2017-05-12', dateLabel: '12 May 2017' },
  { label: 'Report in 2019', url: '/articles/report/', iso: '2019-03', dateLabel: 'March 2019' },
  { label: 'Undated speech', url: '/articles/speech/', dateLabel: 'Date not stated' },
];

function hasClass(element: Element, name: string): boolean {
  return (element.getAttribute('class') ?? '').split(' ').includes(name);
}

function linkTo(root: Element, url: string): Element {
  const link = elements(root, 'a').find((a) => a.getAttribute('href') === url);
  if (link === undefined) throw new Error(`No link to ${url}`);
  return link;
}

function markerX(root: Element, url: string): number {
  const marker = elements(linkTo(root, url), 'circle')[0];
  if (marker === undefined) throw new Error(`No marker for ${url}`);
  return Number(marker.getAttribute('cx'));
}

function tickLabels(root: Element): string[] {
  return elements(root, 'text')
    .filter((text) => hasClass(text, 'timeline-tick-label'))
    .map((text) => text.textContent ?? '');
}

describe('renderTimeline', () => {
  it('should return an empty string for no items', () => {
    expect(renderTimeline([], OPTIONS)).toBe('');
  });

  it('should produce well-formed SVG labelled by its own title and description', () => {
    const root = parseSvg(renderTimeline(ITEMS, OPTIONS));
    expect(root.getAttribute('role')).toBe('group');
    expect(root.getAttribute('class')).toBe('timeline');
    const ids = (root.getAttribute('aria-labelledby') ?? '').split(' ');
    expect(ids).toEqual(['events-timeline-title', 'events-timeline-desc']);
    expect(elements(root, 'title').find((element) => element.getAttribute('id') === ids[0])?.textContent).toBe(
      'Events',
    );
    expect(elements(root, 'desc').find((element) => element.getAttribute('id') === ids[1])?.textContent).toBe(
      'When things happened',
    );
  });

  it('should link every item to its page with its label and date', () => {
    const root = parseSvg(renderTimeline(ITEMS, OPTIONS));
    expect(elements(root, 'a')).toHaveLength(ITEMS.length);
    for (const item of ITEMS) {
      const text = linkTo(root, item.url).textContent ?? '';
      expect(text).toContain(item.label);
      if (item.iso !== undefined) expect(text).toContain(item.dateLabel);
    }
  });

  it('should order 2017 before 2018 before 2019 on the x axis, inside the view', () => {
    const root = parseSvg(renderTimeline(ITEMS, { ...OPTIONS, width: 500 }));
    const [, , width] = (root.getAttribute('viewBox') ?? '').split(' ').map(Number);
    expect(width).toBe(500);
    const xs = ['/articles/visit/', '/articles/forum/', '/articles/report/'].map((url) => markerX(root, url));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(3);
    for (const x of xs) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(500);
    }
  });

  it('should put undated items in the "Date not stated" group and only there', () => {
    const root = parseSvg(renderTimeline(ITEMS, OPTIONS));
    const groups = elements(root, 'g').filter((g) => hasClass(g, 'timeline-undated'));
    expect(groups).toHaveLength(1);
    const group = groups[0] as Element;
    expect(elements(group, 'text')[0]?.textContent).toBe('Date not stated');
    expect(elements(group, 'a').map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['/articles/speech/', 'Undated speech'],
    ]);
  });

  it('should list a day and month without a year under "Year not stated", its day first, off the axis', () => {
    const yearless = {
      label: 'Visit',
      url: '/events/visit/',
      monthDay: '--10-16',
      dateLabel: '16–17 October (year not stated)',
    };
    const root = parseSvg(renderTimeline([ITEMS[0] as TimelineItem, yearless, ITEMS[3] as TimelineItem], OPTIONS));
    const group = elements(root, 'g').find((g) => hasClass(g, 'timeline-undated')) as Element;
    expect(elements(group, 'text').map((text) => text.textContent)).toEqual([
      'Year not stated',
      '16 Oct · Visit',
      'Undated speech',
    ]);
    expect(tickLabels(root)).toContain('Jun');
  });

  it('should show only the "Date not stated" group when nothing is dated', () => {
    const root = parseSvg(renderTimeline([ITEMS[3] as TimelineItem], OPTIONS));
    expect(tickLabels(root)).toEqual([]);
    expect(elements(root, 'g').some((g) => hasClass(g, 'timeline-undated'))).toBe(true);
  });

  it('should label years on a multi-year axis and months within one year', () => {
    expect(tickLabels(parseSvg(renderTimeline(ITEMS, OPTIONS)))).toEqual(['2017', '2018', '2019']);
    const oneYear = parseSvg(renderTimeline(ITEMS.slice(0, 1), OPTIONS));
    expect(tickLabels(oneYear)).toContain('Jan');
    expect(tickLabels(oneYear)).toContain('Jun');
    expect(elements(oneYear, 'text').some((text) => text.textContent === '2018')).toBe(true);
  });

  it('should draw partial dates as a period, not a pinpoint', () => {
    const items: TimelineItem[] = [
      { label: 'Exact', url: '/exact/', iso: '2018-03-02', dateLabel: '2 March 2018' },
      { label: 'Month', url: '/month/', iso: '2018-03', dateLabel: 'March 2018' },
      { label: 'Year', url: '/year/', iso: '2018', dateLabel: '2018' },
    ];
    const root = parseSvg(renderTimeline(items, OPTIONS));
    const exact = linkTo(root, '/exact/');
    const month = linkTo(root, '/month/');
    const year = linkTo(root, '/year/');
    expect(elements(exact, 'rect')).toHaveLength(0);
    expect(elements(month, 'rect').filter((rect) => hasClass(rect, 'timeline-span--month'))).toHaveLength(1);
    expect(elements(year, 'rect').filter((rect) => hasClass(rect, 'timeline-span--year'))).toHaveLength(1);
    expect(elements(month, 'circle')[0]?.getAttribute('fill')).toBe('#fff');
    // Placed at the start of the period: March 1st, just left of March 2nd.
    expect(markerX(root, '/month/')).toBeLessThan(markerX(root, '/exact/'));
    const monthWidth = Number(elements(month, 'rect')[0]?.getAttribute('width'));
    const yearWidth = Number(elements(year, 'rect')[0]?.getAttribute('width'));
    expect(yearWidth).toBeGreaterThan(monthWidth * 10);
  });

  it('should stack the labels of close dates in separate lanes', () => {
    const items: TimelineItem[] = [
      { label: 'First meeting on the day', url: '/one/', iso: '2018-03-02', dateLabel: '2 March 2018' },
      { label: 'Second meeting two days on', url: '/two/', iso: '2018-03-04', dateLabel: '4 March 2018' },
      { label: 'Much later', url: '/three/', iso: '2018-11-01', dateLabel: '1 November 2018' },
    ];
    const root = parseSvg(renderTimeline(items, OPTIONS));
    const labelY = (url: string) => Number(elements(linkTo(root, url), 'text')[0]?.getAttribute('y'));
    expect(labelY('/one/')).not.toBe(labelY('/two/'));
    // A distant item reuses the first lane.
    expect(labelY('/three/')).toBe(labelY('/one/'));
  });

  it('should escape labels, dates, URLs and titles as text', () => {
    const label = `<script>alert(1)</script> & "quoted" 'single'`;
    const items: TimelineItem[] = [
      { label, url: '/a/?x=1&y="2"', iso: '2018-01-01', dateLabel: '<i>1 January</i>' },
      { label: `${label} undated`, url: '/b/', dateLabel: 'Date not stated' },
    ];
    const svg = renderTimeline(items, { ...OPTIONS, description: '</desc><script/>' });
    const root = parseSvg(svg);
    expect(elements(root, 'script')).toHaveLength(0);
    expect(elements(root, 'i')).toHaveLength(0);
    expect(linkTo(root, '/a/?x=1&y="2"').textContent).toBe(`${label}<i>1 January</i>`);
    expect(linkTo(root, '/b/').textContent).toBe(`${label} undated`);
    expect(elements(root, 'desc')[0]?.textContent).toBe('</desc><script/>');
  });

  it.each(['2018-13', '2018-02-30', 'May 2018', '18-05-01'])('should throw a TypeError for the date %s', (iso) => {
    expect(() => renderTimeline([{ label: 'Bad', url: '/bad/', iso, dateLabel: iso }], OPTIONS)).toThrow(TypeError);
  });

  it('should accept 29 February in a leap year', () => {
    const svg = renderTimeline(
      [{ label: 'Leap', url: '/leap/', iso: '2016-02-29', dateLabel: '29 February 2016' }],
      OPTIONS,
    );
    expect(linkTo(parseSvg(svg), '/leap/').textContent).toContain('Leap');
  });
});
