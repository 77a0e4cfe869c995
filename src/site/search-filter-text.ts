import { escapeXml } from '../render/svg-escape.ts';

/**
 * The text a search filter's element must hold for Pagefind's UI to show `value` as text. Nunjucks
 * escapes the result once more, as it does all output.
 *
 * Pagefind 1.5.2 decodes the entities of a filter's text twice while indexing (once reading the
 * element, once storing the value), and its default UI inserts the stored value with `innerHTML`.
 * Escaped three times in the page, a value is stored escaped once, which `innerHTML` shows as the
 * exact text: "Li <a href=…>" stays characters, and "&amp;" written in a name stays "&amp;".
 * `tests/escaping.test.ts` reads the index, so a Pagefind that decodes differently fails it.
 */
export function pagefindFilterText(value: string): string {
  return escapeXml(escapeXml(value));
}
