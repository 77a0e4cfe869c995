import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeptFiles } from '../src/build/plan/kept-files.ts';
import {
  type PublishedFile,
  type PublishedFilesResult,
  writePublishedFiles,
} from '../src/build/plan/published-files.ts';
import { writeAtomically } from '../src/cli/atomic-output.ts';

describe('published files made from a source', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'archive-published-'));
  let made = 0;
  const feed = (source: string): PublishedFile => ({
    path: '/officials/lu-ling/feed.xml',
    source,
    make: () => {
      made++;
      return `<feed>${source}</feed>\n`;
    },
  });
  const data: PublishedFile = { path: '/data/officials.json', text: '[]\n' };
  // Each build keeps the previous one's files and updates its site in place, as `npm run build` does.
  const site = path.join(work, '_site');
  let fingerprints: ReadonlyMap<string, string> | undefined;
  const build = async (source: string, code: string) => {
    let result: PublishedFilesResult | undefined;
    await writeAtomically(site, async (temporary) => {
      const kept = new KeptFiles();
      const previous = fingerprints && { from: site, fingerprints, kept };
      result = await writePublishedFiles(temporary, [feed(source), data], previous, code);
      return previous && kept;
    });
    fingerprints = result?.fingerprints;
    return result;
  };
  const feedFile = path.join(site, 'officials/lu-ling/feed.xml');

  it('should make a file only when its source or the code changed, and keep it in the previous site otherwise', async () => {
    await build('a', 'code-1');
    expect(made).toBe(1);
    expect(readFileSync(feedFile, 'utf8')).toBe('<feed>a</feed>\n');
    const first = statSync(feedFile).ino;

    expect(await build('a', 'code-1')).toMatchObject({ written: 0, reused: 2 });
    expect(made).toBe(1);
    expect(statSync(feedFile).ino).toBe(first);

    expect(await build('b', 'code-1')).toMatchObject({ written: 1, reused: 1 });
    expect(made).toBe(2);
    expect(readFileSync(feedFile, 'utf8')).toBe('<feed>b</feed>\n');
    expect(readFileSync(path.join(site, 'data/officials.json'), 'utf8')).toBe('[]\n');

    // New code may make another text from the same source.
    expect(await build('b', 'code-2')).toMatchObject({ written: 1, reused: 1 });
    expect(made).toBe(3);
  });
});
