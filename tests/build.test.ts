import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Eleventy, { type UserConfig } from '@11ty/eleventy';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveBuildPlugin, plannedBuild, prepareBuild } from '../src/build/index.ts';
import { recoverInterruptedSwap, writeAtomically } from '../src/cli/atomic-output.ts';
import { type BuiltSite, buildSite } from '../src/cli/build-site.ts';
import { readContent } from '../src/load/read-content.ts';
import { type Archive, buildArchive } from '../src/pipeline/build-archive.ts';
import { DEFAULT_SITE_URL, publishTarget } from '../src/site/publish.ts';
import { snapshotTree } from './helpers/tree.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const output = path.join(mkdtempSync(path.join(tmpdir(), 'archive-build-')), '_site');
let archive: Archive;
let built: BuiltSite;

const page = (url: string) => readFileSync(path.join(output, url, 'index.html'), 'utf8');

beforeAll(async () => {
  const result = buildArchive(await readContent(path.join(root, 'content'), root));
  if (!result.archive) throw new Error('shipped content must be valid');
  archive = result.archive;
  built = await buildSite({ archive, output });
}, 120_000);

/** Eleventy's configuration as `.eleventy.ts` and `add` make it, with every plugin run. */
async function configured(add?: (config: UserConfig) => void): Promise<UserConfig & { preprocessors: object }> {
  let seen: UserConfig | undefined;
  const eleventy = new Eleventy('layouts', mkdtempSync(path.join(tmpdir(), 'archive-config-')), {
    configPath: '.eleventy.ts',
    quietMode: true,
    config: (config) => {
      seen = config;
      add?.(config);
    },
  });
  await eleventy.init();
  if (seen === undefined) throw new Error('Eleventy ran no configuration callback');
  return seen as UserConfig & { preprocessors: object };
}

describe('the Eleventy runs of a build', () => {
  it('should be one that renders and finishes the site when its record pages fit in one batch', () => {
    expect(built.runs).toBe(1);
  });

  it('should cancel no template, as Eleventy runs it itself (npm start)', async () => {
    expect((await configured()).preprocessors).toEqual({});
  });

  it('should leave the other templates out of a run of record pages, through Eleventy ignores', async () => {
    // One record page a run: every run but the last renders record pages alone.
    const prepared = prepareBuild({
      archive,
      target: publishTarget(DEFAULT_SITE_URL),
      batchLimits: { pages: 1, bytes: 1 },
    });
    expect(prepared.runs.length).toBeGreaterThan(2);
    const run = async (index: number) =>
      configured((config) =>
        config.addPlugin(archiveBuildPlugin, {
          siteUrl: DEFAULT_SITE_URL,
          run: { build: plannedBuild(prepared, {}), index },
        }),
      );
    const [first, last] = [await run(0), await run(prepared.runs.length - 1)];
    for (const config of [first, last]) expect(config.preprocessors).toEqual({});
    const others = ['index.njk', 'search.njk', '404.njk', 'a-to-z-index.njk'].map((file) => `layouts/pages/${file}`);
    expect(others.filter((file) => first.ignores.has(file))).toEqual(others);
    expect(others.filter((file) => last.ignores.has(file))).toEqual([]);
    expect(first.ignores.has('layouts/pages/article.njk')).toBe(false);
  });
});

