import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { MentionTarget } from '../link/registry.ts';
import { type LinkMentionsOptions, type Mention, remarkLinkMentions } from '../link/remark-link-mentions.ts';
import { isSitePath } from '../parse/link-policy.ts';

/** A body rendered to safe HTML, with the mentions found in it. */
export interface RenderedBody {
  readonly html: string;
  readonly mentions: readonly Mention[];
  /**
   * Whom the text mentions, in order: the targets of `mentions`. The link graph and the plan read
   * only these, so a body read from the cache makes its mentions' words and places only when asked
   * (224,000 mentions at 10,000 articles: half the time of reading every body back).
   */
  readonly mentioned: readonly MentionTarget[];
}

// GitHub's schema, plus the class names that mark mention links so they can be styled.
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    a: [
      ...(defaultSchema.attributes?.['a'] ?? []).filter((rule) => !Array.isArray(rule) || rule[0] !== 'className'),
      ['className', 'data-footnote-backref', 'mention', /^mention-[a-z]+$/],
    ],
  },
};

/** Drops the source of an image from another site: it would tell that site who reads what. */
function rehypeLocalImages() {
  return (tree: HastRoot): void => {
    visit(tree, 'element', (node) => {
      const src = node.properties['src'];
      if (node.tagName === 'img' && typeof src === 'string' && !isSitePath(src)) delete node.properties['src'];
    });
  };
}

/**
 * Makes a renderer for parsed Markdown bodies: link mentions, turn into HTML, sanitize, serialise.
 * Raw HTML was already refused when parsing; sanitizing here is the second line of defence.
 * `plain` lists names the record keeps unlinked (an article's `plain:`).
 */
export function createBodyRenderer(
  options: LinkMentionsOptions,
): (body: Root, file: VFile, plain?: readonly string[]) => RenderedBody {
  const processor = unified()
    .use(remarkLinkMentions, options)
    .use(remarkRehype)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeLocalImages)
    .use(rehypeStringify);
  return (body, file, plain = []) => {
    file.data.plain = plain;
    // The parsed tree may be cached and shared, so transform a copy.
    const tree = processor.runSync(structuredClone(body), file);
    const mentions = file.data.mentions ?? [];
    return {
      html: processor.stringify(tree, file),
      mentions,
      mentioned: mentions.map((mention) => mention.target),
    };
  };
}
