import { positionAt } from '../parse/front-matter.ts';
import { reportWarning } from '../parse/messages.ts';
import type { RecordIndex } from './registry.ts';

/**
 * Warns about an official whom no source gives a role, neither in `roles` nor as a participant's
 * `role` at an event: the pages would name a person without saying who they are. A warning, not an
 * error, because a release may name someone without any title, and then the archive must not
 * invent one. The warning names the articles the official is cited from, where a role may be.
 */
export function checkOfficialRoles(index: RecordIndex): void {
  const withRole = new Set<string>();
  const citedIn = new Map<string, Set<string>>();
  for (const event of index.event.values()) {
    for (const participant of event.data.participants) {
      if (participant.role !== undefined) withRole.add(participant.official);
      if (participant.source === undefined) continue;
      citedIn.set(participant.official, (citedIn.get(participant.official) ?? new Set()).add(participant.source));
    }
  }
  for (const official of index.official.values()) {
    if (official.data.roles.length > 0 || withRole.has(official.slug)) continue;
    const sources = [...(citedIn.get(official.slug) ?? [])].sort().map((slug) => `"${slug}"`);
    const which = sources.length === 0 ? 'an article' : `${sources.length === 1 ? '' : 'one of '}${sources.join(', ')}`;
    reportWarning(
      official.file,
      `Official "${official.data.name}" has no role: add under \`roles\` the title ${which} gives them, in its words, with that article as \`source\` (\`- { title: "…", source: article-slug }\`)`,
      'official-without-role',
      positionAt(official.positions, 'name'),
    );
  }
}
