import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture, FIXTURES } from './helpers/fixtures.ts';

const caseDir = path.join(FIXTURES, 'mentions');
const { archive, files } = await buildFixture(caseDir);
const body = archive?.bodies.get('article:sample');

describe('remarkLinkMentions', () => {
  it('should build the fixture without messages', () => {
    expect(files.flatMap((file) => file.messages.map(String))).toEqual([]);
  });

  it('should render the body as the golden HTML', async () => {
    await expect(body?.html).toMatchFileSnapshot(path.join(caseDir, 'expected.html'));
  });

  it('should record every mention with its file position', () => {
    const mentions = body?.mentions.map((mention) => [
      `${mention.target.kind}:${mention.target.slug}`,
      mention.text,
      `${mention.start.line}:${mention.start.column}`,
      mention.by,
    ]);
    expect(mentions).toEqual([
      ['official:tan-chengxu', 'mayor', '15:5', 'link'],
      ['official:tan-zuojun', 'Tan Zuoxiu', '11:1', 'name'],
      ['official:tan-zuojun', 'Tan Zuojun', '11:16', 'name'],
      ['place:dalian', 'Dalian', '11:30', 'name'],
      ['place:beijing-tianjin-hebei', 'Beijing-Tianjin-Hebei', '11:51', 'name'],
      ['place:tianjin', 'Tianjin', '11:77', 'name'],
      ['place:dalian', 'Dalian', '13:23', 'name'],
      ['official:tan-chengxu', 'Tan Chengxu', '15:47', 'name'],
      ['place:beijing-tianjin-hebei', 'Beijing-Tianjin-Hebei', '15:60', 'name'],
    ]);
  });

  it('should link a longer name before the shorter names inside it', () => {
    expect(body?.html).toContain(
      '<a href="/places/beijing-tianjin-hebei/" class="mention mention-place">Beijing-Tianjin-Hebei</a>',
    );
    expect(body?.html).not.toMatch(/Beijing-<a/);
  });

  it('should never link inside headings, links or code', () => {
    expect(body?.html).toContain('<h1>Dalian in a heading stays plain</h1>');
    expect(body?.html).toContain('<a href="https://example.org">A link about Dalian</a>');
    expect(body?.html).toContain('<code>Dalian</code>');
  });
});
