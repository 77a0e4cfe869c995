import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';

/** Formats every message of every file in the unified style (`file:line:col  error  reason  rule`). */
export function formatReport(files: readonly VFile[], options: { color?: boolean } = {}): string {
  const withMessages = files.filter((file) => file.messages.length > 0);
  if (withMessages.length === 0) return '';
  return reporter([...withMessages], { color: options.color ?? false, verbose: false });
}

/** Counts errors and warnings over all files. */
export function countMessages(files: readonly VFile[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}
