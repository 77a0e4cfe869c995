// Shared helpers for the inline SVG renderers: XML escaping, safe links, rough text measurement.

// Characters that XML 1.0 forbids outright; escaping cannot make them legal, so they are dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// A lone surrogate cannot be written as UTF-8 at all.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in XML content or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

// Schemes that would run code or embed content when the link is followed.
const UNSAFE_SCHEME = /^\s*(?:javascript|vbscript|data):/i;

/** Escapes a link target for an `href` attribute; a script or data URL is a programmer error. */
export function escapeHref(url: string): string {
  // Browsers ignore embedded tabs and newlines in schemes ("java\tscript:"), so test without them.
  if (UNSAFE_SCHEME.test(url.replace(/[\t\n\r]/g, ''))) throw new TypeError(`Unsafe link in SVG: ${url}`);
  return escapeXml(url);
}

// Wide characters (CJK, full-width forms) take about a full em; Latin text about 0.6 em on average.
const WIDE_CHAR = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Estimates the rendered width of a line of text, erring wide so labels do not overflow. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += WIDE_CHAR.test(char) ? 1 : 0.6;
  return ems * fontSize;
}

/** Shortens text to at most `maxWidth`, ending with an ellipsis when anything was cut. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && estimateTextWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Formats a coordinate with at most one decimal, to keep the markup small. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** What every rendered picture carries: its accessible name and description, and its size. */
export interface SvgFrame {
  readonly title: string;
  readonly description: string;
  readonly idPrefix: string;
  readonly className: string;
  readonly width: number;
  readonly height: number;
}

// An id must be an XML name; a stricter ASCII subset keeps it safe in CSS selectors too.
const ID_PREFIX = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Throws a TypeError unless `value` is a finite number greater than zero. */
export function assertPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number, got ${value}`);
}

/**
 * Wraps SVG content in a root `<svg role="group">` labelled by its own `<title>` and `<desc>`. Not
 * `role="img"`: that would hide the links inside from assistive technology (axe: nested-interactive).
 */
export function svgDocument(frame: SvgFrame, content: string): string {
  if (!ID_PREFIX.test(frame.idPrefix)) throw new TypeError(`idPrefix is not a valid id: ${frame.idPrefix}`);
  const titleId = `${frame.idPrefix}-title`;
  const descId = `${frame.idPrefix}-desc`;
  // Sized by viewBox alone so the page's CSS can scale it to its container.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="group" aria-labelledby="${titleId} ${descId}" ` +
    `viewBox="0 0 ${num(frame.width)} ${num(frame.height)}" class="${escapeXml(frame.className)}">` +
    `<title id="${titleId}">${escapeXml(frame.title)}</title>` +
    `<desc id="${descId}">${escapeXml(frame.description)}</desc>` +
    `${content}</svg>`
  );
}
