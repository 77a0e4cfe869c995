import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` is Eleventy's dev server over `.eleventy.ts`. Run it the same way, on a copy of the
// content, and edit files the way an editor would.
const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'archive-start-'));
const content = path.join(work, 'content');
cpSync(path.join(root, 'content'), content, { recursive: true });
const official = path.join(content, 'officials/tan-chengxu.md');
const original = readFileSync(official, 'utf8');

let server: ChildProcess | undefined;
let log = '';

/** Resolves when the server's combined output has printed `text` since `from`. */
function printed(text: string | RegExp, from: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const since = log.slice(from);
      const found = typeof text === 'string' ? since.includes(text) : text.test(since);
      if (found) {
        clearInterval(poll);
        resolve(since);
      } else if (Date.now() - started > 60_000) {
        clearInterval(poll);
        reject(new Error(`server never printed ${text}:\n${since}`));
      }
    }, 100);
  });
}

afterAll(() => {
  server?.kill();
});

describe('npm start', () => {
  it('should keep serving the last good site through a content error, and pick up the fix', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    server = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      [
        'node_modules/@11ty/eleventy/cmd.cjs',
        '--config=.eleventy.ts',
        '--serve',
        '--quiet',
        `--output=${path.join(work, 'out')}`,
        `--port=${port}`,
      ],
      { cwd: root, env: { ...process.env, NEWS_ARCHIVE_CONTENT: content, FORCE_COLOR: '0' } },
    );
    server.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const started = await printed(/Server at (http:\S+)/, 0);
    const url = /Server at (http:\S+)/.exec(started)?.[1] ?? '';
    const page = async () => (await fetch(new URL('/officials/tan-chengxu/', url))).text();
    expect(await page()).toContain('<h1>Tan Chengxu</h1>');

    // A typo in a key: reported like `npm run check`, and the old page stays up.
    let mark = log.length;
    writeFileSync(official, original.replace('name: Tan Chengxu', 'name: Tan Chengxu Renamed\nnmae: oops'));
    const report = await printed('Still serving the last good site', mark);
    expect(report).toMatch(/officials\/tan-chengxu\.md\n\s*3:1-3:5\s+error\s+Unknown key `nmae`.*unknown-key/);
    expect(report).not.toMatch(/\bat .*\.(js|ts):\d+/); // no stack trace
    expect(await page()).toContain('<h1>Tan Chengxu</h1>');

    // The fix is picked up on save.
    mark = log.length;
    writeFileSync(official, original.replace('name: Tan Chengxu', 'name: Tan Chengxu Renamed'));
    await printed('is valid again', mark);
    await printed(/Wrote \d+ files/, mark);
    await expect.poll(page, { timeout: 20_000 }).toContain('<h1>Tan Chengxu Renamed</h1>');
  }, 120_000);
});
