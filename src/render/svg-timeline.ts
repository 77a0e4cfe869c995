import { assertPositive, escapeHref, escapeXml, estimateTextWidth, fitText, num, svgDocument } from './svg-escape.ts';

/** An event to place on the timeline, linked to its page. */
export interface TimelineItem {
  readonly label: string;
  readonly url: string;
  /** ISO partial date: YYYY, YYYY-MM or YYYY-MM-DD; absent when the date has no year */
  readonly iso?: string;
  /** A day and month without a year (`--06-09`): the item is listed with the undated ones, under its day. */
  readonly monthDay?: string;
  readonly dateLabel: string;
}

/** How to name and size a timeline; its height follows from the content. */
export interface TimelineOptions {
  readonly title: string;
  readonly description: string;
  readonly idPrefix: string;
  /** Default 720. */
  readonly width?: number;
}

type Precision = 'year' | 'month' | 'day';

interface Period {
  readonly precision: Precision;
  readonly year: number;
  /** Days since 1970-01-01, start inclusive and end exclusive. */
  readonly start: number;
  readonly end: number;
}

interface Axis {
  readonly start: number;
  readonly end: number;
  readonly ticks: readonly { readonly day: number; readonly label?: string }[];
  /** The year, when the ticks are its months. */
  readonly caption?: string;
}

interface Placed {
  readonly item: TimelineItem;
  readonly period: Period;
  readonly x: number;
  readonly spanEnd: number;
  readonly label: string;
  readonly dateLabel: string;
  readonly textX: number;
  readonly anchor: 'start' | 'end';
  readonly left: number;
  readonly right: number;
}

const DEFAULT_WIDTH = 720;
const MARGIN = 16;
const FONT_SIZE = 12;
const DATE_FONT_SIZE = 11;
const TICK_LABEL_Y = 16;
const AXIS_Y = 24;
const LANES_TOP = 34;
const CAPTION_HEIGHT = 18;
const LANE_HEIGHT = 42;
const LANE_GAP = 10;
const MARKER_RADIUS = 5;
const UNDATED_LINE = 18;
// Tick labels closer than this (px) would collide, so only every second, fifth, … tick is labelled.
const MIN_TICK_SPACING = 40;
const HALO = 'stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const COLOURS = {
  axis: '#595959',
  grid: '#d9d9d9',
  marker: '#1f5fa8',
  text: '#1a1a1a',
  date: '#4d4d4d',
} as const;

/**
 * Inline SVG timeline of dated items. Items without a year cannot be placed on the axis, so they are
 * listed apart, in the order given, under "Date not stated" (or "Year not stated" once one of them
 * gives a day and month, which starts its line).
 */
