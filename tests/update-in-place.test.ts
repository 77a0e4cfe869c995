import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeptFiles } from '../src/build/plan/kept-files.ts';
import { recoverInterruptedSwap, writeAtomically } from '../src/cli/atomic-output.ts';
import { planUpdate, UpdateUndoneError } from '../src/cli/update-in-place.ts';
import { writeContentDir } from './helpers/content-dir.ts';

/** A published site at `<work>/_site` with `files`, and the folder it sits in. */
function publishedSite(files: Record<string, string>): { work: string; output: string } {
  const work = mkdtempSync(path.join(tmpdir(), 'archive-update-'));
  const output = path.join(work, '_site');
  renameSync(path.join(writeContentDir(files), 'content'), output);
  return { work, output };
}

/** Writes `files` into the build's folder, as a build writes its new and changed files. */
function write(folder: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(folder, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/** Every file of the site and its text. */
function read(output: string): Record<string, string> {
  const files = readdirSync(output, { recursive: true, encoding: 'utf8' }).filter((file) =>
    statSync(path.join(output, file)).isFile(),
  );
  return Object.fromEntries(files.sort().map((file) => [file, readFileSync(path.join(output, file), 'utf8')]));
}

describe('a site updated in place', () => {
  it('should take the new files, keep what the build kept, and drop the rest', async () => {
    const { output } = publishedSite({
      'a.html': 'old a',
      'deep/b.json': 'old b',
      'deep/gone.json': 'dropped',
      'pagefind/x.pf': 'old index',
      'c.txt': 'old c',
      'lonely/only.html': 'dropped with its folder',
    });
    const inode = (file: string) => statSync(path.join(output, file)).ino;
    const before = { b: inode('deep/b.json'), c: inode('c.txt') };
    await writeAtomically(output, async (temporary) => {
      write(temporary, { 'a.html': 'new a', 'pagefind/y.pf': 'new index', 'new/d.html': 'new d' });
      const kept = new KeptFiles();
      kept.files(['deep/b.json', '/c.txt']);
      return kept;
    });
    expect(read(output)).toEqual({
      'a.html': 'new a',
      'c.txt': 'old c',
      'deep/b.json': 'old b',
      'new/d.html': 'new d',
      'pagefind/y.pf': 'new index',
    });
    // Kept files are the same files, never copied; a folder emptied goes with its last file.
    expect({ b: inode('deep/b.json'), c: inode('c.txt') }).toEqual(before);
    expect(existsSync(path.join(output, 'lonely'))).toBe(false);
    expect(readdirSync(path.dirname(output)).filter((name) => !name.includes('.removing-'))).toEqual(['_site']);
  });

  it('should keep every top-level folder but those given, and walk none of them', () => {
    const { work, output } = publishedSite({ 'a.html': 'a', 'deep/b.json': 'b', 'pagefind/x.pf': 'x' });
    const kept = new KeptFiles();
    kept.everythingBut(['pagefind']);
    const temporary = path.join(work, 'new');
    write(temporary, { 'a.html': 'new a' });
    expect(planUpdate(output, temporary, kept)).toEqual({ whole: ['pagefind'], dropped: [] });
  });

  it('should drop only the files named where everything else is kept, and remove their emptied folders', async () => {
    const { work, output } = publishedSite({
      'a-z/x/index.html': 'the last record under X was renamed',
      'a-z/y/index.html': 'y',
      'pagefind/old.pf': 'old index',
      'data/a.json': 'a',
    });
    const keep = () => {
      const kept = new KeptFiles();
      kept.everythingBut(['pagefind']);
      kept.drop(['/a-z/x/index.html', '/a-z/never-there/index.html']);
      return kept;
    };
    const temporary = path.join(work, 'new');
    write(temporary, { 'pagefind/new.pf': 'new index' });
    expect(planUpdate(output, temporary, keep())).toEqual({ whole: ['pagefind'], dropped: ['a-z/x/index.html'] });
    await writeAtomically(output, async (folder) => {
      write(folder, { 'pagefind/new.pf': 'new index' });
      return keep();
    });
    expect(read(output)).toEqual({ 'a-z/y/index.html': 'y', 'data/a.json': 'a', 'pagefind/new.pf': 'new index' });
    expect(existsSync(path.join(output, 'a-z/x'))).toBe(false);
  });

  it("should keep a search bundle's folder but its subfolders given", () => {
    const kept = new KeptFiles();
    kept.folder('pagefind/', ['pagefind/shards']);
    expect(kept.has('pagefind/pagefind-entry.json')).toBe(true);
    expect(kept.has('pagefind/fragment/a.pf_fragment')).toBe(true);
    expect(kept.has('pagefind/shards/2020/pagefind-entry.json')).toBe(false);
    expect(kept.has('pagefindx/a')).toBe(false);
    expect(() => kept.files(['../outside.html'])).toThrow(/not a path in the site/);
  });

  it('should put a file where a folder was, and a folder where a file was', async () => {
    const { output } = publishedSite({ 'was-folder/index.html': 'old', 'was-file': 'old', 'kept.html': 'k' });
    await writeAtomically(output, async (temporary) => {
      write(temporary, { 'was-folder': 'now a file', 'was-file/index.html': 'now in a folder' });
      const kept = new KeptFiles();
      kept.files(['kept.html']);
      return kept;
    });
    expect(read(output)).toEqual({
      'kept.html': 'k',
      'was-file/index.html': 'now in a folder',
      'was-folder': 'now a file',
    });
  });

  it('should leave the old site when the build fails, and a build that keeps nothing replaces it whole', async () => {
    const { output } = publishedSite({ 'a.html': 'old a', 'b.html': 'old b' });
    const failing = writeAtomically(output, async (temporary) => {
      write(temporary, { 'a.html': 'new a' });
      throw new Error('content errors');
    });
    await expect(failing).rejects.toThrow('content errors');
    expect(read(output)).toEqual({ 'a.html': 'old a', 'b.html': 'old b' });
    await writeAtomically(output, async (temporary) => {
      write(temporary, { 'a.html': 'new a' });
      return new KeptFiles();
    });
    expect(read(output)).toEqual({ 'a.html': 'new a' });
  });

  it('should undo every move when one fails, and leave the site as it was', async () => {
    const old = { 'a.html': 'old a', 'b.html': 'old b', 'c.html': 'dropped', 'folder/d.html': 'd' };
    const { work, output } = publishedSite(old);
    const update = writeAtomically(
      output,
      async (temporary) => {
        write(temporary, { 'a.html': 'new a', 'b.html': 'new b', 'new/e.html': 'e', folder: 'a file now' });
        return new KeptFiles();
      },
      {
        onStage: (stage) => {
          if (stage === 'swapping') throw new Error('no space left on device');
        },
      },
    );
    await expect(update).rejects.toThrow(UpdateUndoneError);
    await expect(update).rejects.toThrow(/failed and was undone: no space left on device/);
    expect(read(output)).toEqual(old);
    expect(existsSync(path.join(output, 'new'))).toBe(false);
    expect(readdirSync(work).filter((name) => !name.includes('.removing-') && !name.includes('.replaced-'))).toEqual([
      '_site',
    ]);
  });

  it('should be finished by the next build when its build was stopped halfway', async () => {
    const { work, output } = publishedSite({
      'a.html': 'old a',
      'b.html': 'old b',
      'c.html': 'dropped',
      'd.html': 'd',
      'section/x.html': 'old x',
    });
    let reached: () => void = () => undefined;
    const halfway = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const update = writeAtomically(
      output,
      async (temporary) => {
        write(temporary, { 'a.html': 'new a', 'b.html': 'new b', 'section/x.html': 'new x' });
        const kept = new KeptFiles();
        kept.files(['d.html']);
        return kept;
      },
      // The build stops there for good, as a killed one would.
      {
        onStage: (stage) => {
          if (stage !== 'swapping') return;
          reached();
          return new Promise<void>(() => undefined);
        },
      },
    );
    void update;
    await halfway;
    // The folder replaced whole and half the files are in, none dropped yet: a mix, which the
    // journal beside it describes.
    expect(read(output)).toEqual({
      'a.html': 'new a',
      'b.html': 'old b',
      'c.html': 'dropped',
      'd.html': 'd',
      'section/x.html': 'new x',
    });
    // The journal and the folders it names carry the build's id: its pid and start time.
    const ids = readdirSync(work)
      .filter((name) => name.startsWith('._site.'))
      .map((name) => name.replace(/^\._site\.[a-z]+-/, ''));
    expect(ids.length).toBe(3);
    expect(new Set(ids)).toEqual(new Set([`${process.pid}-${ids[0]?.split('-')[1]}`]));
    // Named for this process, which is alive, the journal is left alone.
    await recoverInterruptedSwap(output);
    expect(read(output)['b.html']).toBe('old b');

    // As if the build's process had died: its journal and folders named for a pid that is gone.
    const dead = (name: string) => name.replace(/-\d+-(\d+)$/, '-999999999-$1');
    for (const name of readdirSync(work).filter((entry) => entry.startsWith('._site.'))) {
      renameSync(path.join(work, name), path.join(work, dead(name)));
    }
    const journal = path.join(work, readdirSync(work).find((name) => name.startsWith('._site.updating-')) ?? '');
    const recorded = JSON.parse(readFileSync(journal, 'utf8')) as { from: string; aside: string };
    writeFileSync(journal, JSON.stringify({ ...recorded, from: dead(recorded.from), aside: dead(recorded.aside) }));

    await recoverInterruptedSwap(output);
    expect(read(output)).toEqual({ 'a.html': 'new a', 'b.html': 'new b', 'd.html': 'd', 'section/x.html': 'new x' });
    await expect.poll(() => readdirSync(work).filter((name) => name !== '_site'), { timeout: 10_000 }).toEqual([]);
  });
});
