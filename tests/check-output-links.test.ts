import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/write-corpus.ts';
import { buildSite } from '../src/cli/build-site.ts';
import { findBrokenLinks, LinkBook, stillBroken } from '../src/cli/check-output-links.ts';
import { LinkScan } from '../src/cli/link-scan.ts';
import type { KeptPaths } from '../src/cli/update-in-place.ts';
import { readContent } from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';

/** A built site: file path → content. */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'archive-links-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

describe('the output link check', () => {
  const files = {
    'index.html': '<a href="/archive/officials/a/">A</a> <a href="/archive/officials/gone/">Gone</a>',
    'officials/a/index.html': '<link href="/archive/assets/style.css"><a href="/archive/?q=a&amp;b">Home</a>',
    'assets/style.css': '',
    'search/index.html':
      '<script src="/archive/pagefind/pagefind-ui.js"></script><a href="https://example.org/">out</a>',
  };

  it('should find every internal link without a target, under the path prefix, and nothing else', async () => {
    const root = site(files);
    expect(await findBrokenLinks(root, '/archive/')).toEqual([
      { page: 'index.html', href: '/archive/officials/gone/' },
      { page: 'search/index.html', href: '/archive/pagefind/pagefind-ui.js' },
    ]);
    // Built for another prefix, every internal link misses.
    expect(await findBrokenLinks(root, '/')).toHaveLength(5);
  });

  it('should report a broken link on every page that has it, as the link reads once decoded', async () => {
    // Each link is looked up once: the second page's is the first's answer, not a miss forgotten.
    const link = '<a href="/gone/?a=1&amp;b=2">gone</a> <a href="/here/">here</a>';
    const root = site({ 'a/index.html': link, 'b/index.html': `${link} ${link}`, 'here/index.html': '' });
    const broken = { href: '/gone/?a=1&b=2' };
    expect(await findBrokenLinks(root, '/')).toEqual([
      { page: 'a/index.html', ...broken },
      { page: 'b/index.html', ...broken },
      { page: 'b/index.html', ...broken },
    ]);
  });

  it('should read only the pages it is given, when given some', async () => {
    const root = site(files);
    const pages = [path.join(root, 'search/index.html'), path.join(root, 'officials/a/index.html')];
    const broken = await findBrokenLinks(root, '/archive/', pages);
    expect(broken).toEqual([{ page: 'search/index.html', href: '/archive/pagefind/pagefind-ui.js' }]);
  });

  it('should report a link whose percent-encoding is not UTF-8 as broken, with its page, rather than throw', async () => {
    const root = site({ 'index.html': '<a href="/%E0%A4%A8%E0%A4">a</a> <img src="/assets/%zz.png">' });
    const broken = [
      { page: 'index.html', href: '/%E0%A4%A8%E0%A4' },
      { page: 'index.html', href: '/assets/%zz.png' },
    ];
    expect(await findBrokenLinks(root, '/')).toEqual(broken);
    expect(stillBroken(root, '/', broken)).toEqual(broken);
  });

  it('should judge again, once they are written, links into files that were still being written', async () => {
    const root = site(files);
    const broken = await findBrokenLinks(root, '/archive/');
    mkdirSync(path.join(root, 'pagefind'));
    writeFileSync(path.join(root, 'pagefind/pagefind-ui.js'), '');
    expect(stillBroken(root, '/archive/', broken)).toEqual([{ page: 'index.html', href: '/archive/officials/gone/' }]);
  });
});

describe('the output link check of a site updated in place', () => {
  const previous = site({ 'officials/a/index.html': 'A', 'officials/b/index.html': 'B' });
  const next = site({
    'index.html':
      '<a href="/officials/a/">A</a> <a href="/officials/b/">B</a> <a href="/officials/c/">C</a> <a href="/new/">N</a>',
    'new/index.html': 'N',
  });
  const keptOfficials: KeptPaths = {
    has: (relative) => relative.startsWith('officials/'),
    keepsWhole: () => false,
    dropped: () => [],
  };

  it('should look a link to a kept page up in the previous site', async () => {
    const kept = { output: previous, files: keptOfficials };
    expect(await findBrokenLinks(next, '/', undefined, kept)).toEqual([{ page: 'index.html', href: '/officials/c/' }]);
  });

  it('should take a kept page found while the build loaded as there, and look the others up', async () => {
    // "c" was found while the build loaded, so it is not looked up again; "b" was not, and is.
    const found = new Set(['officials/a/index.html', 'officials/c/index.html']);
    const kept = { output: previous, files: keptOfficials, found };
    expect(await findBrokenLinks(next, '/', undefined, kept)).toEqual([]);
    const gone = { output: site({}), files: keptOfficials, found };
    expect(await findBrokenLinks(next, '/', undefined, gone)).toEqual([{ page: 'index.html', href: '/officials/b/' }]);
  });
});

