import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/cli/build-site.ts';
import { readContent } from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import { CONTENT_SECURITY_POLICY } from '../src/site/security-headers.ts';
import { atomText } from './helpers/atom.ts';
import { FIXTURES } from './helpers/fixtures.ts';
import { parseHeadersFile } from './helpers/static-server.ts';
import { parseSvg } from './helpers/svg.ts';

// Titles and names full of markup (tests/fixtures/hostile) must come out as text in every output.
// Each output format is one row of OUTPUTS; a new format (a feed, a sitemap, search metadata) is one more row.

const content = path.join(FIXTURES, 'hostile/content');
const output = path.join(mkdtempSync(path.join(tmpdir(), 'archive-hostile-')), '_site');

/** The names and titles of the hostile records, exactly as written in their front matter. */
const NAMES = {
  article: 'Visit of "Tan" & <Co> </title><script>window.__pwned=1</script>',
  official: `Tan <script>window.__pwned=1</script> & "Chengxu" 'Jr'`,
  city: 'Dalian <svg onload=window.__pwned=1> & "Port" City',
  organisation: 'Council <img src=x onerror="window.__pwned=1"> & Co',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax that must stay text.
  document: 'Plan {{ 7 * 7 }} <b>bold</b> ${7 * 7}',
  event: 'Visit </script><script>window.__pwned=1</script><!--',
};

/** Markup from the names that must never appear unescaped in any file. */
const RAW_MARKUP = ['<script>window', '<svg onload', '<img src=x', '<b>bold', '<em>tags', '<Co>', '<!--"', 'Plan 49'];

interface Output {
  /** Files of this format in the built site, relative to it. */
  readonly files: (all: readonly string[]) => string[];
  /** Problems in one file's text; empty when every name is text. */
  readonly check: (text: string, file: string) => string[];
}

const jsonLdBlocks = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');

/** Problems a strict XML parser finds: a feed or sitemap a reader would have to repair is broken. */
function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problems.push(`XML ${level}: ${message}`);
    },
  });
  try {
    parser.parseFromString(text, 'application/xml');
  } catch (error) {
    problems.push(`XML does not parse: ${String(error)}`);
  }
  return problems;
}

/** The text of every `tag` element of an XML file. */
const xmlText = (text: string, tag: string) => xmlElements(text, tag).map((node) => node.textContent ?? '');
const xmlElements = (text: string, tag: string) =>
  Array.from(new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName(tag));
/** The text of every `title` of an Atom feed, as a reader shows it. */
const atomTitles = (text: string) => xmlElements(text, 'title').map((node) => atomText(node));

/** A Pagefind index fragment: the text, metadata and filters it stores for one page. */
const fragment = (file: string) =>
  JSON.parse(
    gunzipSync(readFileSync(path.join(output, file)))
      .toString()
      .replace(/^pagefind_dcd/, ''),
  );

const OUTPUTS: Readonly<Record<string, Output>> = {
  'HTML pages': {
    files: (all) => all.filter((file) => file.endsWith('.html')),
    check: (html) => {
      // Scripts are JSON-LD data blocks, or files of the site (search); never inline code.
      const files = html.match(/<script src="\/[^"]*" defer><\/script>/g)?.length ?? 0;
      const scripts = (html.match(/<script\b/g)?.length ?? 0) - files;
      const problems = RAW_MARKUP.filter((markup) => html.includes(markup)).map((markup) => `raw ${markup}`);
      return scripts === jsonLdBlocks(html).length ? problems : [...problems, `${scripts} script elements`];
    },
  },
  'JSON-LD': {
    files: (all) => all.filter((file) => file.endsWith('.html')),
    check: (html) =>
      jsonLdBlocks(html).flatMap((block) => {
        // Inside <script>, only `<` could end the element early, and it must not appear at all.
        const problems = /[<>]/.test(block) ? ['< or > in JSON-LD'] : [];
        try {
          JSON.parse(block);
          return problems;
        } catch (error) {
          return [...problems, `JSON-LD does not parse: ${String(error)}`];
        }
      }),
  },
  'inline SVG': {
    files: (all) => all.filter((file) => file.endsWith('.html')),
    check: (html) =>
      [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].flatMap((match) => {
        try {
          parseSvg(match[0]);
          return [];
        } catch (error) {
          return [`SVG is not well-formed: ${String(error)}`];
        }
      }),
  },
  'Atom feeds': {
    files: (all) => all.filter((file) => file.endsWith('feed.xml')),
    check: (xml) => [
      ...xmlProblems(xml),
      ...RAW_MARKUP.filter((markup) => xml.includes(markup)).map((markup) => `raw ${markup}`),
    ],
  },
  sitemap: {
    files: (all) => all.filter((file) => file === 'sitemap.xml'),
    check: (xml) => xmlProblems(xml),
  },
  'search index': {
    files: (all) => all.filter((file) => file.endsWith('.pf_fragment')),
    check: (_, file) => {
      // Pagefind stores text, not markup: a name's tags stay characters, template syntax is not run.
      const text = JSON.stringify(fragment(file));
      return text.includes('Plan 49') ? ['template syntax ran'] : [];
    },
  },
  'search filters': {
    files: (all) => all.filter((file) => file.endsWith('.pf_fragment')),
    check: (_, file) => {
      // Pagefind's UI inserts a filter value with innerHTML: without `<`, it cannot make an element.
      const filters: Record<string, string[]> = fragment(file).filters;
      return Object.values(filters)
        .flat()
        .filter((value) => /[<>]/.test(value))
        .map((value) => `markup in filter value ${value}`);
    },
  },
  'JSON Feed': {
    files: (all) => all.filter((file) => file === 'feed.json'),
    check: (json) => (JSON.stringify(JSON.parse(json)).includes('Plan 49') ? ['template syntax ran'] : []),
  },
  'open data': {
    files: (all) => all.filter((file) => file.startsWith('data/') && file.endsWith('.json')),
    check: (json) => {
      const text = JSON.stringify(JSON.parse(json));
      return RAW_MARKUP.filter((markup) => markup === 'Plan 49' && text.includes(markup));
    },
  },
};

