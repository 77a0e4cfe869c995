import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import {
  type DataOf,
  KIND_FOLDERS,
  RESERVED_SLUG,
  RESERVED_SLUG_MESSAGE,
  type RecordKind,
  SCHEMAS,
  slugSchema,
} from '../schema/index.ts';
import { checkFrontMatterText, rejectBidiControls } from './check-characters.ts';
import { checkReview } from './check-review.ts';
import { type PositionIndex, readYamlRecord, splitFrontMatter } from './front-matter.ts';
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
  const split = isYamlFile(file) ? readYamlOnly(file, kind) : splitFrontMatter(file);
  if (!split) return undefined;
  const schema = SCHEMAS[kind];
  const text = checkFrontMatterText(file, split.data, split.positions, kind);
  const result = schema.safeParse(text.data);
  const body = parseBody(file, split.bodyOffset);
  rejectBidiControls(file, split.bodyOffset);
  if (!result.success) {
    reportSchemaIssues(result.error.issues, { file, schema, data: text.data, positions: split.positions, kind });
    return undefined;
  }
  // A name or slug with an invisible character would be indexed under a name no one can type.
  if (text.refused) return undefined;
  const data = result.data as DataOf<K>;
  checkReview(file, data, split.positions);
  const slug = data.slug ?? slugFromFileName(file, kind);
  if (slug === undefined) return undefined;
  return { kind, slug, data, body, positions: split.positions, file };
}

function isYamlFile(file: VFile): boolean {
  return file.extname === '.yaml' || file.extname === '.yml';
}

function readYamlOnly(file: VFile, kind: RecordKind) {
  if (kind !== 'article') return readYamlRecord(file);
  reportError(
    file,
    'An article needs its text, so it must be a Markdown file: rename it to `.md`, put these fields between two `---` lines and the article text after them',
    'missing-front-matter',
    { line: 1, column: 1 },
  );
  return undefined;
}

function slugFromFileName(file: VFile, kind: RecordKind): string | undefined {
  const stem = file.stem ?? '';
  if (slugSchema.safeParse(stem).success) return stem;
  if (RESERVED_SLUG.test(stem)) {
    reportError(
      file,
      `File name \`${file.basename}\` gives the slug \`${stem}\`, which ${RESERVED_SLUG_MESSAGE}: rename the file, or set another \`slug:\``,
      'reserved-slug',
      { line: 1, column: 1 },
    );
    return undefined;
  }
  reportError(
    file,
    `File name \`${file.basename}\` is not a valid slug: rename it to lower-case letters, digits and hyphens (e.g. \`content/${KIND_FOLDERS[kind]}/tan-chengxu.md\`), or set \`slug:\``,
    'invalid-slug',
    { line: 1, column: 1 },
  );
  return undefined;
}
