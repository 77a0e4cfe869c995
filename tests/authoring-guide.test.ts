import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/report/rules.ts';
import { FIXTURES, fixtureCases } from './helpers/fixtures.ts';

// The catalogue in docs/authoring.md must keep up with the rules: every rule has an entry, and
// each entry quotes the message its fixture really produces, so a reworded message cannot go stale.
const guide = readFileSync(path.resolve(import.meta.dirname, '../docs/authoring.md'), 'utf8');

/** The first message of a fixture's expected report, without position, severity and rule. */
function firstMessage(caseName: string): { rule: string; text: string } {
  const report = readFileSync(path.join(FIXTURES, 'rules', caseName, 'expected.txt'), 'utf8');
  const rule = caseName.split('--')[0]?.replace(/-city$/, '') ?? caseName;
  const line = report.split('\n').find((candidate) => candidate.includes(` ${rule} `)) ?? '';
  const match = /^\s*\d+:\d+(?:-\d+:\d+)?\s+(?:error|warning)\s+(.*?)\s+[a-z0-9-]+\s+news-archive$/.exec(line);
  return { rule, text: match?.[1] ?? `(no message in ${caseName})` };
}

describe('the authoring guide', () => {
  it.each(Object.keys(RULES))('should have a catalogue entry for %s', (rule) => {
    expect(guide).toContain(`#### \`${rule}\``);
  });

  it.each(fixtureCases('rules'))('should quote the real message of the %s fixture', (caseName) => {
    const { rule, text } = firstMessage(caseName);
    const entry = guide.split(`#### \`${rule}\``)[1]?.split('\n#### ')[0] ?? '';
    expect(entry).toContain(text);
    expect(entry).toMatch(/\*\*Fix:\*\* \S/);
  });
});

describe('the content model', () => {
  const model = readFileSync(path.resolve(import.meta.dirname, '../docs/content-model.md'), 'utf8');
  it.each(Object.keys(RULES))('should list the rule %s', (rule) => {
    expect(model).toContain(`| \`${rule}\` |`);
  });
});