let files: string[];
const read = (file: string) => readFileSync(path.join(output, file), 'utf8');

beforeAll(async () => {
  const { archive } = buildArchive(await readContent(content, FIXTURES));
  if (!archive) throw new Error('the hostile fixture must be valid content');
  await buildSite({ archive, output });
  files = readdirSync(output, { recursive: true, encoding: 'utf8' }).sort();
}, 120_000);

describe('names and titles with markup in them', () => {
  it.each(Object.entries(OUTPUTS))('should stay text in %s', (_, format) => {
    const checked = format.files(files);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.flatMap((file) => format.check(read(file), file).map((problem) => `${file}: ${problem}`))).toEqual(
      [],
    );
  });

  it('should keep every name exactly, as data', () => {
    const jsonLd = (url: string) => JSON.parse(jsonLdBlocks(read(`${url}index.html`))[0] ?? '{}');
    expect(jsonLd('articles/visit/').headline).toBe(NAMES.article);
    expect(jsonLd('officials/tan-chengxu/').name).toBe(NAMES.official);
    expect(jsonLd('cities/dalian/').name).toBe(NAMES.city);
    expect(jsonLd('organisations/council/').name).toBe(NAMES.organisation);
    expect(jsonLd('documents/plan/').name).toBe(NAMES.document);
    expect(jsonLd('events/visit/').name).toBe(NAMES.event);
    const officials = JSON.parse(read('data/officials.json'));
    expect(officials[0]).toMatchObject({ name: NAMES.official });
  });

  it('should keep every name exactly in feeds and the search index', () => {
    expect(atomTitles(read('feed.xml'))).toContain(NAMES.article);
    expect(JSON.parse(read('feed.json')).items[0].title).toBe(NAMES.article);
    expect(xmlText(read('officials/tan-chengxu/feed.xml'), 'title')[0]).toContain(`Articles naming ${NAMES.official}`);
    expect(xmlText(read('cities/dalian/feed.xml'), 'title')[0]).toContain(`Articles about ${NAMES.city}`);
    expect(xmlText(read('events/visit/feed.xml'), 'title')[0]).toContain(`Articles reporting ${NAMES.event}`);
    const article = files
      .filter((file) => file.endsWith('.pf_fragment'))
      .map(fragment)
      .find((entry) => entry.url === '/articles/visit/');
    expect(article.meta.title).toBe(NAMES.article);
    // Filter values are HTML to Pagefind's UI: the name escaped once shows exactly as the name.
    expect(article.filters.official).toEqual([
      'Tan &lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; &quot;Chengxu&quot; &#39;Jr&#39;',
    ]);
    expect(article.filters.city).toEqual(['Dalian &lt;svg onload=window.__pwned=1&gt; &amp; &quot;Port&quot; City']);
  });

  it('should escape the HTML of an article once inside its feed entry', () => {
    // The body's text `5 < 6 & <b>` is escaped by the HTML renderer, then once more as Atom text.
    const [content] = xmlText(read('feed.xml'), 'content');
    expect(content).toContain('5 &#x3C; 6 &#x26; &#x3C;b>');
    expect(content).not.toContain('<b>');
  });

  it('should escape a name in HTML text and attributes', () => {
    const html = read('officials/tan-chengxu/index.html');
    const escaped = NAMES.official.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(html).toContain(`<h1>${escaped.replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</h1>`);
    expect(html).toMatch(
      /<meta property="og:title" content="Tan &lt;script&gt;window.__pwned=1&lt;\/script&gt; &amp; &quot;Chengxu&quot;/,
    );
  });

  it('should not run template syntax in content', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax that must stay text.
    expect(read('documents/plan/index.html')).toContain('Plan {{ 7 * 7 }} &lt;b&gt;bold&lt;/b&gt; ${7 * 7}');
  });
});

describe('security headers', () => {
  it('should publish a _headers file whose policy allows no inline script', () => {
    const rules = parseHeadersFile(read('_headers'));
    expect(rules.map((rule) => rule.pattern)).toEqual(['/*']);
    const headers = new Map(rules[0]?.headers);
    expect(headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });
});
