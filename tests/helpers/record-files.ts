import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KIND_FOLDERS, type RecordKind } from '../../src/schema/index.ts';

/** The record files of a content folder, by kind and slug, as tests edit them. */
export interface RecordFiles {
  readonly fileOf: (kind: RecordKind, slug: string) => string;
  /** The slugs of a kind's records, in code-unit order. */
  readonly slugsOf: (kind: RecordKind) => string[];
  readonly read: (kind: RecordKind, slug: string) => string;
}

/** The record files under `content`. */
export function recordFiles(content: string): RecordFiles {
  const fileOf = (kind: RecordKind, slug: string) => path.join(content, KIND_FOLDERS[kind], `${slug}.md`);
  return {
    fileOf,
    slugsOf: (kind) =>
      readdirSync(path.join(content, KIND_FOLDERS[kind]))
        .filter((file) => file.endsWith('.md'))
        .map((file) => file.slice(0, -'.md'.length))
        .sort(),
    read: (kind, slug) => readFileSync(fileOf(kind, slug), 'utf8'),
  };
}
