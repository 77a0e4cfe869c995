import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** One rule of a Netlify/Cloudflare `_headers` file: a path pattern and the headers it adds. */
export interface HeaderRule {
  readonly pattern: string;
  readonly headers: readonly (readonly [string, string])[];
}

/** Parses a `_headers` file: a path on its own line, then indented `Name: value` lines; `#` comments. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (colon < 0 || rule === undefined) throw new Error(`Not a header line of _headers: ${line}`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** True when a `_headers` path pattern (`/*`, `/data/:file`, `/index.html`) matches `pathname`. */
export function matchesHeaderPattern(pattern: string, pathname: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]+)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(pathname);
}

/** Options of {@link serveStatic}. */
export interface ServeOptions {
  /** Send the headers of the site's `_headers` file, as Netlify or Cloudflare Pages would. Default `false`. */
  readonly headersFile?: boolean;
}

/**
 * Serves `root` on 127.0.0.1 only under `prefix`, like a static host would: anything outside the
 * prefix is a 404, so a link that forgot the prefix is caught. `_headers` paths are matched against
 * the path inside the published folder, without the prefix, as those hosts do.
 */
export async function serveStatic(
  root: string,
  prefix = '/',
  options: ServeOptions = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const rulesFile = path.join(root, '_headers');
  const rules = options.headersFile && existsSync(rulesFile) ? parseHeadersFile(readFileSync(rulesFile, 'utf8')) : [];
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const inside = pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : undefined;
    for (const rule of rules) {
      if (inside !== undefined && matchesHeaderPattern(rule.pattern, inside)) {
        for (const [name, value] of rule.headers) response.setHeader(name, value);
      }
    }
    let file: string | undefined;
    if (inside !== undefined && inside !== '/_headers') {
      const candidate = path.join(root, inside);
      if (candidate.startsWith(root)) {
        file =
          existsSync(candidate) && statSync(candidate).isDirectory() ? path.join(candidate, 'index.html') : candidate;
      }
    }
    if (file === undefined || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      const notFound = path.join(root, '404.html');
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
