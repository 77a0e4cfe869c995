import { positionAt } from '../parse/front-matter.ts';
import { reportError } from '../parse/messages.ts';
import { closestMatch } from '../util/did-you-mean.ts';
import type { RecordIndex } from './registry.ts';

/**
 * Every event must be reported by an article, and each participant cited to one that reports it:
 * otherwise the event, or someone's part in it, has no source a reader can check. Both are errors,
 * because the source always settles them: whatever an event record says was copied from an article.
 * `articlesComplete` is false when an article's file has errors, so it is not indexed and its
 * `reports` are unknown: then no event is called unreported.
 */
export function checkEventSources(index: RecordIndex, articlesComplete = true): void {
  const reportersOf = new Map<string, Set<string>>();
  for (const article of index.article.values()) {
    for (const event of article.data.reports) {
      reportersOf.set(event, (reportersOf.get(event) ?? new Set()).add(article.slug));
    }
  }
  const meant = likelyMeant(index);
  for (const event of index.event.values()) {
    const reporters = reportersOf.get(event.slug) ?? new Set<string>();
    // A participant citing an article already gets `source-does-not-report`, with the same fix.
    const cited = event.data.participants.some(({ source }) => source !== undefined && index.article.has(source));
    if (reporters.size === 0 && articlesComplete && !cited && !meant.has(event.slug)) {
      reportError(
        event.file,
        `No article reports event "${event.slug}": add "${event.slug}" to the \`reports\` of the article it comes from, or delete this file if no article does`,
        'unreported-event',
        positionAt(event.positions, 'name'),
      );
    }
    event.data.participants.forEach((participant, position) => {
      const path = `participants.${position}`;
      if (participant.source === undefined) {
        reportError(
          event.file,
          `\`${path}\` (official "${participant.official}") cites no \`source\`: ${citeAdvice([...reporters])}`,
          'participant-without-source',
          positionAt(event.positions, path),
        );
        return;
      }
      if (reporters.has(participant.source)) return;
      if (!index.article.has(participant.source)) return; // Reported as an unknown reference already.
      reportError(
        event.file,
        `\`${path}.source\` cites article "${participant.source}", which does not report this event: add "${event.slug}" to that article's \`reports\`, or cite an article that does`,
        'source-does-not-report',
        positionAt(event.positions, `${path}.source`),
      );
    });
  }
}

/** Events that an unknown slug in some article's `reports` most likely means: that typo is reported already. */
function likelyMeant(index: RecordIndex): Set<string> {
  const meant = new Set<string>();
  for (const article of index.article.values()) {
    for (const slug of article.data.reports) {
      if (index.event.has(slug)) continue;
      const match = closestMatch(slug, index.event.keys());
      if (match !== undefined) meant.add(match);
    }
  }
  return meant;
}

/** How to cite a participant, naming the articles that could back it. */
function citeAdvice(reporters: string[]): string {
  const [only, ...others] = reporters.sort();
  if (only === undefined)
    return 'add `source:` with the slug of the article that says they took part, and list this event in its `reports`';
  if (others.length === 0)
    return `add \`source: ${only}\`, the article that reports this event, if it says they took part`;
  return `add \`source:\` with the one of ${[only, ...others].map((slug) => `"${slug}"`).join(', ')} that says they took part`;
}
