import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { lookup } from 'mrmime';
import sirv from 'sirv';
import { matchesHeaderPattern, parseHeadersFile } from './headers-file.ts';

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
 *
 * `sirv` sends the files. It looks each request up on disk (`dev: true`), as the preview keeps
 * running while a build swaps the folder, and sends `Cache-Control: no-cache` with an `ETag`
 * (`etag: true`), so the browser asks again and a reload shows the new build. The prefix, the
 * refused paths and `_headers` are ours: `sirv` knows none of them, and in this mode it does not
 * hide dot-files either.
 */
export async function serveStatic(root: string, prefix = '/', options: ServeOptions = {}): Promise<StaticHost> {
  const base = path.resolve(root);
  const rulesFile = path.join(base, '_headers');
  const rules = options.headersFile && existsSync(rulesFile) ? parseHeadersFile(readFileSync(rulesFile, 'utf8')) : [];
  const notFound = (response: ServerResponse): void => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    const page = path.join(base, '404.html');
    if (existsSync(page)) createReadStream(page).pipe(response);
    else response.end('Not found');
  };
  const files = sirv(base, {
    dev: true,
    etag: true,
    extensions: ['html'],
    onNoMatch: (_, response) => notFound(response),
    // `sirv` sends an empty type for an extension it does not know (Pagefind's `.pf_meta`,
    // `.pagefind`); a path that names a folder's `index.html` or `x.html` keeps the type of HTML.
    setHeaders: (response, pathname) => {
      if (lookup(pathname) !== undefined) return;
      if (statSync(path.join(base, pathname), { throwIfNoEntry: false })?.isFile()) {
        response.setHeader('content-type', 'application/octet-stream');
      }
    },
  });
  const server = createServer((request, response) => {
    const inside = sitePath(request.url ?? '/', prefix);
    // The 404 page of a path outside the prefix gets the headers of `/404.html`.
    for (const rule of rules) {
      if (!matchesHeaderPattern(rule.pattern, inside ?? '/404.html')) continue;
      for (const [name, value] of rule.headers) response.setHeader(name, value);
    }
    if (inside === undefined || isPrivate(inside)) return notFound(response);
    // `sirv` decodes the path once more: encoded again, it finds exactly the path checked here.
    request.url = encodeURI(inside);
    files(request, response);
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

/**
 * The path inside the site a request names (`/archive//officials/` → `/officials/` with the prefix
 * `/archive/`): decoded, `%2f` included, with `.`, `..` and repeated slashes resolved; `undefined`
 * when it is outside the prefix, badly encoded, or holds a backslash, `?` or `#`, which no file
 * of the site has and which `sirv` would read differently.
 */
function sitePath(requestUrl: string, prefix: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestUrl.replace(/[?#].*/s, ''));
  } catch {
    return undefined;
  }
  if (/[\\?#\0]/.test(decoded)) return undefined;
  const normalised = path.posix.normalize(decoded);
  return normalised.startsWith(prefix) ? `/${normalised.slice(prefix.length)}` : undefined;
}

/**
 * True for a path inside the site that is never served: hosts read `_headers` but never serve it
 * (matched without case, as a case-insensitive disk would find it), and dot-files, such as the
 * build's marker, are not part of the site.
 */
function isPrivate(inside: string): boolean {
  if (inside.replace(/\/+$/, '').toLowerCase() === '/_headers') return true;
  return inside.split('/').some((segment) => segment.startsWith('.'));
}
