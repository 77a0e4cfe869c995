import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { RECORD_KINDS, SLUG_PATTERN } from '../schema/index.ts';
import { reportError } from './messages.ts';

/** Schemes a reader may follow from an article: the web, e-mail, and links to records (`official:slug`). */
const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', ...RECORD_KINDS]);
const RECORD_SCHEMES: ReadonlySet<string> = new Set(RECORD_KINDS);

/**
 * The scheme of a URL as a browser sees it: browsers drop tabs and newlines anywhere and control
 * characters and spaces at the ends, so `java\tscript:` is `javascript:`. Lower case; `''` if relative.
 */
export function schemeOf(url: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what browsers strip.
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase() ?? '';
}

/** True for a URL on this site: no scheme, and not `//host/…` (which browsers also accept as `\\host`). */
export function isSitePath(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip leading control characters too.
  return schemeOf(url) === '' && !/^[\s\u0000-\u0020]*[\\/]{2}/.test(url.replace(/[\t\n\r]/g, ''));
}

/**
 * Refuses link and image targets that could run script or load something from elsewhere:
 * `javascript:`, `data:` and other schemes, and images not published with the site. The renderer's
 * sanitizer would drop them silently; the editor should learn that the link is gone.
 */
export function rejectUnsafeUrls(tree: Root, file: VFile): void {
  // A definition used by `![text][ref]` is an image target, and follows the rules for images.
  const imageDefinitions = new Set<string>();
  visit(tree, 'imageReference', (node) => {
    imageDefinitions.add(node.identifier);
  });
  visit(tree, ['link', 'definition', 'image'], (node) => {
    if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
    const scheme = schemeOf(node.url);
    const shown = node.url.length > 40 ? `${node.url.slice(0, 40)}…` : node.url;
    if (node.type === 'image' || (node.type === 'definition' && imageDefinitions.has(node.identifier))) {
      if (isSitePath(node.url)) return;
      reportError(
        file,
        `Image \`${shown}\` is not part of this site: images must be files of the site, linked by path (e.g. \`/assets/map.png\`)`,
        'unsafe-link',
        node.position,
      );
    } else if (RECORD_SCHEMES.has(scheme) && !isRecordLink(node.url, scheme)) {
      reportError(
        file,
        `Link \`${shown}\` does not name a record by its slug: write it as \`${scheme}:tan-chengxu\`, the slug of the record`,
        'invalid-slug',
        node.position,
      );
    } else if (scheme !== '' && !LINK_SCHEMES.has(scheme)) {
      reportError(
        file,
        `Link to \`${shown}\` is not allowed (\`${scheme}:\` links can run code or hide content): link to an http(s) or mailto address, a page of this site, or a record (\`official:tan-chengxu\`)`,
        'unsafe-link',
        node.position,
      );
    }
  });
}

function isRecordLink(url: string, scheme: string): boolean {
  return url.startsWith(`${scheme}:`) && SLUG_PATTERN.test(url.slice(scheme.length + 1));
}
