import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyContent, type DevServer, PATIENCE_MS, startDevServer } from './helpers/dev-server.ts';

// `npm start` is Eleventy's dev server over `.eleventy.ts`. Run it the same way, on a copy of the
// content, and edit files the way an editor would.
const STACK_TRACE = /\bat .*\.(js|ts|cjs):\d+/;

let server: DevServer | undefined;

afterEach(() => {
  server?.stop();
  server = undefined;
});

describe('npm start', () => {
  it('should keep serving the last good site through a content error, and pick up the fix', async () => {
    const content = copyContent();
    const official = path.join(content, 'officials/tan-chengxu.md');
    const original = readFileSync(official, 'utf8');
    server = await startDevServer(content);
    const live = server;
    const page = async () => (await live.get('/officials/tan-chengxu/')).text;
    expect(await page()).toContain('<h1>Tan Chengxu</h1>');

    // A typo in a key: reported like `npm run check`, and the old page stays up.
    let mark = live.log().length;
    writeFileSync(official, original.replace('name: Tan Chengxu', 'name: Tan Chengxu Renamed\nnmae: oops'));
    const report = await live.printed('Still serving the last good site', mark);
    expect(report).toMatch(/officials\/tan-chengxu\.md\n\s*3:1-3:5\s+error\s+Unknown key `nmae`.*unknown-key/);
    expect(report).not.toMatch(STACK_TRACE);
    expect(await page()).toContain('<h1>Tan Chengxu</h1>');

    // The fix is picked up on save.
    mark = live.log().length;
    writeFileSync(official, original.replace('name: Tan Chengxu', 'name: Tan Chengxu Renamed'));
    await live.printed('is valid again', mark);
    await live.printed(/Wrote \d+ files/, mark);
    await expect.poll(page, { timeout: PATIENCE_MS }).toContain('<h1>Tan Chengxu Renamed</h1>');
  }, 120_000);

  it('should start with broken content, show the problems at every URL, and serve the site once fixed', async () => {
    const content = copyContent();
    const official = path.join(content, 'officials/tan-chengxu.md');
    const original = readFileSync(official, 'utf8');
    writeFileSync(official, original.replace('name: Tan Chengxu', 'name: Tan Chengxu\n"<b>": oops'));
    server = await startDevServer(content);
    const live = server;
    await live.printed('No site to show yet', 0);
    expect(live.log()).toMatch(/officials\/tan-chengxu\.md\n\s*3:1-3:\d+\s+error\s+Unknown key `<b>`.*unknown-key/);
    expect(live.log()).not.toMatch(STACK_TRACE);
    expect(live.log()).not.toContain('Fatal');

    // Any page shows the problems, escaped: the report is text, not markup.
    for (const pathname of ['/', '/officials/tan-chengxu/', '/no/such/page/']) {
      const { status, text } = await live.get(pathname);
      expect(status).toBe(500);
      expect(text).toMatch(/officials\/tan-chengxu\.md\n\s*3:1-3:\d+\s+error\s+Unknown key `&lt;b&gt;`/);
      expect(text).not.toContain('<b>');
    }

    // The fix is picked up on save, and the real site replaces the list of problems.
    const mark = live.log().length;
    writeFileSync(official, original.replace('name: Tan Chengxu', 'name: Tan Chengxu Fixed'));
    await live.printed('is valid again', mark);
    await expect
      .poll(() => live.get('/officials/tan-chengxu/'), { timeout: PATIENCE_MS })
      .toMatchObject({ status: 200, text: expect.stringContaining('<h1>Tan Chengxu Fixed</h1>') });
    expect(live.log()).not.toMatch(STACK_TRACE);
  }, 120_000);

  it('should rebuild when a record is deleted, drop its page, and report the references to it', async () => {
    const content = copyContent();
    server = await startDevServer(content);
    const live = server;
    expect((await live.get('/cities/dalian/')).status).toBe(200);

    const mark = live.log().length;
    rmSync(path.join(content, 'places/dalian.md'));
    const report = await live.printed('Still serving the last good site', mark);
    expect(report).toMatch(/error\s+Unknown place "dalian".*unknown-reference/);
    await expect.poll(async () => (await live.get('/cities/dalian/')).status, { timeout: PATIENCE_MS }).toBe(404);
    expect((await live.get('/officials/tan-chengxu/')).status).toBe(200);
    expect(report).not.toMatch(STACK_TRACE);
  }, 120_000);

  it('should serve a renamed record at its new URL only', async () => {
    const content = copyContent();
    server = await startDevServer(content);
    const live = server;
    expect((await live.get('/organisations/state-council/')).status).toBe(200);

    renameSync(
      path.join(content, 'organisations/state-council.md'),
      path.join(content, 'organisations/state-council-of-china.md'),
    );
    const renamed = () => live.get('/organisations/state-council-of-china/');
    await expect
      .poll(renamed, { timeout: PATIENCE_MS })
      .toMatchObject({ status: 200, text: expect.stringMatching(/<h1[^>]*>State Council<\/h1>/) });
    await expect
      .poll(async () => (await live.get('/organisations/state-council/')).status, { timeout: PATIENCE_MS })
      .toBe(404);
  }, 120_000);
});