export function renderTimeline(items: readonly TimelineItem[], options: TimelineOptions): string {
  const width = options.width ?? DEFAULT_WIDTH;
  assertPositive('width', width);
  const periods = items.map((item) => (item.iso === undefined ? undefined : parsePeriod(item.iso)));
  if (items.length === 0) return '';

  const dated = items.flatMap((item, index) => {
    const period = periods[index];
    return period === undefined ? [] : [{ item, period, index }];
  });
  const undated = items.filter((_, index) => periods[index] === undefined);

  let content = '';
  let bottom = 0;
  if (dated.length > 0) {
    const axis = buildAxis(dated.map(({ period }) => period));
    const scale = (day: number) => MARGIN + ((day - axis.start) / (axis.end - axis.start)) * (width - 2 * MARGIN);
    const lanes = assignLanes(
      dated.map(({ item, period, index }) => ({ ...place(item, period, scale, width), index })),
    );
    const lanesBottom = LANES_TOP + lanes.length * LANE_HEIGHT;
    const body =
      renderAxis(axis, scale, lanesBottom, width) +
      lanes
        .map((lane, row) => `<g class="timeline-lane">${lane.map((placed) => renderItem(placed, row)).join('')}</g>`)
        .join('');
    if (axis.caption === undefined) {
      content += body;
      bottom = lanesBottom;
    } else {
      // Month ticks need the year said once, on a line of its own above them.
      content +=
        `<text class="timeline-axis-caption" x="${MARGIN}" y="${TICK_LABEL_Y}" font-weight="bold">${escapeXml(axis.caption)}</text>` +
        `<g transform="translate(0 ${CAPTION_HEIGHT})">${body}</g>`;
      bottom = lanesBottom + CAPTION_HEIGHT;
    }
  }
  if (undated.length > 0) {
    const top = bottom === 0 ? 0 : bottom + 8;
    content += renderUndated(undated, top, width);
    bottom = top + 20 + undated.length * UNDATED_LINE;
  }

  return svgDocument(
    { ...options, className: 'timeline', width, height: bottom + 8 },
    `<g font-family="system-ui, sans-serif" font-size="${FONT_SIZE}" fill="${COLOURS.text}">${content}</g>`,
  );
}

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Reads an ISO partial date as the whole period it names; a malformed date is a programmer error. */
function parsePeriod(iso: string): Period {
  const match = ISO_PARTIAL.exec(iso);
  if (match === null) throw new TypeError(`Not an ISO partial date: ${JSON.stringify(iso)}`);
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month === undefined)
    return { precision: 'year', year, start: dayNumber(year, 1, 1), end: dayNumber(year + 1, 1, 1) };
  if (month < 1 || month > 12) throw new TypeError(`Month out of range: ${JSON.stringify(iso)}`);
  const monthStart = dayNumber(year, month, 1);
  const monthEnd = dayNumber(year, month + 1, 1);
  if (day === undefined) return { precision: 'month', year, start: monthStart, end: monthEnd };
  if (day < 1 || day > monthEnd - monthStart) throw new TypeError(`Day out of range: ${JSON.stringify(iso)}`);
  const start = monthStart + day - 1;
  return { precision: 'day', year, start, end: start + 1 };
}

/** Days since 1970-01-01; months past December roll into the next year. */
function dayNumber(year: number, month: number, day: number): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / 86_400_000);
}

/** Whole years on the axis, or the months of one year when everything falls within it. */
function buildAxis(periods: readonly Period[]): Axis {
  const firstYear = Math.min(...periods.map((period) => period.year));
  const lastYear = Math.max(...periods.map((period) => period.year));
  if (firstYear === lastYear) {
    const ticks = MONTHS.map((name, index) => ({
      day: dayNumber(firstYear, index + 1, 1),
      label: name,
    }));
    const caption = String(firstYear);
    return { start: dayNumber(firstYear, 1, 1), end: dayNumber(firstYear + 1, 1, 1), ticks, caption };
  }
  const ticks = [];
  for (let year = firstYear; year <= lastYear; year++) ticks.push({ day: dayNumber(year, 1, 1), label: String(year) });
  return { start: dayNumber(firstYear, 1, 1), end: dayNumber(lastYear + 1, 1, 1), ticks };
}

function renderAxis(axis: Axis, scale: (day: number) => number, bottom: number, width: number): string {
  const ticks = [...axis.ticks, { day: axis.end }];
  const spacing = (scale(axis.end) - scale(axis.start)) / axis.ticks.length;
  const longest = Math.max(...axis.ticks.map(({ label }) => estimateTextWidth(label ?? '', FONT_SIZE)));
  const needed = Math.max(MIN_TICK_SPACING, longest + 8);
  const step = [1, 2, 3, 5, 10, 20, 25, 50, 100].find((candidate) => candidate * spacing >= needed) ?? 100;
  const marks = ticks
    .map(({ day, label }, index) => {
      const x = num(scale(day));
      const grid = `<line class="timeline-grid" x1="${x}" x2="${x}" y1="${AXIS_Y}" y2="${bottom}" stroke="${COLOURS.grid}"/>`;
      const tick = `<line class="timeline-tick" x1="${x}" x2="${x}" y1="${AXIS_Y - 5}" y2="${AXIS_Y}" stroke="${COLOURS.axis}"/>`;
      // Each label starts at its tick: it names the period that begins there.
      const text =
        label === undefined || index % step !== 0 || scale(day) + 3 + estimateTextWidth(label, FONT_SIZE) > width
          ? ''
          : `<text class="timeline-tick-label" x="${num(scale(day) + 3)}" y="${TICK_LABEL_Y}" fill="${COLOURS.axis}">${escapeXml(label)}</text>`;
      return grid + tick + text;
    })
    .join('');
  const x1 = num(scale(axis.start));
  const x2 = num(scale(axis.end));
  return (
    `<g class="timeline-axis">${marks}` +
    `<line class="timeline-axis-line" x1="${x1}" x2="${x2}" y1="${AXIS_Y}" y2="${AXIS_Y}" stroke="${COLOURS.axis}"/></g>`
  );
}

