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
  /** The SHA-256 of `bytes` in hex, when the loader took it. */
  readonly digest?: string;
}

/**
 * A content file the loader did not read: its stamp on disk (size, times, inode) is the one it had
 * when its bytes were last read, and hashed to `digest`. A build whose caches hold the file's parse
 * and body needs nothing else of it; one that must parse or render it reads it then.
 */
export interface UnreadFile {
  readonly path: string;
  readonly kind: RecordKind | undefined;
  readonly digest: string;
  /** Where to read it: the absolute path of the file. */
  readonly target: string;
  readonly bytes?: undefined;
  readonly size?: undefined;
  readonly refused?: undefined;
}

/** A content file, read or vouched for by its stamp. */
export type ContentFile = SourceFile | UnreadFile;
