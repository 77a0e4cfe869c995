/** What became of the output folder when a build failed. */
export type OutputAfterFailure = 'unchanged' | 'missing' | 'replaced';

/** A failure the operating system names by a code, in words, and what fixes it. */
interface KnownCause {
  readonly cause: string;
  readonly fix: string;
}

const KNOWN_CAUSES: Readonly<Record<string, KnownCause>> = {
  ENOSPC: { cause: 'the disk is full', fix: 'free some space on it and build again' },
  EDQUOT: { cause: 'the disk quota is used up', fix: 'free some space or raise the quota, and build again' },
  EFBIG: {
    cause: 'a file would pass the file-size limit of this shell',
    fix: 'raise the limit (`ulimit -f unlimited`) and build again',
  },
  EROFS: { cause: 'the file system is read-only', fix: 'build on a writable disk, or remount it, and build again' },
  EACCES: { cause: 'permission was denied', fix: 'make the output and cache folders writable, and build again' },
  EPERM: {
    cause: 'the operation was not permitted',
    fix: 'make the output and cache folders writable, and build again',
  },
  EMFILE: { cause: 'too many files are open', fix: 'raise the limit (`ulimit -n 4096`) and build again' },
  ENFILE: { cause: 'the system has too many files open', fix: 'close other programs and build again' },
};

/** A child process killed by a signal failed for the reason the same code would give. */
const SIGNAL_CODES: Readonly<Record<string, string>> = { SIGXFSZ: 'EFBIG' };

const OUTCOMES: Readonly<Record<OutputAfterFailure, (output: string) => string>> = {
  unchanged: (output) => `${output}/ was left as it was.`,
  missing: (output) => `${output}/ is missing until the next build puts the previous site back.`,
  replaced: (output) => `${output}/ already holds the new site.`,
};

/**
 * The message printed when a build fails: the cause and its fix, on one line for a cause the
 * operating system names (a full disk, a file-size limit…), then what became of `output`. Never a
 * stack trace: Eleventy wraps errors in its own (`originalError`), so the chain is walked to find
 * the cause.
 */
export function failureMessage(error: unknown, output: string, after: OutputAfterFailure): string {
  const chain = errorChain(error);
  const outcome = OUTCOMES[after](output);
  for (const link of chain) {
    const code = codeOf(link);
    const known = code === undefined ? undefined : KNOWN_CAUSES[code];
    if (known) return `Build failed: ${known.cause} (${firstLine(messageOf(link))}): ${known.fix}. ${outcome}`;
  }
  const text = withoutRepeats(chain.map(messageOf)).join(': ');
  // A list (broken links) stays a list; the outcome follows it.
  return `Build failed: ${text}${text.includes('\n') ? '\n' : '. '}${outcome}`;
}

/** `error` and the errors it wraps, outermost first. */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let link = error; link !== undefined && link !== null && !chain.includes(link); link = wrapped(link)) {
    chain.push(link);
  }
  return chain;
}

function wrapped(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  const { originalError, cause } = error as { originalError?: unknown; cause?: unknown };
  return originalError ?? cause;
}

/** The error's code (`ENOSPC`), or the code of the signal that killed a child process. */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, signal } = error as { code?: unknown; signal?: unknown };
  if (typeof code === 'string' && code in KNOWN_CAUSES) return code;
  return typeof signal === 'string' ? SIGNAL_CODES[signal] : undefined;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().replace(/[.:]$/, '');
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}

/** Drops empty messages and those a wrapping error already repeats. */
function withoutRepeats(messages: readonly string[]): string[] {
  const kept: string[] = [];
  for (const message of messages) {
    if (message !== '' && !kept.some((earlier) => earlier.includes(message))) kept.push(message);
  }
  return kept.length > 0 ? kept : ['an unknown error'];
}