/** Where an item's marker and label go; the label flips to the marker's left near the right edge. */
function place(item: TimelineItem, period: Period, scale: (day: number) => number, width: number): Placed {
  const x = scale(period.start);
  const spanEnd = period.precision === 'day' ? x : scale(period.end);
  // Labels line up with the marker's outer edge.
  const room = width - MARGIN - (x - MARKER_RADIUS);
  const roomLeft = x + MARKER_RADIUS - MARGIN;
  const fullWidth = Math.max(
    estimateTextWidth(item.label, FONT_SIZE),
    estimateTextWidth(item.dateLabel, DATE_FONT_SIZE),
  );
  const anchor = fullWidth <= room || room >= roomLeft ? 'start' : 'end';
  const textX = anchor === 'start' ? x - MARKER_RADIUS : x + MARKER_RADIUS;
  const maxWidth = anchor === 'start' ? room : roomLeft;
  const label = fitText(item.label, FONT_SIZE, maxWidth);
  const dateLabel = fitText(item.dateLabel, DATE_FONT_SIZE, maxWidth);
  const textWidth = Math.max(estimateTextWidth(label, FONT_SIZE), estimateTextWidth(dateLabel, DATE_FONT_SIZE));
  const textLeft = anchor === 'start' ? textX : textX - textWidth;
  return {
    item,
    period,
    x,
    spanEnd,
    label,
    dateLabel,
    textX,
    anchor,
    left: Math.min(textLeft, x - MARKER_RADIUS),
    right: Math.max(textLeft + textWidth, spanEnd, x + MARKER_RADIUS),
  };
}

/**
 * Stacks items into lanes, earliest first, each into the first lane where it overlaps nothing,
 * so labels of close dates never collide.
 */
function assignLanes(placed: readonly (Placed & { readonly index: number })[]): Placed[][] {
  const order = [...placed].sort(
    (a, b) => a.period.start - b.period.start || b.period.end - a.period.end || a.index - b.index,
  );
  const lanes: Lane[] = [];
  // Each lane's furthest right end and furthest right start, in flat arrays: a timeline of
  // thousands of events has thousands of lanes, and most are ruled out by these two numbers alone.
  const rights: number[] = [];
  const maxLefts: number[] = [];
  for (const item of order) {
    let chosen = -1;
    for (let row = 0; row < lanes.length && chosen === -1; row++) {
      const clear = item.left >= (rights[row] as number) + LANE_GAP;
      if (clear || (item.right + LANE_GAP <= (maxLefts[row] as number) && fits(lanes[row] as Lane, item))) chosen = row;
    }
    const lane = lanes[chosen];
    if (lane === undefined) {
      lanes.push({ items: [item], byLeft: [item] });
      rights.push(item.right);
      maxLefts.push(item.left);
    } else {
      addToLane(lane, item);
      rights[chosen] = Math.max(rights[chosen] as number, item.right);
      maxLefts[chosen] = (lane.byLeft.at(-1) as Placed).left;
    }
  }
  return lanes.map((lane) => lane.items);
}

/** A lane's items in the order they were added, and again sorted by position. */
interface Lane {
  readonly items: Placed[];
  readonly byLeft: Placed[];
}

// Items in a lane never overlap, so sorted by `left` they are sorted by `right` too: only the first
// item that ends too late for the newcomer can overlap it.
function fits(lane: Lane, item: Placed): boolean {
  const next = lane.byLeft[search(lane.byLeft, (other) => !(item.left >= other.right + LANE_GAP))];
  return next === undefined || item.right + LANE_GAP <= next.left;
}

