import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { bySlug, type MentionTarget } from '../link/registry.ts';
import type { AnyParsedRecord } from '../parse/parse-record.ts';
import { type LinkedRecords, linkedRecords, linkRecords } from '../pipeline/build-archive.ts';
import { RECORD_KINDS } from '../schema/index.ts';
import { recordKey } from '../schema/record-key.ts';
import { writeWholeOrNothing } from './cache/disk-cache.ts';
import { textDigest } from './cache/hash.ts';
import { recordFactsOf } from './cache/record-facts.ts';
import { restoreMessages, type SerialMessage, serializeMessages } from './workers/serial-message.ts';

/** What the link pass found, as the memo keeps it. */
interface Findings {
  readonly key: string;
  /** The messages the pass reported, by the path of their file; files without any are left out. */
  readonly messages: readonly (readonly [string, readonly SerialMessage[]])[];
  /** Each name that links: the name, the kind and slug of its record, and the file that declares it. */
  readonly names: readonly (readonly [string, MentionTarget['kind'], string, string])[];
}

/**
 * The link pass (`linkRecords`), its findings recalled when its inputs are those of the last build
 * that ran it: the code, the files that failed to parse, and each record's path, kind, slug, front
 * matter and the places of its values (`front`, see record-facts.ts). After an edit of one text,
 * none of these changed, and checking every name and reference of 25,000 records again cost about
 * 0.4 s of a 6 s build. The index is made again (the records are new objects every build); the
 * messages are reported again on the same files, and the names that link are those found last.
 */
export function rememberedLinkPass(
  cacheDir: string,
  version: string,
): (records: readonly AnyParsedRecord[], invalid: ReadonlySet<string>) => LinkedRecords {
  // One file, replaced by each pass that ran: only the last archive's findings are worth keeping.
  const file = path.join(cacheDir, 'links', 'pass');
  return (records, invalid) => {
    const key = keyOf(version, records, invalid);
    const found = readFindings(file, key);
    if (found) return recall(found, records, invalid);
    const before = records.map((record) => record.file.messages.length);
    const linked = linkRecords(records, invalid);
    writeWholeOrNothing(file, serialize(findingsOf(key, records, before, linked)));
    return linked;
  };
}

function keyOf(version: string, records: readonly AnyParsedRecord[], invalid: ReadonlySet<string>): string {
  // One JSON text, hashed once: 100,000 parts hashed as a list took three times as long (65 ms).
  const inputs = records.map((record) => [record.file.path, record.kind, record.slug, recordFactsOf(record).front]);
  return textDigest(JSON.stringify([version, [...invalid].sort(), inputs]));
}

function findingsOf(
  key: string,
  records: readonly AnyParsedRecord[],
  before: readonly number[],
  linked: LinkedRecords,
): Findings {
  const messages = records.flatMap((record, at) => {
    const reported = serializeMessages(record.file, before[at]);
    return reported.length === 0 ? [] : [[record.file.path, reported] as const];
  });
  const names = [...linked.renderOptions.names].map(
    ([name, target]) => [name, target.kind, target.slug, linked.declaredIn.get(name) ?? ''] as const,
  );
  return { key, messages, names };
}

function recall(found: Findings, records: readonly AnyParsedRecord[], invalid: ReadonlySet<string>): LinkedRecords {
  const files = new Map(records.map((record) => [record.file.path, record.file]));
  for (const [file, messages] of found.messages) {
    const into = files.get(file);
    if (into) restoreMessages(into, messages);
  }
  // One object for each record named, as the pass makes it.
  const targets = new Map<string, MentionTarget>();
  const names = new Map<string, MentionTarget>();
  const declaredIn = new Map<string, string>();
  for (const [name, kind, slug, file] of found.names) {
    const key = recordKey({ kind, slug });
    const target = targets.get(key) ?? { kind, slug };
    targets.set(key, target);
    names.set(name, target);
    declaredIn.set(name, file);
  }
  return linkedRecords(bySlug(records).index, names, declaredIn, invalid);
}

const KINDS = new Set<string>(RECORD_KINDS);

/** The findings in `file` when they were found for `key`; none when they were not, or are damaged. */
function readFindings(file: string, key: string): Findings | undefined {
  try {
    const found = deserialize(readFileSync(file)) as Partial<Findings>;
    if (found.key !== key || !Array.isArray(found.messages) || !Array.isArray(found.names)) return undefined;
    if (!found.names.every((entry) => Array.isArray(entry) && KINDS.has(entry[1]))) return undefined;
    return found as Findings;
  } catch {
    return undefined;
  }
}
