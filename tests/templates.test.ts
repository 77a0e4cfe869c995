import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/load/read-content.ts';
import { type Archive, buildArchive } from '../src/pipeline/build-archive.ts';
import { archivePlugin } from '../src/site/eleventy-plugin.ts';
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
    config: (config) => archivePlugin(config, { archive, siteUrl: 'https://news.example.gov' }),
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