function addToLane(lane: Lane, item: Placed): void {
  lane.items.push(item);
  lane.byLeft.splice(
    search(lane.byLeft, (other) => other.left > item.left),
    0,
    item,
  );
}

/** Index of the first item for which `after` holds, in a list where it holds for a suffix (binary search). */
function search(sorted: readonly Placed[], after: (item: Placed) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (after(sorted[middle] as Placed)) high = middle;
    else low = middle + 1;
  }
  return low;
}

function renderItem(placed: Placed, row: number): string {
  const { item, period, x, spanEnd } = placed;
  const top = LANES_TOP + row * LANE_HEIGHT;
  const markerY = top + MARKER_RADIUS + 2;
  // A partial date is a hollow marker with a band across its month or year, not a pinpoint.
  const span =
    period.precision === 'day'
      ? ''
      : `<rect class="timeline-span timeline-span--${period.precision}" x="${num(x)}" y="${num(markerY - 2)}" ` +
        `width="${num(Math.max(spanEnd - x, 1))}" height="4" fill="${COLOURS.marker}" fill-opacity="0.3"/>`;
  const marker =
    period.precision === 'day'
      ? `<circle class="timeline-marker timeline-marker--day" cx="${num(x)}" cy="${num(markerY)}" r="${MARKER_RADIUS}" fill="${COLOURS.marker}"/>`
      : `<circle class="timeline-marker timeline-marker--${period.precision}" cx="${num(x)}" cy="${num(markerY)}" ` +
        `r="${MARKER_RADIUS - 1}" fill="#fff" stroke="${COLOURS.marker}" stroke-width="2"/>`;
  // A cut label keeps its full text as the link's tooltip.
  const tooltip = placed.label === item.label ? '' : `<title>${escapeXml(item.label)}</title>`;
  // A white halo keeps labels legible where grid lines run behind them.
  const textAttrs = `x="${num(placed.textX)}" text-anchor="${placed.anchor}" ${HALO}`;
  return (
    `<a href="${escapeHref(item.url)}" class="timeline-item timeline-item--${period.precision}">${tooltip}${span}${marker}` +
    `<text class="timeline-label" ${textAttrs} y="${num(top + 27)}">${escapeXml(placed.label)}</text>` +
    `<text class="timeline-date" ${textAttrs} y="${num(top + 40)}" font-size="${DATE_FONT_SIZE}" fill="${COLOURS.date}">` +
    `${escapeXml(placed.dateLabel)}</text></a>`
  );
}

function renderUndated(items: readonly TimelineItem[], top: number, width: number): string {
  const heading = items.some((item) => item.monthDay !== undefined) ? 'Year not stated' : 'Date not stated';
  const maxWidth = width - 2 * MARGIN - 12;
  const rows = items
    .map((item, index) => {
      const label = fitText(undatedLabel(item), FONT_SIZE, maxWidth);
      const tooltip = label === undatedLabel(item) ? '' : `<title>${escapeXml(undatedLabel(item))}</title>`;
      const y = num(top + 20 + (index + 1) * UNDATED_LINE - 4);
      return (
        `<a href="${escapeHref(item.url)}" class="timeline-item timeline-item--undated">${tooltip}` +
        `<text class="timeline-label" x="${MARGIN + 12}" y="${y}">${escapeXml(label)}</text></a>`
      );
    })
    .join('');
  return (
    `<g class="timeline-undated">` +
    `<text class="timeline-undated-heading" x="${MARGIN}" y="${num(top + 16)}" font-weight="bold">${heading}</text>` +
    `${rows}</g>`
  );
}

/** An undated row's text: "9 Jun · Visit to Huludao" for a day and month, else the label alone. */
function undatedLabel(item: TimelineItem): string {
  const match = item.monthDay === undefined ? null : /^--(\d{2})-(\d{2})$/.exec(item.monthDay);
  if (match === null) return item.label;
  return `${Number(match[2])} ${MONTHS[Number(match[1]) - 1] ?? ''} · ${item.label}`;
}
