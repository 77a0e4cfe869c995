import type { ImportMention, ImportReport } from './index.ts';

/** The three kinds of named entity the importer finds. */
export type EntityKind = 'person' | 'place' | 'organisation';

/** How a name relates to the shipped archive, as the answer key expects it. */
export type KeyMatch = 'exact' | 'alias' | 'variant' | 'probable-variant' | 'new';

/** One distinct entity of a release, as an editor identified it by hand. */
export interface KeyEntity {
  /** The first mention's surface form, without a leading "the". */
  readonly text: string;
  readonly kind: EntityKind;
  /** The slug of the shipped record it names, or null for a new entity. */
  readonly record: string | null;
  readonly match: KeyMatch;
  /** The role an appositive or title gives it, word for word. */
  readonly role?: string;
}

/** The hand-made answer key of one release (`key.json`). */
export interface AnswerKey {
  /** `YYYY-MM-DD` when the page states it, null when the release gives no publication date. */
  readonly published: string | null;
  readonly entities: readonly KeyEntity[];
  /** Dates the body states, as the words stand. */
  readonly dates: readonly { readonly text: string }[];
}

/** One evaluated release: its raw input, its key and what the importer reported. */
export interface EvalCase {
  readonly name: string;
  /** The raw input file, so positions in the report can be checked against the key's text. */
  readonly input: string;
  readonly key: AnswerKey;
  readonly report: ImportReport;
}

/** Which rule paired a mention with a key entity, strongest first. */
export type PairRule = 'text' | 'record' | 'part' | 'overlap';

/** A key entity no mention matched. */
export interface Miss {
  readonly case: string;
  readonly entity: KeyEntity;
}

/** A mention that matched no key entity. */
export interface FalseAlarm {
  readonly case: string;
  readonly mention: ImportMention;
}

/** A found entity whose record, variant proposal or role differs from the key. */
export interface Mismatch {
  readonly case: string;
  readonly entity: KeyEntity;
  readonly mention: ImportMention;
}

/** Counts and rates for one kind of entity. */
export interface KindFigures {
  /** Key entities of this kind. */
  readonly expected: number;
  /** Key entities matched by at least one mention. */
  readonly found: number;
  /** Mentions of this kind in the reports. */
  readonly proposed: number;
  /** Mentions that matched a key entity (repeated mentions of one entity included). */
  readonly correct: number;
  /** Found entities linked as the key says: the right record, or new when the key says new. */
  readonly linkedRight: number;
  readonly recall: number;
  readonly precision: number;
}

/** Every figure of an evaluation, and every miss and false alarm behind them. */
export interface Evaluation {
  readonly cases: number;
  readonly kinds: Readonly<Record<EntityKind, KindFigures>>;
  /** Key entities spelled as a variant: how many were proposed as a (probable-)variant of the right record. */
  readonly variants: { readonly expected: number; readonly right: number; readonly wrong: readonly Mismatch[] };
  readonly dates: {
    readonly expected: number;
    readonly found: number;
    readonly missed: readonly { readonly case: string; readonly text: string }[];
  };
  readonly published: { readonly expected: number; readonly right: number; readonly wrong: readonly string[] };
  readonly roles: { readonly expected: number; readonly right: number };
  readonly misses: readonly Miss[];
  readonly falseAlarms: readonly FalseAlarm[];
  readonly wrongRecords: readonly Mismatch[];
}

/** The figures the importer has to reach. */
export const TARGETS = {
  personRecall: 0.95,
  personPrecision: 0.95,
  placeRecall: 0.95,
  placePrecision: 0.95,
  organisationRecall: 0.85,
  /** Share of variant spellings proposed as variants of the right record. */
  variants: 1,
} as const;

const KINDS: readonly EntityKind[] = ['person', 'place', 'organisation'];

/** Lower case, one space between words, no leading "the ": the form texts are compared in. */
export function normaliseName(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim().replace(/^the /, '');
}

/** Where `needle` stands in `haystack` as whole words (not inside a longer word), as offsets. */
export function wholeWordOffsets(haystack: string, needle: string): number[] {
  const offsets: number[] = [];
  if (needle === '') return offsets;
  const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (!isWordChar(haystack[at - 1]) && !isWordChar(haystack[at + needle.length])) offsets.push(at);
  }
  return offsets;
}

