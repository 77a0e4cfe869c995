import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { MentionTarget } from '../../link/registry.ts';
import { urlFor } from '../../link/urls.ts';
import { decodeContentFile } from '../../parse/decode.ts';
import type { AnyParsedRecord } from '../../parse/parse-record.ts';
import type { SourceFile } from '../../parse/source-file.ts';
import { parseSource } from '../../pipeline/parse-source.ts';
import { type ArticleWords, createRecordRenderer } from '../../pipeline/render-records.ts';
import type { RenderedBody } from '../../render/render-body.ts';
import type { PlaceKind, RecordKind } from '../../schema/index.ts';
import { type SerialMessage, serializeMessages } from './serial-message.ts';

/** A record without its file: what is cached and sent between threads. */
export type PlainRecord = Omit<AnyParsedRecord, 'file'>;

/** The first pass over one file, as plain data. */
export interface ParseOutcome {
  readonly messages: readonly SerialMessage[];
  readonly record?: PlainRecord;
  readonly body?: Root;
}

/** Parses one source file and returns plain data. */
export function parseJob(source: SourceFile): ParseOutcome {
  const { file, record, body } = parseSource(source);
  const messages = serializeMessages(file);
  if (!record || !body) return { messages };
  const { file: _file, ...plain } = record;
  return { messages, record: plain, body };
}

/** What rendering needs to know about the whole archive, as plain data. */
export interface Registry {
  readonly names: ReadonlyMap<string, MentionTarget>;
  /** The file that declares each name, for messages about look-alikes of it. */
  readonly declaredIn: ReadonlyMap<string, string>;
  readonly slugs: { readonly [K in RecordKind]: readonly string[] };
  /** Kinds of places: cities have their own URL section. */
  readonly placeKinds: ReadonlyMap<string, PlaceKind>;
}

/** One body rendered, with the messages rendering reported (such as unknown hand links). */
export interface RenderOutcome extends RenderedBody {
  readonly messages: readonly SerialMessage[];
}

/** A renderer for bodies against the registry; each call renders one body of the file at `path`. */
export function createRenderJob(
  registry: Registry,
): (path: string, bytes: Uint8Array, body: Root, words?: ArticleWords) => RenderOutcome {
  const render = createRecordRenderer(
    {
      names: registry.names,
      slugs: registry.slugs,
      hrefFor: (target) => {
        const placeKind = target.kind === 'place' ? registry.placeKinds.get(target.slug) : undefined;
        return urlFor({ ...target, ...(placeKind ? { placeKind } : {}) });
      },
    },
    registry.declaredIn,
  );
  return (path, bytes, body, words) => {
    // Mentions are located in the text, so the file needs its text, decoded as parsing decoded it.
    const file = bytes.byteLength > 0 ? decodeContentFile(path, bytes) : new VFile({ path });
    const rendered = render(body, file, words);
    return { ...rendered, messages: serializeMessages(file) };
  };
}
