import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER } from '../src/cli/output-guard.ts';
import type { StaticHost } from '../src/serve/static-host.ts';
import { serveStatic } from './helpers/static-server.ts';

// The host behind `npm run preview` serves the site as Netlify or Cloudflare Pages would: it reads
// `_headers` but never serves it, however the request spells its name, and serves no dot-file.

const site = mkdtempSync(path.join(tmpdir(), 'archive-host-'));
const HEADERS = '/*\n  X-Frame-Options: DENY\n';
let hosts: StaticHost[] = [];

/** The status and body of a request for exactly `target`, sent as written (no URL clean-up on the way). */
function request(host: StaticHost, target: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: target }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += String(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
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
});
