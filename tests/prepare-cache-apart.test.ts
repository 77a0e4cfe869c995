import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildArchiveCached } from '../src/build/build-archive-cached.ts';
import { knownFilesFile, readContentThroughCache } from '../src/build/cache/known-files.ts';
import { prepareCacheApart, prepareChangedApart } from '../src/cli/prepare-cache-apart.ts';
import { filesIn, generatedContent } from './helpers/generated-content.ts';
import { snapshotSite } from './helpers/tree.ts';

const run = promisify(execFile);
const root = process.cwd();

const contentFolder = () => generatedContent('prepare-apart', 7);

describe('preparing the cache in a process of its own', () => {
  it('should parse and render every file into the cache, so that the build parses and renders none', async () => {
    const content = await contentFolder();
    const cacheDir = path.join(path.dirname(content), 'cache');
    expect(await prepareCacheApart(content, cacheDir, 1)).toEqual({ parsed: filesIn(content) });
    const { files } = await readContentThroughCache(content, cacheDir);
    const { stats } = await buildArchiveCached(files, { cacheDir });
    expect(stats).toMatchObject({ parsed: 0, rendered: 0 });
    // The cache now knows the content: the next build prepares nothing apart.
    expect(await prepareCacheApart(content, cacheDir, 1)).toBeUndefined();
  }, 60_000);

  it('should parse apart again after an upgrade of the code, whose parses the cache lacks', async () => {
    const content = await contentFolder();
    const cacheDir = path.join(path.dirname(content), 'cache');
    // A build by another version of the code: the cache knows the folder, but not this code's parses.
    const { files } = await readContentThroughCache(content, cacheDir);
    await buildArchiveCached(files, { cacheDir, version: 'an earlier version of the code' });
    expect(existsSync(knownFilesFile(cacheDir, realpathSync(content)))).toBe(true);
    expect(await prepareCacheApart(content, cacheDir, 1)).toEqual({ parsed: filesIn(content) });
    const again = await readContentThroughCache(content, cacheDir);
    expect((await buildArchiveCached(again.files, { cacheDir })).stats).toMatchObject({ parsed: 0, rendered: 0 });
    expect(await prepareCacheApart(content, cacheDir, 1)).toBeUndefined();
  }, 60_000);

  it('should take a cache this version of the code has opened as knowing it, even with no parse in it', async () => {
    const content = await contentFolder();
    const cacheDir = path.join(path.dirname(content), 'cache');
    // A build that read the content, and had nothing to parse and cache (every file with a message, say).
    await readContentThroughCache(content, cacheDir);
    await buildArchiveCached([], { cacheDir });
    expect(await prepareCacheApart(content, cacheDir, 1)).toBeUndefined();
  });

  it('should parse apart the files a build finds changed, once there are enough of them', async () => {
    const content = await contentFolder();
    const cacheDir = path.join(path.dirname(content), 'cache');
    expect(await prepareCacheApart(content, cacheDir, 1)).toEqual({ parsed: filesIn(content) });
    const [first = '', second = ''] = readdirSync(path.join(content, 'articles')).sort();
    for (const article of [first, second]) {
      appendFileSync(path.join(content, 'articles', article), '\nThe two sides also visited the port.\n');
    }
    // What the build read: two files changed, which the cache has no parse of yet.
    const { files, changed } = await readContentThroughCache(content, cacheDir);
    expect(changed).toBe(2);
    expect(await prepareChangedApart(content, cacheDir, changed, 3)).toBeUndefined();
    expect(await prepareChangedApart(content, cacheDir, changed, 2)).toEqual({ parsed: 2 });
    // The build keeps what it read, and finds every parse and body in the cache.
    expect((await buildArchiveCached(files, { cacheDir })).stats).toMatchObject({ parsed: 0, rendered: 0 });
  }, 60_000);

  it('should leave a small content, and a cache that knows it, to the build', async () => {
    const content = await contentFolder();
    const cacheDir = path.join(path.dirname(content), 'cache');
    expect(await prepareCacheApart(content, cacheDir, filesIn(content) + 1)).toBeUndefined();
    expect(existsSync(knownFilesFile(cacheDir, realpathSync(content)))).toBe(false);
  });

  it('should give up when the other process fails, and let the build parse', async () => {
    const content = await contentFolder();
    const cacheDir = path.join(path.dirname(content), 'cache');
    // The other process cannot start: Node is told to load a module that is not there.
    const options = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = `--require ${path.join(path.dirname(content), 'missing.cjs')}`;
    try {
      expect(await prepareCacheApart(content, cacheDir, 1)).toEqual({ failed: true });
    } finally {
      if (options === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = options;
    }
    expect(existsSync(knownFilesFile(cacheDir, realpathSync(content)))).toBe(false);
  }, 60_000);

  it('should make the site, and report the messages, that a build preparing nothing apart makes', async () => {
    const content = await contentFolder();
    // Names of no record, which the build warns about.
    const [article = ''] = readdirSync(path.join(content, 'articles')).sort();
    appendFileSync(path.join(content, 'articles', article), '\nLi Jinke met Wang Xiaoming in Anshan city.\n');
    const work = path.dirname(content);
    const build = (name: string, from: string) =>
      run(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/build.ts',
          `--content=${content}`,
          `--output=${work}/${name}`,
          `--cache=${work}/${name}-cache`,
        ],
        { cwd: root, env: { ...process.env, NEWS_ARCHIVE_PREPARE_FROM: from } },
      );
    const apart = await build('apart', '1');
    const here = await build('here', String(filesIn(content) + 1));
    expect(apart.stderr).toContain('unregistered-name');
    expect(apart.stderr).toBe(here.stderr);
    const prepared = `Parsed and rendered ${filesIn(content)} content files in a process of its own first`;
    expect(apart.stdout).toContain(prepared);
    expect(here.stdout).not.toContain('process of its own');
    // But for that line, the same words; Eleventy's lines give times.
    const said = (stdout: string) =>
      stdout.split('\n').filter((line) => !line.startsWith('[11ty]') && !line.startsWith(prepared));
    expect(said(apart.stdout.replaceAll(`${work}/apart/`, `${work}/here/`))).toEqual(said(here.stdout));
    expect(snapshotSite(path.join(work, 'apart'))).toEqual(snapshotSite(path.join(work, 'here')));

    // Two files edited at once: a build that finds at least as many changed parses them apart too.
    const [, second = '', third = ''] = readdirSync(path.join(content, 'articles')).sort();
    for (const edited of [second, third]) {
      appendFileSync(path.join(content, 'articles', edited), '\nThe two sides also visited the port.\n');
    }
    const apartAgain = await build('apart', '2');
    const hereAgain = await build('here', String(filesIn(content) + 1));
    expect(apartAgain.stdout).toContain('Parsed and rendered 2 content files in a process of its own first');
    expect(hereAgain.stdout).not.toContain('process of its own');
    expect(apartAgain.stderr).toBe(hereAgain.stderr);
    expect(snapshotSite(path.join(work, 'apart'))).toEqual(snapshotSite(path.join(work, 'here')));
  }, 120_000);
});
