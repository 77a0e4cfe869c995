import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/cli/build-site.ts';
import { readContent } from '../src/load/read-content.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(mkdtempSync(path.join(tmpdir(), 'archive-html-')), '_site');

beforeAll(async () => {
  const { archive } = buildArchive(await readContent(path.join(root, 'content'), root));
  if (!archive) throw new Error('shipped content must be valid');
  await buildSite({ archive, output });
}, 120_000);

describe('html-validate', () => {
  it('should find no error on any built page with html-validate:recommended', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const pages = readdirSync(output, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(90);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(path.join(output, page));
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
