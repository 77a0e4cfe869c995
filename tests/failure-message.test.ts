import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexedPages, SearchIndexError } from '../src/build/search/search-index.ts';
import { errorChain, failureMessage } from '../src/cli/failure-message.ts';

/** An error as Node's file system gives it. */
function systemError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code, syscall: 'write' });
}

/** Eleventy's way of wrapping an error: `originalError`, two levels deep for a passthrough copy. */
function wrappedByEleventy(error: Error): Error {
  const inner = Object.assign(new Error(`Error copying passthrough files: ${error.message}`), { originalError: error });
  return Object.assign(new Error("Having trouble copying './layouts/assets'"), { originalError: inner });
}

describe('failureMessage', () => {
  it.each([
    [
      'a full disk',
      systemError('ENOSPC', 'ENOSPC: no space left on device, write'),
      'Build failed: the disk is full (ENOSPC: no space left on device, write): free some space on it and build again. _site/ was left as it was.',
    ],
    [
      'a file-size limit, inside Eleventy’s wrappers',
      wrappedByEleventy(systemError('EFBIG', 'EFBIG: file too large, write')),
      'Build failed: a file would pass the file-size limit of this shell (EFBIG: file too large, write): raise the limit (`ulimit -f unlimited`) and build again. _site/ was left as it was.',
    ],
    [
      'Pagefind stopped by SIGXFSZ',
      new SearchIndexError('Pagefind was stopped by SIGXFSZ: ', 'SIGXFSZ'),
      'Build failed: a file would pass the file-size limit of this shell (Pagefind was stopped by SIGXFSZ): raise the limit (`ulimit -f unlimited`) and build again. _site/ was left as it was.',
    ],
    [
      'a full disk given as a cause',
      new Error('could not record the cache', { cause: systemError('ENOSPC', 'ENOSPC: no space left on device') }),
      'Build failed: the disk is full (ENOSPC: no space left on device): free some space on it and build again. _site/ was left as it was.',
    ],
    [
      'an unknown error, whose wrappers repeat it',
      Object.assign(new Error('Having trouble rendering njk template: Error: x is undefined'), {
        originalError: new Error('Error: x is undefined'),
      }),
      'Build failed: Having trouble rendering njk template: Error: x is undefined. _site/ was left as it was.',
    ],
    ['a thrown string', 'gone', 'Build failed: gone. _site/ was left as it was.'],
  ])('should give one line with the cause and the fix for %s', (_, error, line) => {
    expect(failureMessage(error, '_site', 'unchanged')).toBe(line);
  });

  it('should keep a list as a list, then say what became of the output', () => {
    const error = new Error('2 internal links have no target:\n  /a/: /b/\n  /c/: /d/');
    expect(failureMessage(error, '_site', 'unchanged')).toBe(
      'Build failed: 2 internal links have no target:\n  /a/: /b/\n  /c/: /d/\n_site/ was left as it was.',
    );
  });

  it('should not say the output was left as it was once the swap began', () => {
    const error = systemError('EIO', 'EIO: i/o error, fsync');
    expect(failureMessage(error, 'out', 'replaced')).toBe(
      'Build failed: EIO: i/o error, fsync. out/ already holds the new site.',
    );
    expect(failureMessage(error, 'out', 'missing')).toBe(
      'Build failed: EIO: i/o error, fsync. out/ is missing until the next build puts the previous site back.',
    );
  });

  it('should walk a chain that loops back without looping', () => {
    const error: Error & { originalError?: unknown } = new Error('outer');
    error.originalError = error;
    expect(errorChain(error)).toEqual([error]);
  });

  it('should name a truncated Pagefind file and the fix, not give a JSON syntax error', async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'archive-truncated-'));
    const bundle = path.join(site, 'pagefind');
    mkdirSync(bundle);
    writeFileSync(path.join(bundle, 'pagefind-entry.json'), '{"version":"1.5.2","languages":{"en":{"hash":"en_');
    const error = await indexedPages(bundle, site).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SearchIndexError);
    expect(failureMessage(error, '_site', 'unchanged')).toMatch(
      /^Build failed: Pagefind wrote a truncated or malformed pagefind\/pagefind-entry\.json \(.+\); it does not report failed writes, so the disk is probably full: free some space and build again\. _site\/ was left as it was\.$/,
    );
  });
});
