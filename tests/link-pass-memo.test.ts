import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { buildArchiveCached } from '../src/build/build-archive-cached.ts';
import { readContent, type SourceFile } from '../src/load/read-content.ts';
import { type ArchiveResult, buildArchive } from '../src/pipeline/build-archive.ts';
import { FIXTURES, fixtureCases } from './helpers/fixtures.ts';

// Every message as a reader sees it, with whether it stops the build.
const messagesOf = (result: ArchiveResult) =>
  result.files.flatMap((file) => file.messages.map((message) => `${String(message)} ${message.fatal}`));
const memoOf = (cacheDir: string) => path.join(cacheDir, 'links', 'pass');
const build = (sources: readonly SourceFile[], cacheDir: string) =>
  buildArchiveCached(sources, { cacheDir, version: 'v1', workers: 0 });
const edited = (sources: readonly SourceFile[], file: string, edit: (text: string) => string): SourceFile[] =>
  sources.map((source) =>
    source.path.endsWith(file)
      ? { ...source, bytes: new TextEncoder().encode(edit(new TextDecoder().decode(source.bytes))) }
      : source,
  );

/** Reports `reason` for the first message the memo in `cacheDir` holds: it shows whether a build recalled it. */
function falsifyMemo(cacheDir: string, reason: string): void {
  const found = deserialize(readFileSync(memoOf(cacheDir))) as { messages: [string, { reason: string }[]][] };
  const [first] = found.messages[0]?.[1] ?? [];
  if (!first) throw new Error('the memo holds no message');
  first.reason = reason;
  writeFileSync(memoOf(cacheDir), serialize(found));
}

async function caseSources(name: string): Promise<SourceFile[]> {
  const caseDir = path.join(FIXTURES, 'rules', name);
  return readContent(path.join(caseDir, 'content'), caseDir);
}

describe('the link pass, recalled', () => {
  it.each(fixtureCases('rules'))(
    'should report %s as the one-thread build does, checked and then recalled',
    async (name) => {
      const sources = await caseSources(name);
      const cacheDir = mkdtempSync(path.join(tmpdir(), 'link-pass-memo-'));
      const pure = messagesOf(buildArchive(sources));
      const checked = await build(sources, cacheDir);
      const recalled = await build(sources, cacheDir);
      expect(messagesOf(checked)).toEqual(pure);
      expect(messagesOf(recalled)).toEqual(pure);
      expect(recalled.archive?.records).toEqual(checked.archive?.records);
      expect([...(recalled.archive?.bodies ?? [])]).toEqual([...(checked.archive?.bodies ?? [])]);
    },
  );

  it('should recall what it found while no front matter changes, an edit of a text included', async () => {
    const sources = await caseSources('duplicate-alias');
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'link-pass-memo-'));
    await build(sources, cacheDir);
    falsifyMemo(cacheDir, 'recalled, not checked');
    expect(messagesOf(await build(sources, cacheDir)).join('\n')).toContain('recalled, not checked');
    const text = edited(sources, 'dalian.md', (body) => `${body}Dalian is a port.\n`);
    expect(messagesOf(await build(text, cacheDir)).join('\n')).toContain('recalled, not checked');
  });

  it('should check again when a value of the front matter changes, or only where it stands', async () => {
    const sources = await caseSources('duplicate-alias');
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'link-pass-memo-'));
    const [message] = messagesOf(await build(sources, cacheDir));
    expect(message).toMatch(/^content\/places\/huludao\.md:3:25-3:33: Name "the city"/);

    falsifyMemo(cacheDir, 'recalled, not checked');
    const renamed = edited(sources, 'dalian.md', (text) => text.replace('the city', 'the port'));
    expect(messagesOf(await build(renamed, cacheDir))).toEqual(messagesOf(buildArchive(renamed)));
    expect(messagesOf(await build(renamed, cacheDir))).toEqual([]);

    // The same values one line lower: the message must move with them.
    await build(sources, cacheDir);
    falsifyMemo(cacheDir, 'recalled, not checked');
    const lower = edited(sources, 'huludao.md', (text) => text.replace('---\n', '---\n# Liaoning\n'));
    const moved = messagesOf(await build(lower, cacheDir));
    expect(moved).toEqual(messagesOf(buildArchive(lower)));
    expect(moved[0]).toMatch(/^content\/places\/huludao\.md:4:25-4:33: Name "the city"/);
  });

  it('should check again when its record is damaged or missing, and build all the same', async () => {
    const sources = await caseSources('duplicate-alias');
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'link-pass-memo-'));
    const pure = messagesOf(buildArchive(sources));
    await build(sources, cacheDir);
    writeFileSync(memoOf(cacheDir), readFileSync(memoOf(cacheDir)).subarray(0, 20));
    expect(messagesOf(await build(sources, cacheDir))).toEqual(pure);
    writeFileSync(memoOf(cacheDir), 'not a memo');
    expect(messagesOf(await build(sources, cacheDir))).toEqual(pure);
  });
});
