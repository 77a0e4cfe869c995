import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../src/parse/markdown.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import { createBodyRenderer } from '../src/render/render-body.ts';

// Policy (docs/security.md): raw HTML and unsafe links are refused with a message, and whatever
// reaches the renderer is sanitized as well. Each case checks both layers, so removing either fails it.

const FRONT_MATTER = '---\nname: Council\nkind: commission\n---\n';
/** The body starts on this line of the file. */
const BODY_LINE = 5;

type Expected = readonly [rule: string, line: number, column: number];

const HOSTILE: readonly (readonly [string, string, Expected])[] = [
  ['a script element', '<script>alert(1)</script>', ['raw-html', 5, 1]],
  ['an inline script element', 'Text <script>alert(1)</script> text', ['raw-html', 5, 6]],
  ['an iframe', '<iframe src="https://evil.example/"></iframe>', ['raw-html', 5, 1]],
  ['an onerror attribute', 'An <img src=x onerror="alert(1)"> image.', ['raw-html', 5, 4]],
  ['a style attribute', '<p style="position:fixed;inset:0">Cover</p>', ['raw-html', 5, 1]],
  ['a style element', '<style>body{display:none}</style>', ['raw-html', 5, 1]],
  ['an HTML javascript: link', '<a href="javascript:alert(1)">x</a>', ['raw-html', 5, 1]],
  ['SVG with a script', '<svg><script>alert(1)</script></svg>', ['raw-html', 5, 1]],
  ['SVG with an onload attribute', '<svg onload="alert(1)"/>', ['raw-html', 5, 1]],
  ['an object element', '<object data="evil.swf"></object>', ['raw-html', 5, 1]],
  ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', ['raw-html', 5, 1]],
  ['a base element', '<base href="https://evil.example/">', ['raw-html', 5, 1]],
  ['a form', '<form action="https://evil.example/"><input name="password"></form>', ['raw-html', 5, 1]],
  ['an HTML comment', 'Before <!-- hidden --> after', ['raw-html', 5, 8]],
  ['a javascript: link', '[x](javascript:alert(1))', ['unsafe-link', 5, 1]],
  ['a mixed-case javascript: link', 'See [x](JaVaScRiPt:alert(1)).', ['unsafe-link', 5, 5]],
  ['a javascript: link with an encoded tab', '[x](java&#x09;script:alert(1))', ['unsafe-link', 5, 1]],
  ['a javascript: link with leading spaces', '[x](<  javascript:alert(1)>)', ['unsafe-link', 5, 1]],
  ['a javascript: autolink', '<javascript:alert(1)>', ['unsafe-link', 5, 1]],
  ['a javascript: link definition', '[x][evil]\n\n[evil]: javascript:alert(1)', ['unsafe-link', 7, 1]],
  ['a vbscript: link', '[x](vbscript:msgbox(1))', ['unsafe-link', 5, 1]],
  ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', ['unsafe-link', 5, 1]],
  ['a file: link', '[x](file:///etc/passwd)', ['unsafe-link', 5, 1]],
  ['a data: image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)', ['unsafe-link', 5, 1]],
  ['an image from another site', '![x](https://tracker.example/pixel.png)', ['unsafe-link', 5, 1]],
  ['a protocol-relative image', '![x](//tracker.example/pixel.png)', ['unsafe-link', 5, 1]],
  [
    'an image definition from another site',
    '![x][pixel]\n\n[pixel]: https://tracker.example/p.png',
    ['unsafe-link', 7, 1],
  ],
  ['a record link that is a path', '[x](official:../../etc)', ['invalid-slug', 5, 1]],
];

/** Markup that would run script, restyle the page or leave the site, as found in rendered HTML. */
function dangersIn(html: string): string[] {
  const dangers: string[] = [];
  for (const match of html.matchAll(/<(script|iframe|object|embed|svg|math|style|form|meta|base|link|frame)\b/gi)) {
    dangers.push(`element <${match[1]}>`);
  }
  for (const match of html.matchAll(/\s(on[a-z]+|style)\s*=/gi)) dangers.push(`attribute ${match[1]}`);
  for (const match of html.matchAll(/\s(href|src|action|formaction|poster|srcset)="([^"]*)"/gi)) {
    // Browsers ignore tabs and newlines in a scheme, so test without them.
    const value = (match[2] ?? '').replace(/&#x([0-9a-f]+);/gi, (_, hex) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip leading control characters too.
    if (/^[\s\0-\x1f]*(javascript|vbscript|data|file):/i.test(value.replace(/[\t\n\r]/g, ''))) {
      dangers.push(`${match[1]}="${value}"`);
    }
    if (match[1] === 'src' && !/^\/(?![\\/])/.test(value)) dangers.push(`src from elsewhere: ${value}`);
  }
  return dangers;
}

const render = createBodyRenderer({
  names: new Map(),
  slugs: { article: [], event: [], official: [], place: [], organisation: [], document: [] },
  hrefFor: ({ kind, slug }) => `/${kind}s/${slug}/`,
});

/** The messages a body gets through the whole pipeline, and what the renderer makes of it anyway. */
function process(markdown: string) {
  const text = FRONT_MATTER + markdown;
  const { files } = buildArchive([
    { path: 'content/organisations/council.md', kind: 'organisation', bytes: new TextEncoder().encode(text) },
  ]);
  const messages = (files[0]?.messages ?? []).map((message) => [message.ruleId, message.line, message.column]);
  const file = new VFile({ path: 'council.md', value: text });
  const { html } = render(parseBody(file, FRONT_MATTER.length), file);
  return { messages, html };
}

describe('hostile Markdown', () => {
  it.each(HOSTILE)('should refuse %s at its place, and render none of it', (_, markdown, expected) => {
    const { messages, html } = process(markdown);
    // An inline element's opening and closing tags are reported one by one.
    expect(messages[0]).toEqual(expected);
    expect(messages.filter((message) => message[0] !== expected[0])).toEqual([]);
    expect(expected[1]).toBeGreaterThanOrEqual(BODY_LINE);
    expect(dangersIn(html)).toEqual([]);
  });

  it.each([
    [
      'a web link',
      '[the plan](https://example.gov/plan?id=1&page=2)',
      'href="https://example.gov/plan?id=1&#x26;page=2"',
    ],
    ['an e-mail link', '[press office](mailto:press@example.gov)', 'href="mailto:press@example.gov"'],
    ['a link to a page of the site', '[all articles](/articles/)', 'href="/articles/"'],
    ['a link to a heading', '[top](#top)', 'href="#top"'],
    ['an image of the site', '![map](/assets/map.png)', 'src="/assets/map.png"'],
    ['emphasis', '**Strong** and _emphasis_', '<strong>Strong</strong> and <em>emphasis</em>'],
    [
      'text that looks like markup',
      'Use 5 &lt; 6 and a < b > c & "quotes"',
      'Use 5 &#x3C; 6 and a &#x3C; b > c &#x26; "quotes"',
    ],
  ])('should keep %s', (_, markdown, rendered) => {
    const { messages, html } = process(markdown);
    expect(messages).toEqual([]);
    expect(html).toContain(rendered);
    expect(dangersIn(html)).toEqual([]);
  });

  it('should see the dangers it looks for', () => {
    // The detector must be able to fail, or the table above proves nothing.
    expect(
      dangersIn('<p style="x"><a href="java&#x9;script:x" onclick="y">a</a><img src="https://e.x/p.png"><svg>'),
    ).toEqual([
      'element <svg>',
      'attribute style',
      'attribute onclick',
      'href="java\tscript:x"',
      'src from elsewhere: https://e.x/p.png',
    ]);
  });
});
