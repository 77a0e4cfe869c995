import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchiveCached } from '../src/build/build-archive-cached.ts';
import type { SourceFile } from '../src/load/read-content.ts';
import { type ArchiveResult, buildArchive } from '../src/pipeline/build-archive.ts';
import type { RecordKind } from '../src/schema/index.ts';

const source = (path: string, kind: RecordKind, text: string): SourceFile => ({
  path,
  kind,
  bytes: new TextEncoder().encode(text),
});

// The same spelling, accepted as a variant in one article and still awaiting a decision in another.
const article = (decision: string) =>
  '---\ntitle: Trip\npublished: 2018-06\nadded: 2026-11-22\nsource: { reference: fixture }\nlanguage: en\nsummary: A trip.\n' +
  `proposals:\n  - { spelling: Tan Chengxun, variantOf: tan-chengxu, decision: ${decision}, quote: "Mayor Tan Chengxun met", line: 1, column: 7 }\n` +
  '---\nMayor Tan Chengxun met the ambassador.\n';
const sources = [
  source(
    'content/officials/tan-chengxu.md',
    'official',
    '---\nname: Tan Chengxu\nroles:\n  - { title: Mayor, source: accepted }\n---\n',
  ),
  source('content/articles/accepted.md', 'article', article('accepted')),
  source('content/articles/pending.md', 'article', article('pending')),
];

const linked =
  '<p>Mayor <a href="/officials/tan-chengxu/" class="mention mention-official">Tan Chengxun</a> met the ambassador.</p>';
const messagesOf = (result: ArchiveResult) => result.files.map((file) => [file.path, ...file.messages.map(String)]);

describe('the cached build and the one-thread build', () => {
  it('should link a spelling that another article accepted, in an article where it still awaits a decision', () => {
    const { archive, files } = buildArchive(sources);
    expect(archive?.bodies.get('article:pending')?.html).toBe(linked);
    expect(files.find((file) => file.path === 'content/articles/pending.md')?.messages.map((m) => m.ruleId)).toEqual([
      'needs-review',
    ]);
  });

  it('should render and report exactly as the one-thread build, since both run the same passes', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'archive-builders-'));
    const pure = buildArchive(sources);
    for (const run of ['cold', 'warm']) {
      const cached = await buildArchiveCached(sources, { cacheDir, version: 'v1', workers: 0 });
      expect([run, [...(cached.archive?.bodies ?? [])]]).toEqual([run, [...(pure.archive?.bodies ?? [])]]);
      expect(messagesOf(cached)).toEqual(messagesOf(pure));
    }
  });
});
