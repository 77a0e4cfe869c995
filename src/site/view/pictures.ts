import { renderPointMap } from '../../render/svg-map.ts';
import { renderTimeline } from '../../render/svg-timeline.ts';
import type { EventSummary } from './article-view.ts';
import type { PlaceView } from './place-view.ts';

/** A map of the given places, the highlighted ones drawn on top; empty when none has coordinates. */
export function placesMap(places: readonly PlaceView[], highlight: string | undefined, title: string): string {
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
