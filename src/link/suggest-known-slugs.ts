import type { VFile } from 'vfile';
import { RECORD_KINDS, type RecordKind } from '../schema/common.ts';
import { closestMatch } from '../util/did-you-mean.ts';
import type { RecordIndex } from './registry.ts';

/**
 * Completes `invalid-slug` messages about references with the record they most likely mean:
 * `place: Dalian` gets `did you mean "dalian"?` when a place `dalian` exists (or one a typo away).
 * Parsing marks such a message with the slug its text would make (`expected: ['place:dalian']`);
 * only here, with every record indexed, is it known whether that record exists.
 */
export function suggestKnownSlugs(files: readonly VFile[], index: RecordIndex): void {
  for (const file of files) {
    for (const message of file.messages) {
      const [expected] = message.expected ?? [];
      if (message.ruleId !== 'invalid-slug' || expected === undefined || message.actual === undefined) continue;
      const [kind = '', slug = ''] = expected.split(':');
      if (!isRecordKind(kind)) continue;
      const known = closestMatch(slug, index[kind].keys());
      const quoted = `is "${message.actual}"`;
      const at = message.reason.indexOf(quoted);
      if (known === undefined || at === -1) continue;
      const field = message.reason.slice(0, at + quoted.length);
      // vfile-reporter prints `message`, and `reason` is the same text; keep them equal.
      message.reason = `${field}; did you mean "${known}"?: a reference is the slug of a record, not its name`;
      message.message = message.reason;
      // Suggested once: a second link pass over the same files must not add it again.
      message.expected = undefined;
    }
  }
}

function isRecordKind(kind: string): kind is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(kind);
}