describe('the output link check of a site built in several runs', () => {
  it('should judge a link to a page not written yet once all are, not when it is read', () => {
    const root = site({
      'articles/a/index.html': '<a href="/officials/li/">Li</a> <a href="/officials/gone/">Gone</a>',
    });
    const book = new LinkBook(root, '/');
    book.read(path.join(root, 'articles/a/index.html'));
    mkdirSync(path.join(root, 'officials/li'), { recursive: true });
    writeFileSync(path.join(root, 'officials/li/index.html'), '<a href="/officials/gone/">Gone</a>');
    book.read(path.join(root, 'officials/li/index.html'));
    expect(book.broken()).toEqual([
      { page: 'articles/a/index.html', href: '/officials/gone/' },
      { page: 'officials/li/index.html', href: '/officials/gone/' },
    ]);
  });

  it("should read each run's pages on a thread of its own, and answer for them all at the end", async () => {
    const root = site({
      'articles/a/index.html':
        '<a href="/officials/li/">Li</a> <a href="/officials/gone/">Gone</a> <a href="/articles/b/">B</a>',
      'articles/b/index.html': '<a href="/officials/gone/">Gone</a>',
      'officials/li/index.html': '<a href="/articles/c/">C</a> <a href="/articles/a/">A</a>',
    });
    const scan = new LinkScan(root, '/');
    try {
      const [a, b, li] = ['articles/a/index.html', 'articles/b/index.html', 'officials/li/index.html'];
      // The first run's pages, and a file that is not a page; then every page, as the build ends.
      scan.read([path.join(root, a), path.join(root, b), path.join(root, 'feed.xml')]);
      expect(await scan.finish([a, b, li].map((page) => path.join(root, page)))).toEqual([
        { page: a, href: '/officials/gone/' },
        { page: b, href: '/officials/gone/' },
        { page: li, href: '/articles/c/' },
      ]);
    } finally {
      await scan.close();
    }
  });

  it('should fail with the reason when its thread cannot read a page, not wait for good', async () => {
    const root = site({ 'articles/a/index.html': '<a href="/articles/a/">A</a>' });
    const scan = new LinkScan(root, '/');
    try {
      await expect(scan.finish([path.join(root, 'articles/gone/index.html')])).rejects.toThrow(
        /ENOENT.*articles\/gone\/index\.html/,
      );
    } finally {
      await scan.close();
    }
  });

  it('should refuse a site built whole with a link to a page it does not have, naming the page', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-links-build-'));
    const content = path.join(work, 'content');
    await writeCorpus(content, { articles: 24, seed: 6 });
    const article = readdirSync(path.join(content, 'articles')).sort()[0] ?? '';
    const file = path.join(content, 'articles', article);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nSee [the other report](/articles/no-such-report/).\n`);
    const archive = buildArchive(await readContent(content, work)).archive;
    if (!archive) throw new Error('the corpus must be valid');
    const output = path.join(work, 'site');
    // Several shards, so that the records' runs wait for Pagefind and the scan starts with them.
    const built = buildSite({
      archive,
      output,
      renderBatchPages: 10,
      searchShardPages: 20,
      incremental: { codeVersion: 'c1' },
    });
    const page = `articles/${article.replace(/\.md$/, '')}/index.html`;
    await expect(built).rejects.toThrow(
      new RegExp(`^1 internal links have no target:\\n  ${page}: /articles/no-such-report/$`),
    );
    expect(existsSync(output)).toBe(false);
  }, 120_000);
});
