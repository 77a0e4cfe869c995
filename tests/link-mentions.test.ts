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

describe('remarkLinkMentions with look-alike names', async () => {
  // `an-chengxu.md` is named "Тan Chengxu" with a Cyrillic Т, as a page copied from the web spells it.
  const lookAlikes = await buildFixture(path.join(FIXTURES, 'look-alike-mentions'));
  const visit = lookAlikes.archive?.bodies.get('article:visit');
  const messages = lookAlikes.files.flatMap((file) =>
    file.messages.map((message) => [String(message), message.ruleId]),
  );

  it('should link neither the look-alike mention nor the look-alike record', () => {
    expect(visit?.html).not.toContain('/officials/an-chengxu/');
    expect(visit?.html).toContain('<p>Тan Chengxu visited <a href="/cities/huludao/"');
    expect(visit?.mentions.map((mention) => [mention.target.slug, mention.text, mention.start.line])).toEqual([
      ['huludao', 'Huludao', 9],
      ['tan-chengxu', 'Tan Chengxu', 11],
    ]);
  });

  it('should warn at each look-alike mention that it looks like the registered name, and propose no new record', () => {
    expect(messages).toEqual([
      [
        'content/articles/visit.md:9:1-9:12: "Тan Chengxu" looks like "Tan Chengxu" (content/officials/tan-chengxu.md) but is written with "Т" (U+0422, Cyrillic), so it is not linked: retype it',
        'confusable-mention',
      ],
      [
        'content/articles/visit.md:11:23-11:35: "Tan Cheng[U+200B]xu" looks like "Tan Chengxu" (content/officials/tan-chengxu.md) but is written with U+200B ZERO WIDTH SPACE, so it is not linked: retype it',
        'confusable-mention',
      ],
      [
        'content/articles/visit.md:11:40-11:51: "Ｔａｎ Chengxu" looks like "Tan Chengxu" (content/officials/tan-chengxu.md) but is written with "Ｔ" (U+FF34, full-width), "ａ" (U+FF41, full-width), "ｎ" (U+FF4E, full-width), so it is not linked: retype it',
        'confusable-mention',
      ],
      [
        'content/officials/an-chengxu.md:2:7-2:18: Name "Тan Chengxu" looks like "Tan Chengxu" of official `tan-chengxu` (content/officials/tan-chengxu.md) but is written with "Т" (U+0422, Cyrillic): retype it in plain letters, or if both name the same official, keep one record; until then it is not linked in articles',
        'confusable-name',
      ],
    ]);
  });
});
