import type { Link, PhrasingContent, Root, Text } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { reportError } from '../parse/messages.ts';
import { RECORD_KINDS, type RecordKind } from '../schema/index.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { namePattern } from './name-pattern.ts';
import type { MentionTarget } from './registry.ts';

/** One place where an article names a record. */
export interface Mention {
  readonly target: MentionTarget;
  /** The words as they stand in the text. */
  readonly text: string;
  readonly start: Point;
  /** `name` when found by its name, `link` when the editor linked it by hand. */
  readonly by: 'name' | 'link';
}

/** Options for {@link remarkLinkMentions}. */
export interface LinkMentionsOptions {
  /** Every linkable name, mapped to the record it stands for. */
  readonly names: ReadonlyMap<string, MentionTarget>;
  /** Slugs that exist, by kind, for checking hand-written `official:slug` links. */
  readonly slugs: { readonly [K in RecordKind]: Iterable<string> };
  /** The URL of a record's page. */
  readonly hrefFor: (target: { kind: RecordKind; slug: string }) => string;
  /** Link every mention (`all`) or only the first mention of each record (`first`, the default). */
  readonly linkMentions?: 'first' | 'all';
}

declare module 'vfile' {
  interface DataMap {
    mentions: Mention[];
    /** Names the article's front matter lists under `plain:`: never linked in this file. */
    plain: readonly string[];
  }
}

const HAND_LINK = new RegExp(`^(${RECORD_KINDS.join('|')}):([a-z0-9-]+)$`);

/**
 * Links registered names in the text to their records, longest name first, never inside links,
 * headings or code, and records every mention in `file.data.mentions` for backlinks. Hand-written
 * links such as `[the mayor](official:tan-chengxu)` are resolved and checked too. Names listed in
 * `file.data.plain` are left as they are, and so is every name inside them.
 */
export function remarkLinkMentions(options: LinkMentionsOptions) {
  const shared = namePattern(options.names.keys());
  return (tree: Root, file: VFile): void => {
    const plain = new Set(file.data.plain ?? []);
    // Plain names compete with registered ones, longest first, so "Dalian Road" keeps "Dalian" plain.
    const pattern = plain.size > 0 ? namePattern([...options.names.keys(), ...plain]) : shared;
    const mentions: Mention[] = [];
    const linked = new Set<string>();
    const place = location(file);
    const pointAt = (offset: number | undefined): Point => place.toPoint(offset ?? 0) ?? { line: 1, column: 1 };

    visit(tree, 'link', (node) => {
      const match = HAND_LINK.exec(node.url);
      if (!match) return;
      const kind = match[1] as RecordKind;
      const slug = match[2] ?? '';
      const known = [...options.slugs[kind]];
      if (!known.includes(slug)) {
        reportError(
          file,
          `Unknown ${kind} "${slug}" in link \`${node.url}\`${didYouMean(slug, known)}: fix the slug, or create that record`,
          'unknown-reference',
          node.position,
        );
        return;
      }
      node.url = options.hrefFor({ kind, slug });
      if (kind !== 'article') {
        const target = { kind, slug };
        linked.add(key(target));
        mentions.push({ target, text: textOf(node), start: pointAt(node.position?.start.offset), by: 'link' });
      }
    });

    if (pattern) {
      findAndReplace(
        tree,
        [
          pattern,
          // Returning the text itself (not `false`) consumes the match, so a shorter name inside
          // an unlinked longer one ("Tianjin" in "Beijing-Tianjin-Hebei") is not matched again.
          (value: string, match): PhrasingContent | string => {
            const target = options.names.get(value);
            if (!target || plain.has(value)) return value;
            const node = match.stack.at(-1) as Text | undefined;
            const offset = (node?.position?.start.offset ?? 0) + match.index;
            mentions.push({ target, text: value, start: pointAt(offset), by: 'name' });
            if (options.linkMentions !== 'all' && linked.has(key(target))) return value;
            linked.add(key(target));
            return {
              type: 'link',
              url: options.hrefFor(target),
              children: [{ type: 'text', value }],
              data: { hProperties: { className: ['mention', `mention-${target.kind}`] } },
            } satisfies Link;
          },
        ],
        { ignore: ['link', 'linkReference', 'heading', 'inlineCode', 'code', 'definition'] },
      );
    }
    file.data.mentions = mentions;
  };
}

function key(target: MentionTarget): string {
  return `${target.kind}:${target.slug}`;
}

function textOf(node: Link): string {
  return node.children.map((child) => ('value' in child ? child.value : '')).join('');
}
