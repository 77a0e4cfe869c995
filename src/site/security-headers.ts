/**
 * The Content-Security-Policy of the site. No inline script anywhere: search and any other script
 * load from files of the site. `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly index
 * reader (it allows WebAssembly only, not `eval`); its worker and index files come from the site too.
 * Styles come only from stylesheets: the pages and the SVG pictures use no `style` attributes.
 * `data:` images are allowed for the search box's icon in Pagefind's stylesheet; an image cannot run
 * script, and content cannot bring one in (`unsafe-link` refuses `data:` in Markdown).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy for a `<meta http-equiv>` tag, so hosts that cannot send headers (GitHub Pages)
 * still forbid inline script. `frame-ancestors` only works as a header, and browsers warn about it
 * in a meta tag, so it is left out there.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/** Response headers for every file of the site, in the order they are written. */
export const SECURITY_HEADERS: readonly (readonly [name: string, value: string])[] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // For browsers that predate `frame-ancestors`.
  ['X-Frame-Options', 'DENY'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/**
 * The `_headers` file of Netlify and Cloudflare Pages. Its paths are relative to the published
 * folder, not to the URL path prefix, so one rule for `/*` covers the site under any prefix.
 */
export function toHeadersFile(headers: typeof SECURITY_HEADERS = SECURITY_HEADERS): string {
  return ['/*', ...headers.map(([name, value]) => `  ${name}: ${value}`), ''].join('\n');
}
