import { createRequire } from 'node:module';
import {
  type GeoContext,
  type GeoPermissibleObjects,
  type GeoProjection,
  type GeoStream,
  type GeoStreamWrapper,
  geoMercator,
  geoPath,
} from 'd3-geo';
import type { Feature, FeatureCollection, MultiLineString, MultiPoint } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { assertPositive, escapeHref, escapeXml, estimateTextWidth, fitText, num, svgDocument } from './svg-escape.ts';

/** A place to mark on the map, linked to its page. */
export interface MapPoint {
  readonly label: string;
  readonly url: string;
  readonly lat: number;
  readonly lon: number;
  readonly highlight?: boolean;
}

/** How to name and size a point map. */
export interface MapOptions {
  readonly title: string;
  readonly description: string;
  readonly idPrefix: string;
  /** Default 640. */
  readonly width?: number;
  /** Default 420. */
  readonly height?: number;
}

type Topology = Parameters<typeof mesh>[0];
type GeometryCollection = Extract<NonNullable<Parameters<typeof mesh>[1]>, { type: 'GeometryCollection' }>;

interface BaseMap {
  readonly countries: FeatureCollection;
  readonly borders: MultiLineString;
}

const requireJson = createRequire(import.meta.url);

// Natural Earth (public domain), parsed once per process.
function loadBaseMap(file: string): BaseMap {
  const topology = requireJson(file) as Topology;
  const { countries } = topology.objects as { readonly countries: GeometryCollection };
  return {
    countries: feature(topology, countries),
    // Only borders shared by two countries: coastlines are already the edges of the land fill.
    borders: mesh(topology, countries, (a, b) => a !== b),
  };
}

// 1:50m shows a province well; a continent-wide view needs no more than 1:110m, which is far smaller.
// Each is read when a map first needs it: reading and meshing 1:50m takes about 0.15 s, which a build
// that renders no map (after an edit of one text, say) need not spend.
const DETAILED_MAP = 'world-atlas/countries-50m.json';
const COARSE_MAP = 'world-atlas/countries-110m.json';
const baseMaps = new Map<string, BaseMap>();
function baseMap(file: string): BaseMap {
  const known = baseMaps.get(file);
  if (known) return known;
  const loaded = loadBaseMap(file);
  baseMaps.set(file, loaded);
  return loaded;
}
const COARSE_DEGREES_PER_PIXEL = 0.15;

const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 420;
// At least this many degrees around the points, so one city still shows the land around it.
const MIN_SPAN_DEGREES = 6;
// Extra room on each side, as a fraction of the points' span.
const PADDING_FRACTION = 0.2;
// Mercator runs to infinity at the poles; no map here needs to go further than this.
const MAX_LATITUDE = 84;
const FRAME_MARGIN = 12;
// Outline detail under this many px, and rings smaller than this: invisible, but most of the bytes.
const SIMPLIFY_TOLERANCE = 0.5;
const MIN_RING_SIZE = 1.5;

const FONT_SIZE = 12;
const LABEL_GAP = 4;
const RADIUS = 4;
const HIGHLIGHT_RADIUS = 6;

const COLOURS = {
  sea: '#dde9f2',
  land: '#efebe2',
  border: '#a39b8b',
  point: '#1f5fa8',
  highlight: '#b3261e',
  label: '#1a1a1a',
} as const;

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

interface PlacedLabel {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly box: Box;
}

interface ProjectedPoint {
  readonly point: MapPoint;
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}

/** Inline SVG map of the points over a public-domain base map (Natural Earth via world-atlas). */
export function renderPointMap(points: readonly MapPoint[], options: MapOptions): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  assertPositive('width', width);
  assertPositive('height', height);
  for (const point of points) assertCoordinates(point);
  if (points.length === 0) return '';

  // A thumbnail-sized map cannot spare the full margin.
  const margin = Math.min(FRAME_MARGIN, width / 10, height / 10);
  const area = viewArea(points);
  const projection = geoMercator()
    .fitExtent(
      [
        [margin, margin],
        [width - margin, height - margin],
      ],
      area,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const base = baseLayer(projection, JSON.stringify([width, height, margin, area.geometry.coordinates]));
  const projected = points.map((point) => project(projection, point, width, height));
  const labels = placeLabels(projected, width, height);
  // Highlighted points last, so they sit on top of any neighbours.
  const order = projected.map((_, index) => index).sort((a, b) => rank(projected[a]) - rank(projected[b]));
  const marks = order.map((index) => renderPoint(projected[index], labels[index])).join('');

  return svgDocument(
    { ...options, className: 'point-map', width, height },
    `<rect class="map-sea" fill="${COLOURS.sea}" width="${num(width)}" height="${num(height)}"/>` +
      base +
      `<g class="map-points" font-family="system-ui, sans-serif" font-size="${FONT_SIZE}">${marks}</g>`,
  );
}

