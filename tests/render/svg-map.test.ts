import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { type MapPoint, renderPointMap } from '../../src/render/svg-map.ts';
import { elements, parseSvg } from '../helpers/svg.ts';

const OPTIONS = { title: 'Places named', description: 'Beijing and Shanghai', idPrefix: 'places-map' };
const BEIJING: MapPoint = { label: 'Beijing', url: '/places/beijing/', lat: 39.9042, lon: 116.4074 };
const SHANGHAI: MapPoint = { label: 'Shanghai', url: '/places/shanghai/', lat: 31.23, lon: 121.47, highlight: true };

function viewBox(root: Element): { width: number; height: number } {
  const [, , width, height] = (root.getAttribute('viewBox') ?? '').split(' ').map(Number);
  return { width: width ?? Number.NaN, height: height ?? Number.NaN };
}

function circleOf(root: Element, url: string): { cx: number; cy: number } {
  const link = elements(root, 'a').find((a) => a.getAttribute('href') === url);
  const circle = link === undefined ? undefined : elements(link, 'circle')[0];
  if (circle === undefined) throw new Error(`No marker for ${url}`);
  return { cx: Number(circle.getAttribute('cx')), cy: Number(circle.getAttribute('cy')) };
}

/** Every absolute position visited by path data made of M, relative l and z commands. */
function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const command of d.match(/[Mlz][^Mlz]*/g) ?? []) {
    const numbers = (command.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    if (command[0] === 'z') continue;
    for (let index = 0; index + 1 < numbers.length; index += 2) {
      const dx = numbers[index] ?? Number.NaN;
      const dy = numbers[index + 1] ?? Number.NaN;
      if (command[0] === 'M' && index === 0) [x, y] = [dx, dy];
      else [x, y] = [x + dx, y + dy];
      points.push([x, y]);
    }
  }
  return points;
}

