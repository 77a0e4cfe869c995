import { renderPointMap } from '../../render/svg-map.ts';
import { renderTimeline } from '../../render/svg-timeline.ts';
import type { EventSummary } from './article-view.ts';
import type { PlaceView } from './place-view.ts';

/** What a map shows of a place. */
export type MapPlace = Pick<PlaceView, 'link' | 'name' | 'coordinates'>;

/** A map of the given places, the highlighted ones drawn on top; empty when none has coordinates. */
export function placesMap(places: readonly MapPlace[], highlight: string | undefined, title: string): string {
  const points = places.flatMap((place) =>
    place.coordinates
      ? [
          {
            label: place.name,
            url: place.link.url,
            lat: place.coordinates.lat,
            lon: place.coordinates.lon,
            highlight: place.link.slug === highlight,
          },
        ]
      : [],
  );
  if (points.length === 0) return '';
  const names = points.map((point) => point.label).join(', ');
  return renderPointMap(points, {
    title,
    description: `Map of ${names}. Each marker links to the place's page; the same places are listed as text on this page.`,
    idPrefix: `map-${highlight ?? 'all'}`,
  });
}

/**
 * Events a timeline shows at most. A timeline of every event grew with the archive: at 10,000
 * articles an official's page drew up to 800 events, 83 KB of SVG thousands of pixels tall, and
 * timelines were 30% of the officials' pages' bytes; on the home page, with 13,000 events, the
 * page weighed 13 MB. The page lists every event as text beside it.
 */
export const TIMELINE_EVENTS = 40;

/**
 * The events a timeline shows, from a list oldest first with the undated last: all of them while
 * there are at most {@link TIMELINE_EVENTS}, and after that the newest dated ones (an event whose
 * year no source states cannot be among the most recent).
 */
export function timelineEvents<T>(oldestFirst: readonly T[], isDated: (event: T) => boolean): readonly T[] {
  if (oldestFirst.length <= TIMELINE_EVENTS) return oldestFirst;
  return oldestFirst.filter(isDated).slice(-TIMELINE_EVENTS);
}

/** {@link timelineEvents} of a page's events, as its layout lists them. */
export function recentEventSummaries(oldestFirst: readonly EventSummary[]): readonly EventSummary[] {
  return timelineEvents(oldestFirst, (event) => event.date.iso !== undefined);
}

/** A timeline of events; events without a year are listed in a group of their own. */
export function eventsTimeline(events: readonly EventSummary[], title: string, idPrefix: string): string {
  if (events.length === 0) return '';
  return renderTimeline(
    events.map((event) => ({
      label: event.link.label,
      url: event.link.url,
      dateLabel: event.date.label,
      ...(event.date.iso ? { iso: event.date.iso } : {}),
      ...(event.date.monthDay ? { monthDay: event.date.monthDay } : {}),
    })),
    {
      title,
      description: `${events.length} events in date order. Each marker links to the event; the same events are listed as text on this page.`,
      idPrefix,
    },
  );
}