// Every city's page shows the same cities, so the same base map: draw each view once per process.
const baseLayers = new Map<string, string>();
const MAX_BASE_LAYERS = 64;

/** The land and borders for one projection, keyed by what determines the projection. */
function baseLayer(projection: GeoProjection, key: string): string {
  const cached = baseLayers.get(key);
  if (cached !== undefined) return cached;
  const path = (object: GeoPermissibleObjects): string => {
    const context = new CompactPathContext();
    geoPath(simplified(projection), context)(object);
    return context.result();
  };
  const degreesPerPixel = 180 / Math.PI / projection.scale();
  const { countries, borders } = baseMap(degreesPerPixel > COARSE_DEGREES_PER_PIXEL ? COARSE_MAP : DETAILED_MAP);

  const land = countries.features
    .map((country) => path(country))
    .filter((d) => d !== '')
    .map((d) => `<path class="map-land" fill="${COLOURS.land}" d="${d}"/>`)
    .join('');
  const borderPath = path(borders);
  const border =
    borderPath === ''
      ? ''
      : `<path class="map-border" fill="none" stroke="${COLOURS.border}" stroke-width="0.6" stroke-linejoin="round" d="${borderPath}"/>`;
  const layer = `<g class="map-base">${land}${border}</g>`;
  if (baseLayers.size >= MAX_BASE_LAYERS) baseLayers.clear();
  baseLayers.set(key, layer);
  return layer;
}

function assertCoordinates(point: MapPoint): void {
  const { lat, lon } = point;
  if (!Number.isFinite(lat) || lat < -90 || lat > 90 || !Number.isFinite(lon) || lon < -180 || lon > 180) {
    throw new TypeError(`Invalid coordinates for ${JSON.stringify(point.label)}: lat ${lat}, lon ${lon}`);
  }
}

/** The corners of the points' bounding box, widened to a minimum span and padded. */
function viewArea(points: readonly MapPoint[]): Feature<MultiPoint> {
  const lats = points.map((point) => clampLatitude(point.lat));
  const lons = points.map((point) => point.lon);
  const [south, north] = padRange(Math.min(...lats), Math.max(...lats));
  const [west, east] = padRange(Math.min(...lons), Math.max(...lons));
  const corners = [
    [Math.max(west, -180), clampLatitude(south)],
    [Math.min(east, 180), clampLatitude(north)],
  ];
  return { type: 'Feature', properties: null, geometry: { type: 'MultiPoint', coordinates: corners } };
}

function padRange(min: number, max: number): [number, number] {
  const span = Math.max(max - min, MIN_SPAN_DEGREES);
  const half = (span * (1 + 2 * PADDING_FRACTION)) / 2;
  const middle = (min + max) / 2;
  return [middle - half, middle + half];
}

function clampLatitude(lat: number): number {
  return Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
}

/**
 * Feeds the projected, clipped geometry through a filter that drops near-duplicate vertices and
 * specks of islands: Natural Earth has far more detail than a few hundred pixels can show.
 */
function simplified(projection: GeoProjection): GeoStreamWrapper {
  return { stream: (sink) => projection.stream(simplifyStream(sink)) };
}

function simplifyStream(sink: GeoStream): GeoStream {
  let inPolygon = false;
  let line: [number, number][] = [];
  return {
    point(x, y) {
      line.push([x, y]);
    },
    lineStart() {
      line = [];
    },
    lineEnd() {
      const kept = douglasPeucker(line, SIMPLIFY_TOLERANCE);
      if (inPolygon ? kept.length >= 3 && extent(kept) >= MIN_RING_SIZE : kept.length >= 2) {
        sink.lineStart();
        for (const [x, y] of kept) sink.point(x, y);
        sink.lineEnd();
      }
      line = [];
    },
    polygonStart() {
      inPolygon = true;
      sink.polygonStart();
    },
    polygonEnd() {
      inPolygon = false;
      sink.polygonEnd();
    },
    sphere() {
      sink.sphere?.();
    },
  };
}

