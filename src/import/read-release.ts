import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** A release's parts, as the input gives them, and how to find a body offset in the input file. */
export interface Release {
  readonly format: 'text' | 'html';
  readonly title: string;
  /** The body: paragraphs separated by a blank line, each word for word as the source has it. */
  readonly body: string;
  /** The page's publication date (`YYYY-MM-DD`), when its metadata or text states it. */
  readonly published?: string;
  /** The page's own address (canonical link or `og:url`). */
  readonly url?: string;
  /** The offset in the input file of the body's character at `offset`, for line and column. */
  readonly locate: (offset: number, length: number) => number;
}

const HTML_START = /^\s*(?:<!doctype html|<html|<head|<body|<meta|<!--)/i;

/** Reads a release in the seed format (first line the title, then the body) or a saved HTML page. */
export function readRelease(text: string): Release {
  return HTML_START.test(text) ? readHtml(text) : readSeedText(text);
}

function readSeedText(text: string): Release {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const newline = text.indexOf('\n', bom);
  const firstLine = newline === -1 ? text.slice(bom) : text.slice(bom, newline);
  const rest = newline === -1 ? '' : text.slice(newline + 1);
  // The body starts at its first character: blank lines after the title are not part of it.
  const lead = /^\s*/.exec(rest)?.[0].length ?? 0;
  const bodyOffset = newline + 1 + lead;
  const body = rest.slice(lead).replace(/\s+$/, '');
  const date = /^Date:\s*(\d{4}-\d{2}-\d{2})\s*$/m.exec(body)?.[1];
  return {
    format: 'text',
    title: firstLine.replace(/\r$/, '').trim(),
    body,
    ...(date === undefined ? {} : { published: date }),
    locate: (offset) => bodyOffset + offset,
  };
}

// Meta names that give the publication date, compared without case ("PubDate", "pubdate").
const DATE_META = [
  'article:published_time',
  'date',
  'dc.date',
  'dcterms.date',
  'publishdate',
  'pubdate',
  'datepublished',
];
// A page stamp: "Date: 2019-06-22", or a date with its time ("2019-09-18 16:05").
const TEXT_DATE = /\bDate:\s*(\d{4}-\d{2}-\d{2})\b|\b(\d{4}-\d{2}-\d{2})\s+\d{1,2}:\d{2}\b/;

/** The content of the first meta element whose name, property or itemprop is one of `names`, without case. */
function metaContent(document: ReturnType<typeof parseHTML>['document'], names: readonly string[]): string | undefined {
  const metas = [...document.querySelectorAll('meta')].map((meta) => ({
    key: (
      meta.getAttribute('name') ??
      meta.getAttribute('property') ??
      meta.getAttribute('itemprop') ??
      ''
    ).toLowerCase(),
    content: meta.getAttribute('content')?.trim(),
  }));
  return names.map((name) => metas.find((meta) => meta.key === name && meta.content)?.content).find(Boolean);
}

function readHtml(html: string): Release {
  const { document } = parseHTML(html);
  const attribute = (selector: string, name: string) =>
    document.querySelector(selector)?.getAttribute(name)?.trim() || undefined;
  const metaDate = metaContent(document, DATE_META) ?? attribute('time[datetime]', 'datetime');
  const url = attribute('link[rel="canonical"]', 'href') ?? attribute('meta[property="og:url"]', 'content');
  const heading = document.querySelector('h1')?.textContent?.trim();
  const ogTitle = attribute('meta[property="og:title"]', 'content');
  // Readability changes the document it reads, so the metadata above is taken first.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  const content = parseHTML(`<html><body>${article?.content ?? ''}</body></html>`).document;
  const paragraphs = [...content.querySelectorAll('p')]
    .map((paragraph) => (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
  const stamp = TEXT_DATE.exec(document.body?.textContent ?? html);
  const textDate = stamp?.[1] ?? stamp?.[2];
  const published = (metaDate ?? textDate ?? article?.publishedTime ?? '').match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  const body = paragraphs.filter((paragraph) => !/^Date:\s*\d{4}-\d{2}-\d{2}$/.test(paragraph)).join('\n\n');
  const title = heading ?? ogTitle ?? article?.title ?? '';
  return {
    format: 'html',
    title: title.replace(/\s+/g, ' ').trim(),
    body,
    ...(published === undefined ? {} : { published }),
    ...(url === undefined ? {} : { url }),
    locate: locateInHtml(html, paragraphs),
  };
}

// A body offset's place in the HTML file: the same words, searched for from the start of the
// paragraph they are in (the HTML may break lines and escape characters differently).
function locateInHtml(html: string, paragraphs: readonly string[]): (offset: number, length: number) => number {
  const starts: number[] = [];
  let at = 0;
  for (const paragraph of paragraphs) {
    starts.push(at);
    at += paragraph.length + 2;
  }
  return (offset, length) => {
    let index = starts.length - 1;
    while (index > 0 && (starts[index] ?? 0) > offset) index--;
    const paragraph = paragraphs[index] ?? '';
    const anchor = html.indexOf(paragraph.slice(0, 24));
    const words = paragraph.slice(offset - (starts[index] ?? 0), offset - (starts[index] ?? 0) + length);
    const found = html.indexOf(words, Math.max(0, anchor));
    return found === -1 ? Math.max(0, anchor) : found;
  };
}
