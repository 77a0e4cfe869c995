import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER } from '../src/cli/output-guard.ts';
import type { StaticHost } from '../src/serve/static-host.ts';
import { serveStatic } from './helpers/static-server.ts';

// The host behind `npm run preview` serves the site as Netlify or Cloudflare Pages would: it reads
// `_headers` but never serves it, however the request spells its name, and serves no dot-file.

// The site's folder sits next to a file that must not be reachable by climbing out of it.
const parent = mkdtempSync(path.join(tmpdir(), 'archive-host-'));
const site = path.join(parent, 'site');
const HEADERS = '/*\n  X-Frame-Options: DENY\n';
let hosts: StaticHost[] = [];

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
}

/** The answer to a request for exactly `target`, sent as written (no URL clean-up on the way). */
function send(host: StaticHost, target: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: target, headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += String(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    }).on('error', reject);
  });
}

/** The status and body of a request for exactly `target`. */
async function request(host: StaticHost, target: string): Promise<{ status: number; body: string }> {
  const { status, body } = await send(host, target);
  return { status, body };
}

/** The host serving the site under `/archive/`. */
function archive(): StaticHost {
  const host = hosts[1];
  if (host === undefined) throw new Error('the host did not start');
  return host;
}

beforeAll(async () => {
  mkdirSync(site);
  writeFileSync(path.join(parent, 'secret.txt'), 'secret');
  mkdirSync(path.join(site, 'assets'));
  writeFileSync(path.join(site, 'assets/style.css'), 'body {}');
  writeFileSync(path.join(site, 'assets/app.js'), '');
  writeFileSync(path.join(site, 'feed.json'), '{}');
  writeFileSync(path.join(site, 'feed.xml'), '<feed/>');
  writeFileSync(path.join(site, 'map.svg'), '<svg/>');
  writeFileSync(path.join(site, 'robots.txt'), '');
  writeFileSync(path.join(site, 'index.pf_meta'), '');
  mkdirSync(path.join(site, 'v1.2'));
  writeFileSync(path.join(site, 'v1.2/index.html'), '');
  writeFileSync(path.join(site, 'index.html'), 'home');
  writeFileSync(path.join(site, '404.html'), 'not found');
  writeFileSync(path.join(site, '_headers'), HEADERS);
  writeFileSync(path.join(site, BUILD_MARKER), '{}');
  mkdirSync(path.join(site, 'officials'));
  writeFileSync(path.join(site, 'officials/index.html'), 'officials');
  hosts = [
    await serveStatic(site, '/', { headersFile: true }),
    await serveStatic(site, '/archive/', { headersFile: true }),
  ];
});
afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()));
});

describe('the static host', () => {
  it.each([
    '/_headers',
    '/_header%73',
    '/%5fheaders',
    '/%5F%68eaders',
    '/_HEADERS',
    '/_Headers',
    '/./_headers',
    '/%2e/_headers',
    '/officials/../_headers',
    '/officials/%2e%2e/_headers',
    '/officials/..%2f_headers',
    '//_headers',
    '/_headers/',
    '/_headers?x=1',
    `/${BUILD_MARKER}`,
    `/%2e${BUILD_MARKER.slice(1)}`,
    '/officials/../.news-archive-build',
    '/officials\\..\\_headers',
    '/officials%5c..%5c_headers',
    '/%2e%2e/site/_headers',
    '/assets/%2e%2e/%2e%2e/site/_headers',
  ])('should never serve %s', async (target) => {
    for (const [host, prefix] of [
      [hosts[0], '/'],
      [hosts[1], '/archive/'],
    ] as const) {
      if (host === undefined) throw new Error('the hosts did not start');
      const response = await request(host, `${prefix}${target.slice(1)}`);
      expect(response.body).not.toContain('X-Frame-Options');
      expect(response.body).not.toBe('{}');
      expect([200, 404]).toContain(response.status);
    }
  });

  it('should still serve the pages, and send the headers of _headers with them', async () => {
    const host = hosts[1];
    if (host === undefined) throw new Error('the host did not start');
    expect(await request(host, '/archive/')).toEqual({ status: 200, body: 'home' });
    expect(await request(host, '/archive/officials/')).toEqual({ status: 200, body: 'officials' });
    expect(await request(host, '/archive//officials/')).toEqual({ status: 200, body: 'officials' });
    expect(await request(host, '/officials/')).toEqual({ status: 404, body: 'not found' });
    expect((await fetch(host.url)).headers.get('x-frame-options')).toBe('DENY');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..\\secret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
  ])('should never serve a file outside the site, asked for as %s', async (target) => {
    for (const host of hosts) {
      const response = await request(host, target);
      expect(response).toEqual({ status: 404, body: 'not found' });
    }
  });

  it('should answer a folder with its index.html, and list no folder', async () => {
    expect(await request(archive(), '/archive/officials')).toEqual({ status: 200, body: 'officials' });
    expect(await request(archive(), '/archive/officials/index.html')).toEqual({ status: 200, body: 'officials' });
    expect(await request(archive(), '/archive/assets/')).toEqual({ status: 404, body: 'not found' });
  });

  it('should send 404.html with status 404 and the headers of _headers for a missing page, in the prefix or not', async () => {
    for (const target of ['/archive/missing/', '/archive/assets/missing.css', '/missing/', '/']) {
      const response = await send(archive(), target);
      expect(response).toMatchObject({ status: 404, body: 'not found' });
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });

  it.each([
    ['/', 'text/html;charset=utf-8'],
    ['/assets/style.css', 'text/css'],
    ['/assets/app.js', 'text/javascript'],
    ['/feed.json', 'application/json'],
    ['/feed.xml', 'text/xml'],
    ['/map.svg', 'image/svg+xml'],
    ['/robots.txt', 'text/plain'],
    ['/index.pf_meta', 'application/octet-stream'],
    ['/v1.2', 'text/html;charset=utf-8'],
    ['/v1.2/', 'text/html;charset=utf-8'],
  ])('should send %s as %s', async (file, type) => {
    const response = await send(archive(), `/archive${file}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('should have the browser ask again for every page, and answer 304 when it is unchanged', async () => {
    const first = await send(archive(), '/archive/');
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag;
    if (etag === undefined) throw new Error('no ETag');
    const again = await send(archive(), '/archive/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers['x-frame-options']).toBe('DENY');
  });

  it('should serve a page written after it started, as a build run beside the preview writes one', async () => {
    writeFileSync(path.join(site, 'later.html'), 'later');
    expect(await request(archive(), '/archive/later.html')).toEqual({ status: 200, body: 'later' });
  });
});
