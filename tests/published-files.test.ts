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
  // Each build takes the previous one's site and fingerprints, as `npm run build` does.
  let previous: { from: string; fingerprints: ReadonlyMap<string, string> } | undefined;
  const build = async (name: string, source: string, code: string) => {
    const site = path.join(work, name);
    const result = await writePublishedFiles(site, [feed(source), data], previous, code);
    previous = { from: site, fingerprints: result.fingerprints };
    return result;
  };
  const feedIn = (site: string) => path.join(work, site, 'officials/lu-ling/feed.xml');

  it('should make a file only when its source or the code changed, and link it from the previous site otherwise', async () => {
    await build('first', 'a', 'code-1');
    expect(made).toBe(1);
    expect(readFileSync(feedIn('first'), 'utf8')).toBe('<feed>a</feed>\n');

    expect(await build('same', 'a', 'code-1')).toMatchObject({ written: 0, reused: 2 });
    expect(made).toBe(1);
    expect(statSync(feedIn('same')).ino).toBe(statSync(feedIn('first')).ino);

    expect(await build('edited', 'b', 'code-1')).toMatchObject({ written: 1, reused: 1 });
    expect(made).toBe(2);
    expect(readFileSync(feedIn('edited'), 'utf8')).toBe('<feed>b</feed>\n');

    // New code may make another text from the same source.
    expect(await build('new-code', 'b', 'code-2')).toMatchObject({ written: 1, reused: 1 });
    expect(made).toBe(3);
  });
});
