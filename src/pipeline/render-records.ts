import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { createUnregisteredNameCheck } from '../link/check-unregistered-names.ts';
import type { LinkMentionsOptions } from '../link/remark-link-mentions.ts';
import type { AnyParsedRecord } from '../parse/parse-record.ts';
import { createBodyRenderer, type RenderedBody } from '../render/render-body.ts';

/** What an article says about its own words: those never to link, and spellings awaiting a decision. */
export interface ArticleWords {
  /** The article's `plain:` words: rendered as text, not linked. */
  readonly plain: readonly string[];
  /** Spellings whose proposal awaits a decision: `needs-review` already reports them, so `unregistered-name` does not. */
  readonly pending: readonly string[];
}

/** The words of an article record; `undefined` for other kinds, which are not checked for unregistered names. */
export function articleWords(record: AnyParsedRecord): ArticleWords | undefined {
  if (record.kind !== 'article') return undefined;
  const pending = record.data.proposals.filter((proposal) => proposal.decision === 'pending');
  return { plain: record.data.plain, pending: pending.map((proposal) => proposal.spelling) };
}

/**
 * The third pass for one record: an article's body is checked for names that are not registered,
 * then every body is rendered with its mentions linked. The same for a build on one thread and for
 * each worker thread of the cached build, so both report the same messages and make the same HTML.
 */
export function createRecordRenderer(
  options: LinkMentionsOptions,
  declaredIn: ReadonlyMap<string, string>,
): (body: Root, file: VFile, words: ArticleWords | undefined) => RenderedBody {
  const render = createBodyRenderer(options);
  const checkNames = createUnregisteredNameCheck(options.names, declaredIn);
  return (body, file, words) => {
    if (words) checkNames(body, file, [...words.plain, ...words.pending]);
    return render(body, file, words?.plain ?? []);
  };
}
