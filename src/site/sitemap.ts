import path from 'node:path';
import { escapeXml } from '../render/svg-escape.ts';
import { absoluteUrl, type PublishTarget } from './publish.ts';

/** A page Eleventy wrote: its URL, and the file it went to. */
export interface WrittenPage {
  readonly url: string | false;
  readonly outputPath: string | false;
}

/** Every file written, as an absolute path. */
export function writtenFiles(pages: readonly WrittenPage[]): string[] {
  return pages.flatMap((page) => (typeof page.outputPath === 'string' ? [path.resolve(page.outputPath)] : []));
}

/** Pages a search engine should list: every HTML page except the 404 page. */
export function listablePages(pages: readonly WrittenPage[]): string[] {
  const urls = pages.flatMap((page) =>
    typeof page.url === 'string' && typeof page.outputPath === 'string' && page.outputPath.endsWith('.html')
      ? [page.url]
      : [],
  );
  return [...new Set(urls)].filter((url) => url !== '/404.html').sort();
}

/** `sitemap.xml` text (sitemaps.org 0.9) for the given root-relative URLs. */
export function toSitemap(target: PublishTarget, urls: readonly string[]): string {
  const entries = urls.map((url) => `  <url><loc>${escapeXml(absoluteUrl(target, url))}</loc></url>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}
