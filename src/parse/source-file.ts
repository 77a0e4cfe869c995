import type { RecordKind } from '../schema/index.ts';

/** Records other than articles may be plain YAML files: they are front matter without a body. */
export const RECORD_EXTENSIONS = ['.md', '.yaml', '.yml'] as const;

/** Why a content path was not read. */
export type Refusal = 'symlink-outside-content' | 'not-a-file';

/**
 * A content file as read from disk: its kind comes from its folder. What parsing takes, and what
 * `load/read-content.ts` makes; defined here so that the stages after loading need not import it.
 */
export interface SourceFile {
  /** Path as shown in messages, relative to the working directory. */
  readonly path: string;
  readonly kind: RecordKind | undefined;
  readonly bytes: Uint8Array;
  /** Size on disk when it differs from `bytes`: a file over the size limit is not read at all. */
  readonly size?: number;
  /** Set when the file was not read, with the reason. */
  readonly refused?: Refusal;
}