/** The offset in `input` of a 1-based line and column. */
function offsetOf(input: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = input.indexOf('\n', offset);
    if (next === -1) return input.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/**
 * Pairs a mention with the key entity it stands for, by the first rule that applies (see
 * docs/import-evaluation.md): the same text; the same registered record; a whole-word part of the
 * key's text (a surname or short form used again); or a longer text that contains the key's text
 * as whole words where one of its occurrences in the input overlaps the mention.
 */
export function pairMention(
  mention: ImportMention,
  entities: readonly KeyEntity[],
  input: string,
): { entity: KeyEntity; rule: PairRule } | undefined {
  const candidates = entities.filter((entity) => entity.kind === mention.kind);
  const text = normaliseName(mention.text);
  const same = candidates.find((entity) => normaliseName(entity.text) === text);
  if (same) return { entity: same, rule: 'text' };
  const linked = candidates.find((entity) => mention.match !== 'new' && entity.record === mention.record);
  if (linked) return { entity: linked, rule: 'record' };
  const part = candidates.find((entity) => wholeWordOffsets(normaliseName(entity.text), text).length > 0);
  if (part) return { entity: part, rule: 'part' };
  const start = offsetOf(input, mention.line, mention.column);
  const end = start + mention.text.length;
  const lowerInput = input.toLowerCase();
  const overlapping = candidates.find((entity) => {
    const keyText = normaliseName(entity.text);
    if (wholeWordOffsets(text, keyText).length === 0) return false;
    return wholeWordOffsets(lowerInput, keyText).some((at) => at < end && at + keyText.length > start);
  });
  return overlapping ? { entity: overlapping, rule: 'overlap' } : undefined;
}

/** Whether a mention links the entity as the key says: its record, or new when the key says new. */
function linksRight(entity: KeyEntity, mention: ImportMention): boolean {
  return entity.record === null ? mention.match === 'new' : mention.match !== 'new' && mention.record === entity.record;
}

/** Whether a mention proposes the variant spelling as a variant of the right record. */
function variantRight(entity: KeyEntity, mention: ImportMention): boolean {
  return (mention.match === 'variant' || mention.match === 'probable-variant') && mention.record === entity.record;
}

const isVariant = (entity: KeyEntity) => entity.match === 'variant' || entity.match === 'probable-variant';

/** Evaluates the importer's reports against the answer keys. Pure. */
export function evaluate(cases: readonly EvalCase[]): Evaluation {
  const counts = Object.fromEntries(
    KINDS.map((kind) => [kind, { expected: 0, found: 0, proposed: 0, correct: 0, linkedRight: 0 }]),
  ) as Record<EntityKind, { expected: number; found: number; proposed: number; correct: number; linkedRight: number }>;
  const misses: Miss[] = [];
  const falseAlarms: FalseAlarm[] = [];
  const wrongRecords: Mismatch[] = [];
  const wrongVariants: Mismatch[] = [];
  const missedDates: { case: string; text: string }[] = [];
  const wrongPublished: string[] = [];
  let variants = 0;
  let variantsRight = 0;
  let dates = 0;
  let roles = 0;
  let rolesRight = 0;
  let publishedRight = 0;
  for (const { name, input, key, report } of cases) {
    // The strongest pairing decides whether the entity was linked right.
    const best = new Map<KeyEntity, { mention: ImportMention; rank: number }>();
    const ranks: readonly PairRule[] = ['text', 'record', 'part', 'overlap'];
    for (const mention of report.mentions) {
      counts[mention.kind].proposed += 1;
      const pair = pairMention(mention, key.entities, input);
      if (!pair) {
        falseAlarms.push({ case: name, mention });
        continue;
      }
      counts[mention.kind].correct += 1;
      const rank = ranks.indexOf(pair.rule);
      const previous = best.get(pair.entity);
      if (!previous || rank < previous.rank) best.set(pair.entity, { mention, rank });
    }
    for (const entity of key.entities) {
      counts[entity.kind].expected += 1;
      const mention = best.get(entity)?.mention;
      if (isVariant(entity)) variants += 1;
      if (!mention) {
        misses.push({ case: name, entity });
        continue;
      }
      counts[entity.kind].found += 1;
      if (linksRight(entity, mention)) counts[entity.kind].linkedRight += 1;
      else wrongRecords.push({ case: name, entity, mention });
      if (isVariant(entity)) {
        if (variantRight(entity, mention)) variantsRight += 1;
        else wrongVariants.push({ case: name, entity, mention });
      }
      if (entity.role !== undefined) {
        roles += 1;
        if (mention.role !== null && normaliseName(mention.role) === normaliseName(entity.role)) rolesRight += 1;
      }
    }
    for (const date of key.dates) {
      const wanted = normaliseName(date.text);
      const found = report.dates.some((reported) => {
        const text = normaliseName(reported.text);
        return text.includes(wanted) || wanted.includes(text);
      });
      if (found) dates += 1;
      else missedDates.push({ case: name, text: date.text });
    }
    if (report.published === key.published) publishedRight += 1;
    else wrongPublished.push(`${name}: expected ${key.published ?? 'null'}, got ${report.published ?? 'null'}`);
  }
  const kinds = Object.fromEntries(
    KINDS.map((kind) => {
      const c = counts[kind];
      const figures: KindFigures = {
        ...c,
        recall: c.expected === 0 ? 1 : c.found / c.expected,
        precision: c.proposed === 0 ? 0 : c.correct / c.proposed,
      };
      return [kind, figures];
    }),
  ) as Record<EntityKind, KindFigures>;
  return {
    cases: cases.length,
    kinds,
    variants: { expected: variants, right: variantsRight, wrong: wrongVariants },
    dates: { expected: dates + missedDates.length, found: dates, missed: missedDates },
    published: { expected: cases.length, right: publishedRight, wrong: wrongPublished },
    roles: { expected: roles, right: rolesRight },
    misses,
    falseAlarms,
    wrongRecords,
  };
}

/** Each target the evaluation misses, as a sentence; empty when all are met. */
export function missedTargets(evaluation: Evaluation): string[] {
  const { person, place, organisation } = evaluation.kinds;
  const missed: string[] = [];
  const check = (label: string, value: number, target: number) => {
    if (value < target) missed.push(`${label} ${percent(value)} < ${percent(target)}`);
  };
  check('person recall', person.recall, TARGETS.personRecall);
  check('person precision', person.precision, TARGETS.personPrecision);
  check('place recall', place.recall, TARGETS.placeRecall);
  check('place precision', place.precision, TARGETS.placePrecision);
  check('organisation recall', organisation.recall, TARGETS.organisationRecall);
  const { expected, right } = evaluation.variants;
  check('variants right', expected === 0 ? 1 : right / expected, TARGETS.variants);
  return missed;
}

/** A rate as a percentage with one decimal. */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
