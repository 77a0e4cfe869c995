import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { z } from 'zod';
import { isRuleId, type RuleId } from '../report/rules.ts';
import { type RecordKind, SLUG_PATTERN } from '../schema/common.ts';
import { referenceTargetAt } from '../schema/reference-fields.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { slugFromTitle } from '../util/slug.ts';
import { joinPath, KEY_SUFFIX, type PositionIndex, positionAt } from './front-matter.ts';
import { reportError } from './messages.ts';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** What the reporter needs to place and explain a schema problem. */
export interface IssueContext {
  readonly file: VFile;
  readonly schema: z.ZodType;
  readonly data: unknown;
  readonly positions: PositionIndex;
  /** The record kind, also the singular noun used in messages ("article"). */
  readonly kind: RecordKind;
}

/** Reports every zod issue as a positioned message that says what is wrong and how to fix it. */
export function reportSchemaIssues(issues: readonly Issue[], context: IssueContext): void {
  for (const issue of issues) reportIssue(issue, [], context);
}

function reportIssue(issue: Issue, prefix: readonly PathKey[], context: IssueContext): void {
  const path = [...prefix, ...issue.path];
  const key = pathString(path);
  const field = key === '' ? `${context.kind} front matter` : `\`${key}\``;
  const value = valueAt(context.data, path);
  const at = positionOf(context.positions, path);
  const report = (reason: string, ruleId: RuleId, place = at) => reportError(context.file, reason, ruleId, place);

  // A missing key fails whatever check its type has; say that it is missing.
  const missing = value === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code);
  if (missing && path.length > 0) {
    const parent = path.slice(0, -1);
    if (context.kind === 'official' && /^variants\.\d+\.source$/.test(key)) {
      const spelling = valueAt(context.data, [...parent, 'spelling']);
      report(
        `Variant spelling ${describeValue(spelling)} in \`${pathString(parent)}\` cites no \`source\`: add \`source:\` with the slug of the article that spells the name this way; a form no source uses belongs in \`aliases\``,
        'variant-without-source',
        positionOf(context.positions, parent),
      );
      return;
    }
    report(
      `Missing required key \`${String(path.at(-1))}\` in ${parent.length === 0 ? `${context.kind} front matter` : `\`${pathString(parent)}\``}: add \`${String(path.at(-1))}: …\``,
      'missing-key',
      positionOf(context.positions, parent),
    );
    return;
  }

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = Object.keys(shapeAt(context.schema, path));
      for (const unknownKey of issue.keys) {
        const keyPath = joinPath(key, unknownKey);
        report(
          `Unknown key \`${unknownKey}\` in ${key === '' ? `${context.kind} front matter` : `\`${key}\``}${didYouMean(unknownKey, known, '`')}: remove it or correct its spelling (allowed: ${known.join(', ')})`,
          'unknown-key',
          positionAt(context.positions, keyPath + KEY_SUFFIX) ?? at,
        );
      }
      return;
    }
    case 'invalid_type': {
      report(
        `${field} should be ${describeType(issue.expected)}, not ${describeValue(value)}: change its value`,
        'wrong-type',
      );
      return;
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      report(
        `${field} is ${describeValue(value)}, which is not allowed${didYouMean(String(value), allowed)}: use one of ${allowed.join(', ')}`,
        'invalid-value',
      );
      return;
    }
    case 'invalid_union': {
      // Report the branch that matches the input's shape, so an object gets object advice.
      const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
      const branch = issue.errors.find((errors) =>
        errors.every(
          (inner) =>
            !(inner.code === 'invalid_type' && inner.path.length === 0) || isObject === (inner.expected === 'object'),
        ),
      );
      if (isObject && branch) {
        for (const inner of branch) reportIssue(inner, path, context);
        return;
      }
      report(
        `${field} should be a date such as 2018-06-20, 2018-06, 2018, --06-20 or "not stated", not ${describeValue(value)}`,
        'wrong-type',
      );
      return;
    }
    case 'invalid_format': {
      const isSlug = issue.format === 'regex' && issue.pattern === String(SLUG_PATTERN);
      const message = report(
        `${field} is ${describeValue(value)}: ${issue.message}`,
        isSlug ? 'invalid-slug' : 'invalid-format',
      );
      if (isSlug) markLikelySlug(message, context.kind, key, value);
      return;
    }
    case 'too_small':
      // Required text left empty, as a scaffolded file leaves it for the editor to fill.
      if (issue.origin === 'string' && Number(issue.minimum) === 1) {
        report(`${field} is empty: write a value, or delete the line if the field is optional`, 'empty-value');
        return;
      }
      report(`${field} is out of range: ${issue.message.replace(/^Too (small|big): /, '')}`, 'out-of-range');
      return;
    case 'too_big':
      report(`${field} is out of range: ${issue.message.replace(/^Too (small|big): /, '')}`, 'out-of-range');
      return;
    case 'custom': {
      const ruleId = isRuleId(issue.params?.['ruleId']) ? issue.params['ruleId'] : 'invalid-value';
      report(`${field}: ${issue.message}`, ruleId);
      return;
    }
    default:
      report(`${field}: ${issue.message}`, 'invalid-value');
  }
}

/**
 * Notes on an invalid reference the slug its text would make (`place: Dalian` → `place:dalian`),
 * as `expected`. Whether a record has that slug is known only once every file is read, so the
 * link pass says "did you mean" (see suggest-known-slugs.ts); this file is parsed on its own.
 */
function markLikelySlug(message: VFileMessage, kind: RecordKind, path: string, value: unknown): void {
  const target = referenceTargetAt(kind, path);
  const slug = typeof value === 'string' ? slugFromTitle(value) : '';
  if (target === undefined || slug === '' || slug === value) return;
  message.actual = String(value);
  message.expected = [`${target}:${slug}`];
}

function pathString(path: readonly PathKey[]): string {
  return path.map(String).join('.');
}

/** The closest recorded position for `path`, walking up to the nearest parent that has one. */
function positionOf(positions: PositionIndex, path: readonly PathKey[]): Position | undefined {
  for (let length = path.length; length >= 0; length--) {
    const found = positionAt(positions, pathString(path.slice(0, length)));
    if (found) return found;
  }
  return undefined;
}

function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The object shape that applies at `path` inside `schema`, for listing the keys allowed there. */
function shapeAt(schema: z.ZodType, path: readonly PathKey[]): Record<string, unknown> {
  let current: z.core.$ZodType | undefined = schema;
  const remaining = [...path];
  while (current) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') {
      if (remaining.length === 0) return def['shape'] as Record<string, unknown>;
      current = (def['shape'] as Record<string, z.core.$ZodType>)[String(remaining.shift())];
    } else if (def.type === 'array') {
      remaining.shift();
      current = def['element'] as z.core.$ZodType;
    } else if (def.type === 'union') {
      current = (def['options'] as z.core.$ZodType[]).find((option) => option._zod.def.type === 'object');
    } else if (def.type === 'pipe') {
      current = def['in'] as z.core.$ZodType;
    } else if ('innerType' in def) {
      current = def['innerType'] as z.core.$ZodType;
    } else {
      return {};
    }
  }
  return {};
}

function describeType(expected: string): string {
  const names: Record<string, string> = { array: 'a list', object: 'a group of `key: value` fields', string: 'text' };
  return names[expected] ?? `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}
