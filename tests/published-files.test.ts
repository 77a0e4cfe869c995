import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PublishedFile, writePublishedFiles } from '../src/build/plan/published-files.ts';

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
  const build = (
    name: string,
    files: PublishedFile[],
    shared: string,
    previous?: { from: string; fp: ReadonlyMap<string, string> },
  ) =>
    writePublishedFiles(
      path.join(work, name),
      files,
      previous && { from: previous.from, fingerprints: previous.fp },
      shared,
    );

  it('should make a file only when its source or the code changed, and link it from the previous site otherwise', async () => {
    const first = await build('first', [feed('a'), data], 'code-1');
    expect(made).toBe(1);
    expect(readFileSync(path.join(work, 'first/officials/lu-ling/feed.xml'), 'utf8')).toBe('<feed>a</feed>\n');

    const same = await build('same', [feed('a'), data], 'code-1', {
      from: path.join(work, 'first'),
      fp: first.fingerprints,
    });
    expect(made).toBe(1);
    expect(same).toMatchObject({ written: 0, reused: 2 });
    const inode = (site: string) => statSync(path.join(work, site, 'officials/lu-ling/feed.xml')).ino;
    expect(inode('same')).toBe(inode('first'));

    const edited = await build('edited', [feed('b'), data], 'code-1', {
      from: path.join(work, 'same'),
      fp: same.fingerprints,
    });
    expect(made).toBe(2);
    expect(edited).toMatchObject({ written: 1, reused: 1 });
    expect(readFileSync(path.join(work, 'edited/officials/lu-ling/feed.xml'), 'utf8')).toBe('<feed>b</feed>\n');

    // New code may make another text from the same source.
    const newCode = await build('new-code', [feed('b'), data], 'code-2', {
      from: path.join(work, 'edited'),
      fp: edited.fingerprints,
    });
    expect(made).toBe(3);
    expect(newCode).toMatchObject({ written: 1, reused: 1 });
  });
});
