/** Errors and warnings over a check's files. */
export interface MessageCounts {
  readonly errors: number;
  readonly warnings: number;
}

/** Whether a check passes: with no error, and with `strict` no warning either. */
export function passes(counts: MessageCounts, strict: boolean): boolean {
  return counts.errors === 0 && (!strict || counts.warnings === 0);
}
