import { createHash } from 'node:crypto';
import type { Archive } from '../../pipeline/build-archive.ts';
import { recordsOf } from '../../pipeline/build-archive.ts';
import { recordKey } from '../../schema/record-key.ts';

/**
 * An archive split into what its pages are made from besides the texts (the skeleton), and the
 * texts. Only three kinds of output read a record's rendered text: its article page, its open-data
 * file and the archive's full-text feed (tests/text-edit.test.ts checks this on a built site).
 * So when two builds' skeletons are equal, every other file of the site is equal too.
 */
export interface ArchiveShape {
  /**
   * Hash of every record's kind, slug and front matter, of the records each text mentions (which
   * make the link graph), of which texts are empty, and of `shared` (code, origin, path prefix).
   */
  readonly skeleton: string;
  /** `kind:slug` → hash of the record's rendered text. */
  readonly texts: ReadonlyMap<string, string>;
}

/** The shape of `archive` as the site at `shared` (a hash of the code and where it is published) shows it. */
export function archiveShape(archive: Archive, shared: string): ArchiveShape {
  const skeleton = createHash('sha256').update(shared);
  const texts = new Map<string, string>();
  for (const record of recordsOf(archive.records)) {
    const key = recordKey(record);
    const body = archive.bodies.get(key);
    // The graph, and so the site, takes only whom a text mentions, in order (graph.ts): not where
    // or in which words, which an edit above a mention changes.
    const mentioned = (body?.mentions ?? []).map((mention) => recordKey(mention.target));
    // One JSON value per record, so no two different archives join into the same text.
    skeleton.update(JSON.stringify([key, record.data, mentioned, body?.html === '']));
    skeleton.update('\n');
    texts.set(
      key,
      createHash('sha256')
        .update(body?.html ?? '')
        .digest('base64'),
    );
  }
  return { skeleton: skeleton.digest('hex'), texts };
}

/**
 * The records whose text is all that changed between two shapes, as `kind:slug` keys; `undefined`
 * when anything else changed (a front-matter value, a mention, a record added or removed, the code
 * or where the site is published) and so any page may have.
 */
export function textOnlyChanges(previous: ArchiveShape, current: ArchiveShape): string[] | undefined {
  if (previous.skeleton !== current.skeleton || previous.texts.size !== current.texts.size) return undefined;
  const changed: string[] = [];
  for (const [key, text] of current.texts) {
    const before = previous.texts.get(key);
    if (before === undefined) return undefined;
    if (before !== text) changed.push(key);
  }
  return changed;
}
