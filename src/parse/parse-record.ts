import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { type DataOf, KIND_FOLDERS, type RecordKind, SCHEMAS, slugSchema } from '../schema/index.ts';
import { type PositionIndex, splitFrontMatter } from './front-matter.ts';
import { parseBody } from './markdown.ts';
import { reportError } from './messages.ts';
import { reportSchemaIssues } from './schema-issues.ts';

/** One content file, validated on its own: typed front matter, and where everything is. */
export interface ParsedRecord<K extends RecordKind = RecordKind> {
  readonly kind: K;
  readonly slug: string;
  readonly data: DataOf<K>;
  readonly positions: PositionIndex;
  readonly file: VFile;
}

/** A record as parsing gives it, with its body; only rendering needs the body, so the index keeps the record. */
export interface ParsedContent<K extends RecordKind = RecordKind> extends ParsedRecord<K> {
  /** The Markdown body as a syntax tree whose positions are file positions. */
  readonly body: Root;
}

/** Any parsed record, discriminated by `kind`. */
export type AnyParsedRecord = { [K in RecordKind]: ParsedRecord<K> }[RecordKind];

/**
 * Parses and validates one content file of the given kind. A pure function of the file's text:
 * problems are recorded on `file` and the result is `undefined` when no record can be made.
 */
export function parseRecord<K extends RecordKind>(file: VFile, kind: K): ParsedContent<K> | undefined {
  if (file.messages.some((message) => message.fatal)) return undefined;
  const split = splitFrontMatter(file);
  if (!split) return undefined;
  const schema = SCHEMAS[kind];
  const result = schema.safeParse(split.data);
  const body = parseBody(file, split.bodyOffset);
  if (!result.success) {
    reportSchemaIssues(result.error.issues, { file, schema, data: split.data, positions: split.positions, kind });
    return undefined;
  }
  const data = result.data as DataOf<K>;
  const slug = data.slug ?? slugFromFileName(file, kind);
  if (slug === undefined) return undefined;
  return { kind, slug, data, body, positions: split.positions, file };
}

function slugFromFileName(file: VFile, kind: RecordKind): string | undefined {
  const stem = file.stem ?? '';
  if (slugSchema.safeParse(stem).success) return stem;
  reportError(
    file,
    `File name \`${file.basename}\` is not a valid slug: rename it to lower-case letters, digits and hyphens (e.g. \`content/${KIND_FOLDERS[kind]}/tan-chengxu.md\`), or set \`slug:\``,
    'invalid-slug',
    { line: 1, column: 1 },
  );
  return undefined;
}
