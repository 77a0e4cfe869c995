#!/usr/bin/env node
// `npm run eval:import [-- --cases DIR] [--content DIR] [--effort]`: runs the importer over every
// case of the evaluation set and prints recall, precision, variants, dates, misses and false alarms.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type AnswerKey,
  type EvalCase,
  type Evaluation,
  evaluate,
  missedTargets,
  percent,
  TARGETS,
} from '../import/evaluate.ts';
import { analyseRelease } from '../import/index.ts';
import { readContent } from '../load/read-content.ts';
import { type Archive, buildArchive } from '../pipeline/build-archive.ts';

/** Where the evaluation set lives unless `--cases` says otherwise. */
export const DEFAULT_CASES_DIR = 'tests/fixtures/import-eval';

/** One case folder as read from disk: its release file and its answer key. */
export interface CaseFiles {
  readonly name: string;
  /** Path of `release.txt` or `release.html`. */
  readonly file: string;
  readonly input: string;
  readonly key: AnswerKey;
}

/** Reads every case folder (`<case>/release.txt` or `release.html`, and `key.json`), in name order. */
export async function readCases(casesDir: string): Promise<CaseFiles[]> {
  const names = (await readdir(casesDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const folder = path.join(casesDir, name);
      const release = ['release.txt', 'release.html'].find((file) => existsSync(path.join(folder, file)));
      if (!release) throw new TypeError(`${folder}: no release.txt or release.html`);
      const file = path.join(folder, release);
      const input = await readFile(file, 'utf8');
      const key = JSON.parse(await readFile(path.join(folder, 'key.json'), 'utf8')) as AnswerKey;
      return { name, file, input, key };
    }),
  );
}

/** Builds the archive of a content folder without printing, as the importer matches against it. */
export async function loadArchive(contentDir: string): Promise<Archive> {
  const { archive } = buildArchive(await readContent(path.resolve(contentDir)));
  if (!archive) throw new TypeError(`${contentDir}: the content has errors; run npm run check`);
  return archive;
}

/** Runs the importer over every case and evaluates its reports against the keys. */
export async function runImportEvaluation(casesDir: string, contentDir: string): Promise<Evaluation> {
  const archive = await loadArchive(contentDir);
  const cases: EvalCase[] = (await readCases(casesDir)).map(({ name, file, input, key }) => ({
    name,
    input,
    key,
    report: analyseRelease({ file, text: input }, archive),
  }));
  return evaluate(cases);
}

/** The evaluation as the plain-text report the command prints. */
export function formatEvaluation(evaluation: Evaluation): string {
  const lines: string[] = [`Import evaluation: ${evaluation.cases} releases`, ''];
  lines.push('kind           expected  found  proposed  correct  linked right  recall  precision  target');
  const targets = {
    person: `recall ≥ ${percent(TARGETS.personRecall)}, precision ≥ ${percent(TARGETS.personPrecision)}`,
    place: `recall ≥ ${percent(TARGETS.placeRecall)}, precision ≥ ${percent(TARGETS.placePrecision)}`,
    organisation: `recall ≥ ${percent(TARGETS.organisationRecall)}`,
  };
  for (const [kind, f] of Object.entries(evaluation.kinds) as [keyof typeof targets, Evaluation['kinds']['place']][]) {
    lines.push(
      [
        kind.padEnd(13),
        String(f.expected).padStart(9),
        String(f.found).padStart(6),
        String(f.proposed).padStart(9),
        String(f.correct).padStart(8),
        String(f.linkedRight).padStart(13),
        percent(f.recall).padStart(7),
        percent(f.precision).padStart(10),
        ` ${targets[kind]}`,
      ].join(' '),
    );
  }
  const { variants, dates, published, roles } = evaluation;
  lines.push(
    '',
    `variants: ${variants.right}/${variants.expected} proposed as variants of the right record (target: all)`,
    `dates: ${dates.found}/${dates.expected} found`,
    `published: ${published.right}/${published.expected} right`,
    `roles: ${roles.right}/${roles.expected} word for word`,
  );
  const missed = missedTargets(evaluation);
  lines.push('', missed.length === 0 ? 'All targets met.' : `Targets missed: ${missed.join('; ')}`);
  const section = (title: string, items: readonly string[]) => {
    if (items.length > 0) lines.push('', `${title} (${items.length}):`, ...items.map((item) => `  ${item}`));
  };
  const at = (m: { line: number; column: number }) => `${m.line}:${m.column}`;
  section(
    'Misses',
    evaluation.misses.map(({ case: name, entity: e }) => `${name}  ${e.kind} "${e.text}" (${e.record ?? 'new'})`),
  );
  section(
    'False alarms',
    evaluation.falseAlarms.map(
      ({ case: name, mention: m }) => `${name}:${at(m)}  ${m.kind} "${m.text}" (${m.match} ${m.record})`,
    ),
  );
  section(
    'Variants not proposed right',
    variants.wrong.map(
      ({ case: name, entity: e, mention: m }) =>
        `${name}  "${e.text}" should be a variant of ${e.record}, got ${m.match} ${m.record}`,
    ),
  );
  section(
    'Linked wrong',
    evaluation.wrongRecords.map(
      ({ case: name, entity: e, mention: m }) =>
        `${name}:${at(m)}  ${e.kind} "${e.text}": expected ${e.record ?? 'new'}, got ${m.match} ${m.record}`,
    ),
  );
  section(
    'Dates missed',
    dates.missed.map(({ case: name, text }) => `${name}  "${text}"`),
  );
  section('Publication dates wrong', published.wrong);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: DEFAULT_CASES_DIR },
      content: { type: 'string', default: 'content' },
      effort: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const evaluation = await runImportEvaluation(values.cases, values.content);
  process.stdout.write(values.json ? `${JSON.stringify(evaluation, null, 2)}\n` : `${formatEvaluation(evaluation)}\n`);
  if (values.effort) {
    const { EFFORT_TARGET, measureEditorEffort, formatEditorEffort } = await import('../import/editor-effort.ts');
    const effort = await measureEditorEffort(values.cases, values.content);
    process.stdout.write(`\n${formatEditorEffort(effort)}\n`);
    if (effort.cases.some(({ changed, clean }) => !clean || changed > EFFORT_TARGET)) process.exitCode = 1;
  }
  if (missedTargets(evaluation).length > 0) process.exitCode = 1;
}

// Run only as a command; the test imports the functions above.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
