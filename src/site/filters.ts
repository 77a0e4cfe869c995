/** Longest `<title>` we emit; longer ones are cut by search engines and fail html-validate's `long-title`. */
export const MAX_TITLE_LENGTH = 70;

const ESCAPED_LENGTH: Readonly<Record<string, number>> = { '"': 6, '&': 5, '<': 4, '>': 4, "'": 5 };

// The limit applies to the title as written in the HTML source, entities included.
function htmlLength(text: string): number {
  let length = 0;
  for (const character of text) length += ESCAPED_LENGTH[character] ?? 1;
  return length;
}

/**
 * The document title: "Page · Site" when it fits, else the page title alone, shortened at a word
 * boundary with an ellipsis. The full title is always in the page's `<h1>`.
 */
export function documentTitle(pageTitle: string, siteTitle: string): string {
  if (pageTitle === siteTitle) return siteTitle;
  const withSite = `${pageTitle} · ${siteTitle}`;
  if (htmlLength(withSite) <= MAX_TITLE_LENGTH) return withSite;
  if (htmlLength(pageTitle) <= MAX_TITLE_LENGTH) return pageTitle;
  const words = pageTitle.split(' ');
  while (words.length > 1 && htmlLength(`${words.join(' ')}…`) > MAX_TITLE_LENGTH) words.pop();
  const shortened = words.join(' ').replace(/[\s,.;:–-]+$/, '');
  return htmlLength(`${shortened}…`) <= MAX_TITLE_LENGTH ? `${shortened}…` : `${[...shortened].slice(0, 40).join('')}…`;
}
