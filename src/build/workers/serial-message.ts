import type { VFile } from 'vfile';
import { type Place, reportError, reportWarning } from '../../parse/messages.ts';
import type { RuleId } from '../../report/rules.ts';

/** A vfile message as plain data, so it can cross from a worker thread or a cache file. */
export interface SerialMessage {
  readonly reason: string;
  readonly ruleId: RuleId;
  readonly place?: Place;
  readonly fatal: boolean;
  /** A reference's likely slug, for the link pass to suggest (see suggest-known-slugs.ts). */
  readonly expected?: readonly string[];
  readonly actual?: string;
}

/** The messages of a file as plain data; with `from`, those reported after the first `from`. */
export function serializeMessages(file: VFile, from = 0): SerialMessage[] {
  return file.messages.slice(from).map((message) => ({
    reason: message.reason,
    ruleId: message.ruleId as RuleId,
    ...(message.place ? { place: message.place } : {}),
    fatal: message.fatal === true,
    ...(message.expected ? { expected: message.expected } : {}),
    ...(message.actual === undefined ? {} : { actual: message.actual }),
  }));
}

/** Records the messages on `file` again, exactly as they were first reported. */
export function restoreMessages(file: VFile, messages: readonly SerialMessage[]): void {
  for (const message of messages) {
    const restored = (message.fatal ? reportError : reportWarning)(file, message.reason, message.ruleId, message.place);
    if (message.expected) restored.expected = [...message.expected];
    if (message.actual !== undefined) restored.actual = message.actual;
  }
}