/** Keeps the vertices that move the line by more than `tolerance`; always keeps both ends. */
function douglasPeucker(line: readonly [number, number][], tolerance: number): [number, number][] {
  if (line.length <= 2) return [...line];
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  // An explicit stack: country outlines have tens of thousands of vertices.
  const stack: [number, number][] = [[0, line.length - 1]];
  for (let span = stack.pop(); span !== undefined; span = stack.pop()) {
    const [first, last] = span;
    const a = line[first] as [number, number];
    const b = line[last] as [number, number];
    let farthest = -1;
    let farthestDistance = tolerance;
    for (let index = first + 1; index < last; index++) {
      const distance = segmentDistance(line[index] as [number, number], a, b);
      if (distance > farthestDistance) {
        farthest = index;
        farthestDistance = distance;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return line.filter((_, index) => keep[index] === 1);
}

function segmentDistance([x, y]: [number, number], [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/**
 * Writes path data with relative commands on a 0.1 px grid, about half the size of d3's absolute
 * output. Steps are taken between rounded positions so rounding never accumulates.
 */
class CompactPathContext implements GeoContext {
  #data = '';
  #x = 0;
  #y = 0;
  #pending = '';

  moveTo(x: number, y: number): void {
    const [rx, ry] = [tenths(x), tenths(y)];
    this.#pending = `M${decimal(rx)}${signed(ry)}`;
    this.#x = rx;
    this.#y = ry;
  }

  lineTo(x: number, y: number): void {
    const [rx, ry] = [tenths(x), tenths(y)];
    if (rx === this.#x && ry === this.#y) return;
    this.#data += `${this.#pending}l${decimal(rx - this.#x)}${signed(ry - this.#y)}`;
    this.#pending = '';
    this.#x = rx;
    this.#y = ry;
  }

  closePath(): void {
    // A subpath that never drew a segment is dropped with its moveTo.
    if (this.#pending === '') this.#data += 'z';
    this.#pending = '';
  }

  beginPath(): void {}

  arc(): void {
    // Only point geometries use arcs; the base map has none.
  }

  result(): string {
    return this.#data;
  }
}

/** A coordinate in tenths of a pixel, as an integer. */
function tenths(value: number): number {
  return Math.round(value * 10);
}

/** Tenths as a short decimal: 15 → "1.5", -3 → "-.3", 0 → "0". */
function decimal(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 10);
  const fraction = abs % 10;
  if (fraction === 0) return `${sign}${whole}`;
  return `${sign}${whole === 0 ? '' : whole}.${fraction}`;
}

/** The second number of a pair: a minus sign separates it by itself, otherwise a space. */
function signed(value: number): string {
  return value < 0 ? decimal(value) : ` ${decimal(value)}`;
}

function extent(ring: readonly [number, number][]): number {
  const xs = ring.map(([x]) => x);
  const ys = ring.map(([, y]) => y);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

function project(projection: GeoProjection, point: MapPoint, width: number, height: number): ProjectedPoint {
  const xy = projection([point.lon, clampLatitude(point.lat)]);
  if (xy === null) throw new TypeError(`Cannot project ${JSON.stringify(point.label)}`);
  const radius = point.highlight === true ? HIGHLIGHT_RADIUS : RADIUS;
  // The view area contains every point; the clamp only guards against rounding at the frame.
  return {
    point,
    x: Math.max(radius, Math.min(width - radius, xy[0])),
    y: Math.max(radius, Math.min(height - radius, xy[1])),
    radius,
  };
}

function rank(projected: ProjectedPoint | undefined): number {
  return projected?.point.highlight === true ? 1 : 0;
}

/**
 * Places each label beside its point: right, left, above or below, whichever first stays inside
 * the picture and clear of labels and points already placed. Highlighted points choose first.
 */
function placeLabels(points: readonly ProjectedPoint[], width: number, height: number): PlacedLabel[] {
  const placed: (PlacedLabel | undefined)[] = points.map(() => undefined);
  const taken: Box[] = points.map(({ x, y, radius }) => ({
    left: x - radius,
    top: y - radius,
    right: x + radius,
    bottom: y + radius,
  }));
  const order = points.map((_, index) => index).sort((a, b) => rank(points[b]) - rank(points[a]));
  for (const index of order) {
    const point = points[index];
    if (point === undefined) continue;
    const options = candidates(point, width, height);
    const inside = options.filter((label) => fits(label.box, width, height));
    const clear = inside.find((label) => taken.every((box, other) => other === index || !overlaps(box, label.box)));
    const label = clear ?? inside[0] ?? squeezed(point, width);
    placed[index] = label;
    taken.push(label.box);
  }
  return placed.map((label, index) => label ?? squeezed(points[index] as ProjectedPoint, width));
}

function candidates(point: ProjectedPoint, width: number, height: number): PlacedLabel[] {
  const { x, y, radius } = point;
  // Long labels are cut to half the picture; the full text stays in the link's <title>.
  const text = fitText(point.point.label, FONT_SIZE, width / 2);
  const textWidth = estimate(text);
  const offset = radius + LABEL_GAP;
  const baseline = (centre: number) => Math.max(FONT_SIZE, Math.min(height - 3, centre + FONT_SIZE * 0.35));
  const make = (anchor: PlacedLabel['anchor'], lx: number, ly: number): PlacedLabel => {
    const left = anchor === 'start' ? lx : anchor === 'end' ? lx - textWidth : lx - textWidth / 2;
    return { text, x: lx, y: ly, anchor, box: { left, top: ly - FONT_SIZE, right: left + textWidth, bottom: ly + 3 } };
  };
  return [
    make('start', x + offset, baseline(y)),
    make('end', x - offset, baseline(y)),
    make('middle', x, y - offset - 3),
    make('middle', x, y + offset + FONT_SIZE),
  ];
}

/** Last resort for a label wider than the room on either side: cut it to the wider side. */
function squeezed(point: ProjectedPoint, width: number): PlacedLabel {
  const { x, y, radius } = point;
  const offset = radius + LABEL_GAP;
  const right = width - (x + offset) - 2;
  const left = x - offset - 2;
  const useRight = right >= left;
  const text = fitText(point.point.label, FONT_SIZE, Math.max(useRight ? right : left, 0));
  const textWidth = estimate(text);
  const lx = useRight ? x + offset : x - offset;
  const boxLeft = useRight ? lx : lx - textWidth;
  const ly = Math.max(FONT_SIZE, y + FONT_SIZE * 0.35);
  return {
    text,
    x: lx,
    y: ly,
    anchor: useRight ? 'start' : 'end',
    box: { left: boxLeft, top: ly - FONT_SIZE, right: boxLeft + textWidth, bottom: ly + 3 },
  };
}

function estimate(text: string): number {
  // Half a character of slack for the halo stroke.
  return estimateTextWidth(text, FONT_SIZE) + FONT_SIZE * 0.3;
}

function fits(box: Box, width: number, height: number): boolean {
  return box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function renderPoint(projected: ProjectedPoint | undefined, label: PlacedLabel | undefined): string {
  if (projected === undefined || label === undefined) return '';
  const { point, x, y, radius } = projected;
  const highlight = point.highlight === true;
  const circleClass = highlight ? 'map-point map-point--highlight' : 'map-point';
  const fill = highlight ? COLOURS.highlight : COLOURS.point;
  // A cut label keeps its full text as the link's tooltip and accessible name.
  const tooltip = label.text === point.label ? '' : `<title>${escapeXml(point.label)}</title>`;
  return (
    `<a href="${escapeHref(point.url)}">${tooltip}` +
    `<circle class="${circleClass}" cx="${num(x)}" cy="${num(y)}" r="${radius}" fill="${fill}" stroke="#fff" stroke-width="1.5"/>` +
    `<text class="map-label" x="${num(label.x)}" y="${num(label.y)}" text-anchor="${label.anchor}" fill="${COLOURS.label}" ` +
    `stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${escapeXml(label.text)}</text></a>`
  );
}
