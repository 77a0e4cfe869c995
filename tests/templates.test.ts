import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveBuildPlugin } from '../src/build/eleventy-build-plugin.ts';
import { readContent } from '../src/load/read-content.ts';
import { type Archive, buildArchive } from '../src/pipeline/build-archive.ts';
import { archivePlugin } from '../src/site/eleventy-plugin.ts';
import { PAGE_KIND_KEYS, pageKind } from '../src/site/page-kinds.ts';
import { FIXTURES } from './helpers/fixtures.ts';

const root = path.resolve(import.meta.dirname, '..');
let archive: Archive;

beforeAll(async () => {
  const result = buildArchive(await readContent(path.join(root, 'content'), root));
  if (!result.archive) throw new Error('shipped content must be valid');
  archive = result.archive;
});

/** Renders one fixture template folder with the project's Eleventy plugin and returns its HTML. */
async function render(name: string): Promise<string> {
  const output = mkdtempSync(path.join(tmpdir(), 'archive-template-'));
  const eleventy = new Eleventy(path.join(FIXTURES, 'templates', name), output, {
    quietMode: true,
    config: (config) => {
      archivePlugin(config, { siteUrl: 'https://news.example.gov' });
      archiveBuildPlugin(config, { archive, siteUrl: 'https://news.example.gov' });
    },
  });
  await eleventy.write();
  return readFileSync(path.join(output, 'index.html'), 'utf8');
}

describe('layout settings', () => {
  it('should fail the build on a missing field instead of rendering empty text', async () => {
    const error: unknown = await render('missing-field').catch((caught: unknown) => caught);
    const messages: string[] = [];
    for (
      let cause = error;
      cause instanceof Error;
      cause = cause.cause ?? (cause as { originalError?: unknown }).originalError
    ) {
      messages.push(cause.message);
    }
    expect(messages.join('\n')).toMatch(/attempted to output null or undefined value/);
  });

  it('should escape output by default', async () => {
    expect(await render('escaping')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>\n');
  });
});

describe('record page templates', () => {
  // An incremental build reuses a record page while its view-model is unchanged (render-plan.ts):
  // that holds only while record pages, and the includes they use, read nothing else of the site.
  it('should read their own view only, never the whole site', () => {
    const folder = (name: string) => path.join(root, 'layouts', name);
    const files = [
      ...readdirSync(folder('_includes')).map((file) => path.join(folder('_includes'), file)),
      ...readdirSync(folder('pages'))
        .map((file) => path.join(folder('pages'), file))
        .filter((file) => readFileSync(file, 'utf8').includes('data: recordPages.')),
    ];
    // One per page kind of the table, and no other.
    const layouts = files.filter((file) => file.includes(`pages${path.sep}`)).map((file) => path.basename(file));
    expect(layouts.sort()).toEqual(PAGE_KIND_KEYS.map((key) => pageKind(key).layout).sort());
    for (const file of files) {
      const uses = readFileSync(file, 'utf8').match(/\b(site|recordPages|searchBundles)\.\w+/g) ?? [];
      expect(
        uses.filter((use) => !use.startsWith('recordPages.')),
        file,
      ).toEqual([]);
    }
  });
});
