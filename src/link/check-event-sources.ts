import { positionAt } from '../parse/front-matter.ts';
import { reportError } from '../parse/messages.ts';
import type { RecordIndex } from './registry.ts';

/**
 * A participant's role must be cited to an article that reports the event: otherwise the role has
 * no source a reader can check.
 */
export function checkEventSources(index: RecordIndex): void {
  const reportersOf = new Map<string, Set<string>>();
  for (const article of index.article.values()) {
    for (const event of article.data.reports) {
      reportersOf.set(event, (reportersOf.get(event) ?? new Set()).add(article.slug));
    }
  }
  for (const event of index.event.values()) {
    const reporters = reportersOf.get(event.slug) ?? new Set<string>();
    event.data.participants.forEach((participant, position) => {
      if (participant.source === undefined || reporters.has(participant.source)) return;
      if (!index.article.has(participant.source)) return; // Reported as an unknown reference already.
      reportError(
        event.file,
        `\`participants.${position}.source\` cites article "${participant.source}", which does not report this event: add "${event.slug}" to that article's \`reports\`, or cite an article that does`,
        'source-does-not-report',
        positionAt(event.positions, `participants.${position}.source`),
      );
    });
  }
}
