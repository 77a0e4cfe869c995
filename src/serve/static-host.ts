import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { matchesHeaderPattern, parseHeadersFile } from './headers-file.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** A running static host. */
export interface StaticHost {
  /** The site's address, prefix included, e.g. `http://127.0.0.1:8080/archive/`. */
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Options of {@link serveStatic}. */
export interface ServeOptions {
  /** Port to listen on; `0` picks a free one. */
  readonly port?: number;
  /** Send the headers of the site's `_headers` file, as Netlify or Cloudflare Pages would. Default `false`. */
  readonly headersFile?: boolean;
}

/**
 * Serves `root` on 127.0.0.1 only under `prefix`, the way a static host does: a folder answers
 * with its `index.html`, and anything outside the prefix or missing gets `404.html` with status 404,
 * so a link that forgot the prefix shows up as broken. `_headers` paths are matched against the
 * path inside the published folder, without the prefix, as those hosts do; `_headers` itself and
 * dot-files are never served.
 */
export async function serveStatic(root: string, prefix = '/', options: ServeOptions = {}): Promise<StaticHost> {
  const base = path.resolve(root);
  const rulesFile = path.join(base, '_headers');
  const rules = options.headersFile && existsSync(rulesFile) ? parseHeadersFile(readFileSync(rulesFile, 'utf8')) : [];
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const inside = pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : undefined;
    for (const rule of rules) {
      if (inside === undefined || !matchesHeaderPattern(rule.pattern, inside)) continue;
      for (const [name, value] of rule.headers) response.setHeader(name, value);
    }
    const file = resolveFile(base, prefix, request.url ?? '/');
    if (file === undefined) {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      const notFound = path.join(base, '404.html');
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The file a request path names, or `undefined` when it is outside the prefix, the root, or missing. */
function resolveFile(base: string, prefix: string, requestUrl: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (!pathname.startsWith(prefix)) return undefined;
  if (isPrivate(pathname.slice(prefix.length))) return undefined;
  const candidate = path.join(base, pathname.slice(prefix.length));
  if (candidate !== base && !candidate.startsWith(`${base}${path.sep}`)) return undefined;
  if (!existsSync(candidate)) return undefined;
  const file = statSync(candidate).isDirectory() ? path.join(candidate, 'index.html') : candidate;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * True for a path inside the site that is never served, however it is spelled once decoded: hosts
 * read `_headers` but never serve it (matched without case, as a case-insensitive disk would find
 * it), and dot-files, such as the build's marker, are not part of the site.
 */
function isPrivate(decoded: string): boolean {
  const normalised = path.posix.normalize(`/${decoded}`).replace(/\/+$/, '');
  if (normalised.toLowerCase() === '/_headers') return true;
  return normalised.split('/').some((segment) => segment.startsWith('.'));
}