describe('the built site', () => {
  it('should give every record a page', () => {
    const expected = [
      ...[...archive.records.article.keys()].map((slug) => `/articles/${slug}/`),
      ...[...archive.records.event.keys()].map((slug) => `/events/${slug}/`),
      ...[...archive.records.official.keys()].map((slug) => `/officials/${slug}/`),
      ...[...archive.records.organisation.keys()].map((slug) => `/organisations/${slug}/`),
      ...[...archive.records.document.keys()].map((slug) => `/documents/${slug}/`),
      ...[...archive.records.place.values()].map(
        (place) => `/${place.data.kind === 'city' ? 'cities' : 'places'}/${place.slug}/`,
      ),
    ];
    expect(expected.filter((url) => !existsSync(path.join(output, url, 'index.html')))).toEqual([]);
  });

  it('should link an article to an official, and the official back to the article', () => {
    const article = '/articles/tan-chengxu-visits-huludao-and-jinzhou/';
    expect(page(article)).toContain('href="/officials/tan-chengxu/"');
    expect(page('/officials/tan-chengxu/')).toContain(`href="${article}"`);
  });

  it('should list an event on the pages of its participants and its city', () => {
    const event = 'href="/events/second-joint-conference-on-shanghai-dalian-counterpart-cooperation/"';
    expect(page('/officials/ying-yong/')).toContain(event);
    expect(page('/cities/shanghai/')).toContain(event);
  });

  it('should show an undated article as undated, and an inferred date as inferred', () => {
    expect(page('/articles/tan-chengxu-visits-huludao-and-jinzhou/')).toContain('Date not stated');
    const conference = page('/events/second-joint-conference-on-shanghai-dalian-counterpart-cooperation/');
    expect(conference).toContain('<time datetime="2018-06-20">20 June 2018</time>');
    expect(conference).toContain('<span class="badge">inferred</span>');
    expect(conference).toMatch(/Inferred: The article gives “June 20” without a year/);
  });

  it('should escape titles in HTML and in JSON-LD', () => {
    const html = page('/articles/tan-chengxu-visits-huludao-and-jinzhou/');
    expect(html).toContain('the &quot;three regions&quot; cities');
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(jsonLd)).toMatchObject({
      '@type': 'NewsArticle',
      headline: expect.stringContaining('"three regions"'),
    });
  });

  it('should answer every link: each page an article or event links to links back', () => {
    const sources = [
      ...[...archive.records.article.keys()].map((slug) => `/articles/${slug}/`),
      ...[...archive.records.event.keys()].map((slug) => `/events/${slug}/`),
    ];
    const unanswered: string[] = [];
    for (const source of sources) {
      const main = /<main[\s\S]*<\/main>/.exec(page(source))?.[0] ?? '';
      const targets = new Set(
        [
          ...main.matchAll(
            /href="(\/(?:articles|events|officials|cities|places|organisations|documents)\/[a-z0-9-]+\/)"/g,
          ),
        ].map((match) => match[1] ?? ''),
      );
      for (const target of targets) {
        if (target !== source && !page(target).includes(`href="${source}"`)) unanswered.push(`${source} → ${target}`);
      }
    }
    expect(unanswered).toEqual([]);
  });

  it('should publish every record kind as JSON, with a JSON Schema generated from the content schema', () => {
    const officials = JSON.parse(readFileSync(path.join(output, 'data/officials.json'), 'utf8'));
    expect(officials).toContainEqual(
      expect.objectContaining({
        id: 'tan-zuojun',
        url: 'http://localhost:8080/officials/tan-zuojun/',
        name: 'Tan Zuojun',
      }),
    );
    const schema = JSON.parse(readFileSync(path.join(output, 'schemas/event.schema.json'), 'utf8'));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.kind.enum).toContain('conference');
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'kind', 'date']));
  });

  it('should type structured data by record kind', () => {
    const jsonLd = (url: string) =>
      JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page(url))?.[1] ?? '{}');
    expect(jsonLd('/organisations/dalian-municipal-party-committee/')['@type']).toBe('GovernmentOrganization');
    expect(jsonLd('/organisations/shanghai-stock-exchange/')['@type']).toBe('Organization');
    expect(jsonLd('/cities/dalian/')).toMatchObject({
      '@type': 'City',
      containedInPlace: { name: 'Liaoning' },
      geo: { '@type': 'GeoCoordinates', latitude: 38.914 },
    });
    expect(jsonLd('/places/liaoning/')['@type']).toBe('Place');
  });

  it('should write a 404 page', () => {
    expect(readFileSync(path.join(output, '404.html'), 'utf8')).toContain('Page not found');
  });
});

describe('atomic output', () => {
  it('should remove the replaced site after the swap, and never bring back a half-removed one', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'archive-swap-'));
    const site = path.join(folder, '_site');
    const sibling = () => readdirSync(folder).filter((name) => name !== '_site');
    await writeAtomically(site, async (temporary) => {
      await mkdir(temporary);
      await writeFile(path.join(temporary, 'a'), '1');
      return undefined;
    });
    await writeAtomically(site, async (temporary) => {
      await mkdir(temporary);
      await writeFile(path.join(temporary, 'a'), '2');
      return undefined;
    });
    expect(readFileSync(path.join(site, 'a'), 'utf8')).toBe('2');
    // The old site goes in the background.
    await expect.poll(sibling, { timeout: 10_000 }).toEqual([]);

    // A removal cut short, and the output deleted by hand: the half-removed site is not restored.
    await mkdir(path.join(folder, '._site.removing-1-2'));
    await writeFile(path.join(folder, '._site.removing-1-2', 'a'), 'half');
    rmSync(site, { recursive: true });
    await recoverInterruptedSwap(site);
    expect(existsSync(site)).toBe(false);
    // Removed in the background too: a build does not wait for an earlier build's remover.
    await expect.poll(sibling, { timeout: 10_000 }).toEqual([]);
  });

  it('should leave the previous site byte for byte when a build fails half-way', async () => {
    const before = snapshotTree(output);
    const failing = writeAtomically(output, async (temporary) => {
      await mkdir(path.join(temporary, 'articles'), { recursive: true });
      await writeFile(path.join(temporary, 'index.html'), 'half-written');
      throw new Error('renderer crashed');
    });
    await expect(failing).rejects.toThrow('renderer crashed');
    expect(snapshotTree(output)).toEqual(before);
  });

  it('should refuse to build bad content, print the problem without a stack trace, and keep the site', async () => {
    const before = snapshotTree(output);
    const content = path.join(root, 'tests/fixtures/rules/unknown-reference/content');
    const failed = await run('npx', ['tsx', 'src/cli/build.ts', `--content=${content}`, `--output=${output}`], {
      cwd: root,
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stderr).toMatch(/conference\.md\n\s*8:11-8:34\s+error\s+Unknown event "second-joint-conferense"/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(output)).toEqual(before);
  }, 60_000);

  it('should refuse a number of search processes that is not a whole number, and say what to give', async () => {
    const before = snapshotTree(output);
    for (const given of ['0', 'two', '1.5']) {
      const failed = await run(
        'npx',
        ['tsx', 'src/cli/build.ts', `--output=${output}`, `--search-processes=${given}`],
        {
          cwd: root,
        },
      ).catch((error: { code: number; stderr: string }) => error);
      expect('code' in failed && failed.code).toBe(2);
      expect(failed.stderr).toContain(`--search-processes=${given} is not a whole number of 1 or more`);
    }
    expect(snapshotTree(output)).toEqual(before);
  }, 60_000);
});
