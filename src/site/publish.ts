/**
 * Where the site is published: the origin and the path prefix it is served under. HTML pages get
 * the prefix from Eleventy's HTML base plugin; feeds, sitemaps and JSON are not HTML, so they use
 * these helpers instead.
 */
export interface PublishTarget {
  /** Origin of the published site without a trailing slash, e.g. `https://news.example.gov`. */
  readonly siteUrl: string;
  /** Path the site is served under, always with leading and trailing slash, e.g. `/archive/`. */
  readonly pathPrefix: string;
}

/** The origin a site is built for when none is given (SITE_URL): a local preview's. */
export const DEFAULT_SITE_URL = 'http://localhost:8080';

/**
 * The origin the site is built for: `SITE_URL` from the environment, else {@link DEFAULT_SITE_URL}.
 * The build command and `.eleventy.ts` both read it here, so pages, feeds and the sitemap agree.
 */
export function siteUrlFrom(environment: Readonly<Record<string, string | undefined>>): string {
  return environment['SITE_URL'] || DEFAULT_SITE_URL;
}

/** Normalises the origin and prefix as given on the command line or in the environment. */
export function publishTarget(siteUrl: string, pathPrefix = '/'): PublishTarget {
  return { siteUrl: siteUrl.replace(/\/+$/, ''), pathPrefix: normalisePathPrefix(pathPrefix) };
}

/** A path prefix with one leading and one trailing slash: `archive`, `/archive` → `/archive/`. */
export function normalisePathPrefix(pathPrefix: string): string {
  const trimmed = pathPrefix.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** A root-relative site path with the prefix: `/officials/x/` → `/archive/officials/x/`. */
export function prefixed(target: PublishTarget, sitePath: string): string {
  return `${target.pathPrefix}${sitePath.replace(/^\/+/, '')}`;
}

/** A root-relative site path as a full URL: `/officials/x/` → `https://host/archive/officials/x/`. */
export function absoluteUrl(target: PublishTarget, sitePath: string): string {
  return `${target.siteUrl}${prefixed(target, sitePath)}`;
}

/**
 * Makes the site's own links in rendered body HTML absolute, for feed readers that show the HTML
 * away from the site. Bodies come from rehype-stringify, which always double-quotes attributes,
 * so a root-relative link is exactly `href="/` followed by anything but a second slash.
 */
export function absolutizeHtml(target: PublishTarget, html: string): string {
  return html.replace(
    /\b(href|src)="\/(?!\/)/g,
    (_match, attribute: string) => `${attribute}="${absoluteUrl(target, '/')}`,
  );
}
