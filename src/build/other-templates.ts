import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PAGE_KIND_KEYS, pageKind } from '../site/page-kinds.ts';

/**
 * The templates under Eleventy's `input` folder that are not a page kind's layout (the home, index,
 * search and 404 pages…), as paths for `eleventyConfig.ignores`. Folders starting with `_` hold
 * includes and data, not templates.
 */
export function otherTemplates(input: string): string[] {
  const recordLayouts = new Set(PAGE_KIND_KEYS.map((key) => path.join('pages', pageKind(key).layout)));
  return readdirSync(input, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.njk') && !recordLayouts.has(file))
    .filter((file) => !file.split(path.sep).some((part) => part.startsWith('_')))
    .map((file) => path.join(input, file))
    .sort();
}
