import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { urlFor } from '../src/link/urls.ts';
import { readContent } from '../src/load/read-content.ts';
import { MAX_FILE_BYTES } from '../src/parse/decode.ts';
import { buildArchive } from '../src/pipeline/build-archive.ts';
import { formatReport } from '../src/report/report.ts';
import { writeContentDir } from './helpers/content-dir.ts';

/** Reads a temporary content folder like `npm run check` does and returns the plain report. */
async function check(root: string) {
  const result = buildArchive(await readContent(path.join(root, 'content'), root));
  return { ...result, report: formatReport(result.files) };
}

const organisation = (extra: string) => `---\nname: Council\nkind: commission\n${extra}---\n`;

describe('slugs that would leave the output folder', () => {
  // Each value is written as `slug:` in a real file; YAML double quotes let us write a NUL and backslashes.
  it.each([
    ['a parent folder', '"../escape"', 'invalid-slug'],
    ['two parent folders', '"../../etc/passwd"', 'invalid-slug'],
    ['an absolute path', '"/etc/passwd"', 'invalid-slug'],
    ['a Windows drive path', '"C:\\\\Windows"', 'invalid-slug'],
    ['a backslash', '"a\\\\b"', 'invalid-slug'],
    ['a slash', '"a/b"', 'invalid-slug'],
    // A control character is refused as such, with its code point, before the slug's format is checked.
    ['a NUL character', '"a\\0b"', 'invisible-character'],
    ['a dot', '"."', 'invalid-slug'],
    ['two dots', '".."', 'invalid-slug'],
    ['an encoded parent folder', '"%2e%2e"', 'invalid-slug'],
    ['a name with an extension', '"con.txt"', 'invalid-slug'],
    ['upper case', '"CON"', 'invalid-slug'],
    ['the Windows console device', 'con', 'reserved-slug'],
    ['the Windows null device', 'nul', 'reserved-slug'],
    ['the Windows printer device', 'prn', 'reserved-slug'],
    ['the Windows auxiliary device', 'aux', 'reserved-slug'],
    ['a Windows serial port', 'com1', 'reserved-slug'],
    ['a Windows parallel port', 'lpt9', 'reserved-slug'],
  ])('should refuse a slug with %s (%s)', async (_, value, rule) => {
    const root = writeContentDir({ 'organisations/council.md': organisation(`slug: ${value}\n`) });
    const { archive, files } = await check(root);
    expect(archive).toBeUndefined();
    expect(files[0]?.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([[rule, 4, 7]]);
  });

  it('should refuse a reference that is a path, the same way', async () => {
    const root = writeContentDir({ 'organisations/council.md': organisation('place: "../../places/x"\n') });
    const { report } = await check(root);
    expect(report).toContain('4:8-4:24 error `place` is "../../places/x": use lower-case letters');
  });

  it('should still make slugs of ordinary words that merely contain a device name', async () => {
    const root = writeContentDir({ 'organisations/console.md': organisation('slug: con-council\n') });
    const { archive, report } = await check(root);
    expect(report).toBe('');
    expect([...(archive?.records.organisation.keys() ?? [])]).toEqual(['con-council']);
  });

  it('should never make a URL from a slug that escaped validation', () => {
    for (const slug of ['../x', '/x', 'a\\b', 'a\0b', 'con', '']) {
      expect(() => urlFor({ kind: 'official', slug })).toThrow(TypeError);
    }
    expect(urlFor({ kind: 'place', slug: 'dalian', placeKind: 'city' })).toBe('/cities/dalian/');
  });
});

describe('odd file names', () => {
  it.each([
    ['a space and capitals', 'Tan Chengxu.md', 'invalid-slug'],
    ['CJK characters', '谭成旭.md', 'invalid-slug'],
    ['two dots', '..md', 'invalid-slug'],
    ['a leading dot', '.hidden.md', 'invalid-slug'],
    ['a backslash', 'a\\b.md', 'invalid-slug'],
    ['a leading hyphen', '-tan.md', 'invalid-slug'],
    ['a reserved device name', 'con.md', 'reserved-slug'],
    ['a reserved port name', 'com1.md', 'reserved-slug'],
  ])('should refuse a file name with %s (%s) unless `slug:` is set', async (_, name, rule) => {
    const withoutSlug = await check(writeContentDir({ [`organisations/${name}`]: organisation('') }));
    expect(withoutSlug.files[0]?.messages.map((message) => [message.ruleId, message.line])).toEqual([[rule, 1]]);
    expect(String(withoutSlug.files[0]?.messages[0]?.reason)).toMatch(
      /rename (it|the file)[^:]*, or set (another )?`slug:`/,
    );

    const withSlug = await check(writeContentDir({ [`organisations/${name}`]: organisation('slug: council\n') }));
    expect(withSlug.report).toBe('');
    expect([...(withSlug.archive?.records.organisation.keys() ?? [])]).toEqual(['council']);
  });
});

describe('files that are not plain content', () => {
  it('should refuse a symbolic link to a file outside content/, and read one that stays inside', async () => {
    const root = writeContentDir({ 'organisations/council.md': organisation('') });
    writeFileSync(path.join(root, 'secret.md'), organisation(''));
    symlinkSync('../../secret.md', path.join(root, 'content/organisations/outside.md'));
    symlinkSync('council.md', path.join(root, 'content/organisations/same-council.md'));
    symlinkSync('missing.md', path.join(root, 'content/organisations/dangling.md'));
    const { files } = await check(root);
    const byName = Object.fromEntries(files.map((file) => [file.basename, file.messages.map((m) => m.ruleId)]));
    expect(byName).toEqual({
      'council.md': [],
      'dangling.md': ['symlink-outside-content'],
      'outside.md': ['symlink-outside-content'],
      // Read through the link, so it is the same record twice: reported, not silently dropped.
      'same-council.md': ['duplicate-alias'],
    });
  });

  it('should refuse a linked folder that points outside content/, instead of skipping its files', async () => {
    const root = writeContentDir({});
    mkdirSync(path.join(root, 'elsewhere'));
    writeFileSync(path.join(root, 'elsewhere/council.md'), organisation(''));
    symlinkSync('../elsewhere', path.join(root, 'content/organisations'));
    const { files, report } = await check(root);
    expect(files.map((file) => file.path)).toEqual(['content/organisations']);
    expect(report).toContain('1:1 error Symbolic link points outside content/');
  });

  it('should refuse a named pipe instead of waiting on it forever', async () => {
    const root = writeContentDir({});
    mkdirSync(path.join(root, 'content/articles'));
    execFileSync('mkfifo', [path.join(root, 'content/articles/pipe.md')]);
    const { report } = await check(root);
    expect(report).toContain('content/articles/pipe.md\n1:1 error Not a regular file that can be read');
    expect(report).toContain('not-a-file');
  });

  it('should refuse a file over the size limit without reading it, even one too large to read at all', async () => {
    const root = writeContentDir({ 'articles/huge.md': '' });
    // A sparse 3 GiB file: over Node's 2 GiB read limit, so reading it would throw.
    const size = 3 * 1024 ** 3;
    truncateSync(path.join(root, 'content/articles/huge.md'), size);
    const sources = await readContent(path.join(root, 'content'), root);
    expect(sources[0]?.bytes.byteLength).toBe(0);
    const { report } = await check(root);
    expect(report).toContain(
      `content/articles/huge.md\n1:1 error File is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit: split it, or move attachments out of content/ file-too-large`,
    );
  });
});