describe('renderPointMap', () => {
  it('should return an empty string for no points', () => {
    expect(renderPointMap([], OPTIONS)).toBe('');
  });

  it('should produce well-formed SVG labelled by its own title and description', () => {
    const root = parseSvg(renderPointMap([BEIJING, SHANGHAI], OPTIONS));
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('role')).toBe('group');
    expect(root.getAttribute('class')).toBe('point-map');
    expect(root.hasAttribute('width')).toBe(false);
    const ids = (root.getAttribute('aria-labelledby') ?? '').split(' ');
    expect(ids).toEqual(['places-map-title', 'places-map-desc']);
    const title = elements(root, 'title').find((element) => element.getAttribute('id') === ids[0]);
    const desc = elements(root, 'desc').find((element) => element.getAttribute('id') === ids[1]);
    expect(title?.textContent).toBe('Places named');
    expect(desc?.textContent).toBe('Beijing and Shanghai');
  });

  it('should link each point to its page with its label', () => {
    const root = parseSvg(renderPointMap([BEIJING, SHANGHAI], OPTIONS));
    const links = elements(root, 'a').map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['/places/beijing/', 'Beijing'],
        ['/places/shanghai/', 'Shanghai'],
      ]),
    );
    expect(links).toHaveLength(2);
  });

  it('should mark highlighted points with their own class', () => {
    const root = parseSvg(renderPointMap([BEIJING, SHANGHAI], OPTIONS));
    const highlighted = elements(root, 'circle').filter((circle) =>
      (circle.getAttribute('class') ?? '').split(' ').includes('map-point--highlight'),
    );
    expect(highlighted).toHaveLength(1);
    expect(circleOf(root, SHANGHAI.url)).toEqual({
      cx: Number(highlighted[0]?.getAttribute('cx')),
      cy: Number(highlighted[0]?.getAttribute('cy')),
    });
  });

  it('should escape labels, URLs and titles as text', () => {
    const label = `<script>x</script> & "q" 'y'`;
    const url = '/search/?q=a&b="c"';
    const svg = renderPointMap([{ ...BEIJING, label, url }], { ...OPTIONS, title: '<b>Map</b> & "more"' });
    const root = parseSvg(svg);
    expect(elements(root, 'script')).toHaveLength(0);
    expect(elements(root, 'b')).toHaveLength(0);
    const link = elements(root, 'a')[0];
    expect(link?.getAttribute('href')).toBe(url);
    expect(link?.textContent).toBe(label);
    expect(elements(root, 'title')[0]?.textContent).toBe('<b>Map</b> & "more"');
  });

  it('should cut a label too long for the map, keeping the full text as the link title', () => {
    const label = 'A press release title far too long to fit beside a point on a small map';
    const root = parseSvg(renderPointMap([{ ...BEIJING, label }], { ...OPTIONS, width: 300, height: 200 }));
    const link = elements(root, 'a')[0] as Element;
    expect(elements(link, 'title')[0]?.textContent).toBe(label);
    const text = elements(link, 'text')[0]?.textContent ?? '';
    expect(text.endsWith('…')).toBe(true);
    expect(label.startsWith(text.slice(0, -1))).toBe(true);
  });

  it('should refuse a script URL', () => {
    expect(() => renderPointMap([{ ...BEIJING, url: 'javascript:alert(1)' }], OPTIONS)).toThrow(TypeError);
  });

  it.each([
    ['NaN latitude', { lat: Number.NaN }],
    ['latitude over 90', { lat: 90.5 }],
    ['longitude under -180', { lon: -181 }],
    ['infinite longitude', { lon: Number.POSITIVE_INFINITY }],
  ])('should throw a TypeError for %s', (_, change) => {
    expect(() => renderPointMap([SHANGHAI, { ...BEIJING, ...change }], OPTIONS)).toThrow(TypeError);
  });

  it('should place Shanghai south and east of Beijing, both inside the view', () => {
    const root = parseSvg(renderPointMap([BEIJING, SHANGHAI], OPTIONS));
    const { width, height } = viewBox(root);
    expect([width, height]).toEqual([640, 420]);
    const beijing = circleOf(root, BEIJING.url);
    const shanghai = circleOf(root, SHANGHAI.url);
    for (const { cx, cy } of [beijing, shanghai]) {
      expect(cx).toBeGreaterThan(0);
      expect(cx).toBeLessThan(width);
      expect(cy).toBeGreaterThan(0);
      expect(cy).toBeLessThan(height);
    }
    expect(shanghai.cx).toBeGreaterThan(beijing.cx);
    expect(shanghai.cy).toBeGreaterThan(beijing.cy);
  });

  it('should draw land clipped to the view, with borders', () => {
    const root = parseSvg(renderPointMap([BEIJING], { ...OPTIONS, width: 400, height: 300 }));
    const land = elements(root, 'path').filter((path) => path.getAttribute('class') === 'map-land');
    expect(land.length).toBeGreaterThan(0);
    expect(elements(root, 'path').some((path) => path.getAttribute('class') === 'map-border')).toBe(true);
    const points = land.flatMap((path) => pathPoints(path.getAttribute('d') ?? ''));
    expect(points.length).toBeGreaterThan(10);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(-0.05);
      expect(x).toBeLessThanOrEqual(400.05);
      expect(y).toBeGreaterThanOrEqual(-0.05);
      expect(y).toBeLessThanOrEqual(300.05);
    }
  });

  it('should show land around a single point', () => {
    // Huludao is on the coast: a map of at least a few degrees shows both land and sea.
    const root = parseSvg(renderPointMap([{ label: 'Huludao', url: '/h/', lat: 40.711, lon: 120.837 }], OPTIONS));
    const land = elements(root, 'path').filter((path) => path.getAttribute('class') === 'map-land');
    const xs = land.flatMap((path) => pathPoints(path.getAttribute('d') ?? '').map(([x]) => x));
    // The land spans most of the width, not a speck around the point.
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(320);
  });

  it('should flip a label to the left of a point near the right edge', () => {
    const east = { label: 'A rather long label for the easternmost place', url: '/east/', lat: 31.23, lon: 121.47 };
    const root = parseSvg(renderPointMap([{ label: 'Urumqi', url: '/u/', lat: 43.83, lon: 87.62 }, east], OPTIONS));
    const link = elements(root, 'a').find((a) => a.getAttribute('href') === '/east/');
    const text = link === undefined ? undefined : elements(link, 'text')[0];
    expect(text?.getAttribute('text-anchor')).toBe('end');
    expect(Number(text?.getAttribute('x'))).toBeLessThan(circleOf(root, '/east/').cx);
  });

  it('should keep a China-wide map under 60 KB', () => {
    const places: MapPoint[] = [
      { label: 'Urumqi', url: '/u/', lat: 43.83, lon: 87.62 },
      { label: 'Harbin', url: '/h/', lat: 45.8, lon: 126.53 },
      { label: 'Sanya', url: '/s/', lat: 18.25, lon: 109.51 },
      { label: 'Lhasa', url: '/l/', lat: 29.65, lon: 91.1 },
      BEIJING,
      SHANGHAI,
    ];
    const svg = renderPointMap(places, OPTIONS);
    parseSvg(svg);
    expect(svg.length).toBeLessThan(60_000);
  });

  it('should be deterministic', () => {
    expect(renderPointMap([BEIJING, SHANGHAI], OPTIONS)).toBe(renderPointMap([BEIJING, SHANGHAI], OPTIONS));
  });
});
