import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleWritten } from '../src/build/search/bundle-written.ts';

const work = mkdtempSync(path.join(tmpdir(), 'archive-bundle-written-'));
let bundles = 0;

/** A bundle as Pagefind writes one: an entry, metadata, a fragment, and its script. */
function bundle(files: Record<string, string | Buffer>): string {
  const folder = path.join(work, `bundle-${bundles++}`);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), content);
  }
  return folder;
}

const fragment = gzipSync(Buffer.from('pagefind_dcd{"url":"/articles/forum-on-the-port/"}'));
const whole = {
  'pagefind-entry.json': '{"version":"1.5.2","languages":{}}',
  'pagefind.en_1a2b.pf_meta': gzipSync(Buffer.from('pagefind_dcd meta')),
  'fragment/en_3c4d.pf_fragment': fragment,
  'pagefind.js': 'export const search = () => [];',
};

describe('waiting for the files of a bundle written through the Node API', () => {
  it('should end at once when every file written reads whole', async () => {
    const started = Date.now();
    await bundleWritten(bundle(whole), started, undefined, 1000);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('should wait until an entry, a compressed file and a script have landed', async () => {
    const folder = bundle({
      ...whole,
      'pagefind-entry.json': '',
      'fragment/en_3c4d.pf_fragment': fragment.subarray(0, 10),
      'pagefind.js': 'export const',
    });
    const like = bundle(whole);
    let done = false;
    const waiting = bundleWritten(folder, Date.now(), like, 5000).then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(done).toBe(false);
    writeFileSync(path.join(folder, 'pagefind-entry.json'), whole['pagefind-entry.json']);
    writeFileSync(path.join(folder, 'fragment/en_3c4d.pf_fragment'), fragment);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(done).toBe(false);
    writeFileSync(path.join(folder, 'pagefind.js'), whole['pagefind.js']);
    await waiting;
    expect(done).toBe(true);
  });

  it('should fail, naming the file, when one never lands', async () => {
    const folder = bundle({ ...whole, 'index/en_5e6f.pf_index': fragment.subarray(0, 12) });
    await expect(bundleWritten(folder, Date.now(), undefined, 200)).rejects.toThrow(/en_5e6f\.pf_index/);
  });

  it('should not look at the files seeded from the previous bundle, which Pagefind does not write', async () => {
    const folder = bundle({ ...whole, 'index/en_seeded.pf_index': 'not read' });
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(folder, 'index/en_seeded.pf_index'), old, old);
    await bundleWritten(folder, Date.now(), undefined, 200);
  });
});
