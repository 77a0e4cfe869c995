import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBaselines } from '../src/bench/baseline-builds.ts';
import { indexedPages } from '../src/build/search/search-index.ts';

const hugo = spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;

const articles = Array.from({ length: 20 }, (_, index) => ({
  slug: `article-${index}`,
  title: `Article ${index}`,
  body: `The minister met delegation number ${index} in the capital.\n\nA second paragraph, about trade.\n`,
}));

// Tiny real builds, so the peer cannot rot; their timings are printed by `npm run bench`, never asserted.
describe('the baseline builds, on 20 articles', () => {
  it('should build each generator followed by Pagefind over its output, then each alone', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'archive-baselines-'));
    const builds = [];
    for await (const build of buildBaselines(articles, work, { hugo })) builds.push(build);
    expect(builds.map((build) => build.run)).toEqual(
      hugo
        ? ['eleventy + pagefind', 'hugo + pagefind', 'eleventy baseline', 'hugo']
        : ['eleventy + pagefind', 'eleventy baseline'],
    );
    for (const build of builds) {
      const searched = build.run.endsWith('+ pagefind');
      // Hugo adds a home page and a list of the articles' section.
      expect(build.pages).toBe(build.run.startsWith('hugo') ? 22 : 20);
      expect(build.seconds).toBeGreaterThan(0);
      if (existsSync('/proc')) expect(build.peakTreeRss).toBeGreaterThan(0);
      // Pagefind ran inside the measured command, and indexed every article's body and nothing else.
      expect(build.stdout.includes('Running Pagefind')).toBe(searched);
      const bundle = path.join(build.site, 'pagefind');
      expect(existsSync(bundle)).toBe(searched);
      if (searched) expect(await indexedPages(bundle)).toBe(20);
      const page = readFileSync(path.join(build.site, 'articles', 'article-7', 'index.html'), 'utf8');
      expect(page).toContain('delegation number 7');
      expect(page.includes('<main data-pagefind-body>')).toBe(searched);
    }
  }, 120_000);
});
