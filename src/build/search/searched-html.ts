// An element Pagefind is told to leave out of the index, by its opening tag.
const IGNORED = /<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/g;
// What Pagefind still reads inside a left-out element (filters, metadata, sorting), or may take as
// the page's title or image: such an element is kept whole.
const STILL_READ = /data-pagefind-(?:filter|meta|sort)|<h1\b|<img\b/;

/**
 * A page's HTML as far as Pagefind reads it: without the elements marked `data-pagefind-ignore`.
 * Two pages with the same searched HTML at the same URL give the same index entry, so a shard
 * whose pages changed only where Pagefind does not look (lists of related articles, of reports,
 * of participants) keeps its index. When in doubt (an element left open, one that still carries
 * something Pagefind reads) the element is kept, which can only cost a needless re-index.
 */
export function searchedHtml(html: string): string {
  let kept = '';
  let from = 0;
  const opening = new RegExp(IGNORED.source, 'g');
  for (let match = opening.exec(html); match !== null; match = opening.exec(html)) {
    const end = closingEnd(html, match[1] ?? '', opening.lastIndex);
    if (end === undefined) return html;
    if (STILL_READ.test(html.slice(match.index, end))) continue;
    kept += html.slice(from, match.index);
    from = end;
    opening.lastIndex = end;
  }
  return kept + html.slice(from);
}

/** Where the element whose opening tag ends at `start` ends, counting nested elements of its name. */
function closingEnd(html: string, tag: string, start: number): number | undefined {
  if (html[start - 2] === '/') return start;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 1;
  for (let match = tags.exec(html); match !== null; match = tags.exec(html)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return tags.lastIndex;
  }
  return undefined;
}
