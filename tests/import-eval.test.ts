import { describe, expect, it } from 'vitest';
import { formatEvaluation, runImportEvaluation } from '../src/cli/eval-import.ts';
import { type AnswerKey, evaluate, missedTargets, pairMention, TARGETS } from '../src/import/evaluate.ts';
import type { ImportMention, ImportReport } from '../src/import/index.ts';

const mention = (text: string, line: number, column: number, more: Partial<ImportMention> = {}): ImportMention => ({
  text,
  kind: 'person',
  line,
  column,
  record: 'new-slug',
  match: 'new',
  role: null,
  ...more,
});

const input = 'Tan Chengxun met Kim Min-seo in Busan\n\nThe Busan Port Authority and Kim spoke. Mayor Tan Chengxu.';
const key: AnswerKey = {
  published: null,
  entities: [
    { text: 'Tan Chengxun', kind: 'person', record: 'tan-chengxu', match: 'probable-variant', role: 'mayor' },
    { text: 'Kim Min-seo', kind: 'person', record: null, match: 'new' },
    { text: 'Busan', kind: 'place', record: null, match: 'new' },
    { text: 'Busan Port Authority', kind: 'organisation', record: null, match: 'new' },
  ],
  dates: [{ text: 'yesterday' }],
};
const report: ImportReport = {
  file: 'release.txt',
  title: 'Tan Chengxun met Kim Min-seo in Busan',
  slug: 'tan-chengxun-met-kim-min-seo-in-busan',
  published: null,
  dates: [],
  mentions: [
    mention('Tan Chengxun', 1, 1, { record: 'tan-chengxu', match: 'probable-variant', role: 'mayor' }),
    mention('Kim Min-seo', 1, 18),
    // A surname used again counts for the person it shortens.
    mention('Kim', 3, 30),
    mention('Busan', 1, 33, { kind: 'place' }),
    // Found inside the authority's name: matches no entity of its kind at that place.
    mention('Port Authority', 3, 11, { kind: 'place' }),
  ],
};

describe('evaluate', () => {
  it('should count found entities, correct mentions, variants and misses per kind', () => {
    const evaluation = evaluate([{ name: 'tiny', input, key, report }]);
    expect(evaluation.kinds.person).toEqual({
      expected: 2,
      found: 2,
      proposed: 3,
      correct: 3,
      linkedRight: 2,
      recall: 1,
      precision: 1,
    });
    expect(evaluation.kinds.place).toMatchObject({ expected: 1, found: 1, proposed: 2, correct: 1, precision: 0.5 });
    expect(evaluation.kinds.organisation).toMatchObject({ expected: 1, found: 0, recall: 0 });
    expect(evaluation.misses.map(({ entity }) => entity.text)).toEqual(['Busan Port Authority']);
    expect(evaluation.falseAlarms.map(({ mention: m }) => `${m.line}:${m.column} ${m.text}`)).toEqual([
      '3:11 Port Authority',
    ]);
    expect(evaluation.variants).toEqual({ expected: 1, right: 1, wrong: [] });
    expect(evaluation.roles).toEqual({ expected: 1, right: 1 });
    expect(evaluation.dates).toEqual({ expected: 1, found: 0, missed: [{ case: 'tiny', text: 'yesterday' }] });
    expect(evaluation.published).toEqual({ expected: 1, right: 1, wrong: [] });
    expect(missedTargets(evaluation)).toEqual(['place precision 50.0% < 95.0%', 'organisation recall 0.0% < 85.0%']);
  });

  it('should accept a longer name only where it overlaps the key text', () => {
    const org = key.entities.slice(3);
    const longer = mention('The Busan Port Authority', 3, 1, { kind: 'organisation' });
    expect(pairMention({ ...longer, text: 'Busan Port Authority and Kim' }, org, input)?.rule).toBe('overlap');
    expect(pairMention({ ...longer, text: 'Busan Port Authority and Kim', line: 1, column: 1 }, org, input)).toBe(
      undefined,
    );
    expect(pairMention(longer, org, input)?.rule).toBe('text');
  });

  it('should pair a mention linked to the key record whatever its spelling', () => {
    const linked = mention('Tan Chengxu', 3, 47, { record: 'tan-chengxu', match: 'exact' });
    expect(pairMention(linked, key.entities, input)?.rule).toBe('record');
  });
});

describe('import evaluation set', () => {
  it('should reach the targets on every release of tests/fixtures/import-eval', async () => {
    const evaluation = await runImportEvaluation('tests/fixtures/import-eval', 'content');
    process.stdout.write(`${formatEvaluation(evaluation)}\n`);
    const { person, place, organisation } = evaluation.kinds;
    expect(person.expected + place.expected + organisation.expected).toBeGreaterThanOrEqual(150);
    expect(person.recall).toBeGreaterThanOrEqual(TARGETS.personRecall);
    expect(person.precision).toBeGreaterThanOrEqual(TARGETS.personPrecision);
    expect(place.recall).toBeGreaterThanOrEqual(TARGETS.placeRecall);
    expect(place.precision).toBeGreaterThanOrEqual(TARGETS.placePrecision);
    expect(organisation.recall).toBeGreaterThanOrEqual(TARGETS.organisationRecall);
    expect(evaluation.variants.wrong).toEqual([]);
    expect(evaluation.variants.right).toBe(evaluation.variants.expected);
  });
});

describe('countChangedLines', () => {
  it('should count removed plus added lines', async () => {
    const { countChangedLines } = await import('../src/import/editor-effort.ts');
    expect(countChangedLines('a\nb\nc', 'a\nb\nc')).toBe(0);
    expect(countChangedLines('a\nb\nc', 'a\nB\nc')).toBe(2);
    expect(countChangedLines('a\nb\nc', 'a\nc\nd')).toBe(2);
  });
});

describe('measureEditorEffort', () => {
  it('should check every reviewed case clean under --strict, within the target of changed lines', async () => {
    const { EFFORT_TARGET, formatEditorEffort, measureEditorEffort } = await import('../src/import/editor-effort.ts');
    const effort = await measureEditorEffort('tests/fixtures/import-eval', 'content');
    console.log(formatEditorEffort(effort));
    expect(effort.cases.length).toBeGreaterThanOrEqual(8);
    for (const { name, clean, report } of effort.cases)
      expect({ name, clean, report }).toEqual({ name, clean: true, report: '' });
    // One sign-off per import: no case should need more than EFFORT_TARGET changed lines.
    const over = effort.cases.filter(({ changed }) => changed > EFFORT_TARGET);
    expect(over.map(({ name, changed }) => `${name}: ${changed}`)).toEqual([]);
  }, 120_000);
});
