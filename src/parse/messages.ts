import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { RuleId } from '../report/rules.ts';

/** Where a problem sits in a file: a point or a range, as vfile understands it. */
export type Place = Point | Position;

/** The origin shown after each rule id in reports, e.g. `news-archive:unknown-key`. */
export const MESSAGE_SOURCE = 'news-archive';

/** Records a content error on `file`. Errors stop `check` and `build`; nothing is thrown. */
export function reportError(file: VFile, reason: string, ruleId: RuleId, place?: Place): VFileMessage {
  const message = file.message(reason, { ruleId, source: MESSAGE_SOURCE, ...(place ? { place } : {}) });
  message.fatal = true;
  return message;
}

/** Records a content warning on `file`: reported, but the build goes on unless run with `--strict`. */
export function reportWarning(file: VFile, reason: string, ruleId: RuleId, place?: Place): VFileMessage {
  const message = file.message(reason, { ruleId, source: MESSAGE_SOURCE, ...(place ? { place } : {}) });
  message.fatal = false;
  return message;
}

/** True when any message on the files is an error. */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}
