import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { rejectMalformedLinks } from './link-encoding.ts';
import { rejectUnsafeUrls } from './link-policy.ts';
import { MARKDOWN_LIMITS, scanMarkdownCost } from './markdown-budget.ts';
import { reportError } from './messages.ts';

const parser = unified().use(remarkParse);

/**
 * Parses the Markdown body of `file`, starting at `bodyOffset`. The front matter is blanked out
 * rather than cut off, so every node's position is a position in the file itself.
 */
export function parseBody(file: VFile, bodyOffset: number): Root {
  const text = String(file.value);
  // Shapes that would take the parser minutes are refused before it sees them.
  const refusals = scanMarkdownCost(text, bodyOffset);
  for (const { reason, ruleId, place } of refusals) reportError(file, reason, ruleId, place);
  if (refusals.length > 0) return { type: 'root', children: [] };
  const blanked = text.slice(0, bodyOffset).replace(/[^\r\n]/g, ' ') + text.slice(bodyOffset);
  const tree = parser.parse(blanked);
  // Later steps walk the tree recursively; a body nested thousands deep would overflow the stack.
  if (rejectDeepNesting(tree, file)) return { type: 'root', children: [] };
  rejectRawHtml(tree, file);
  rejectUnsafeUrls(tree, file);
  rejectMalformedLinks(tree, file);
  return tree;
}

/** Deepest nesting of quotes, lists and inline marks we accept; real press releases use a handful. */
export const MAX_NESTING_DEPTH = MARKDOWN_LIMITS.depth;

function rejectDeepNesting(tree: Root, file: VFile): boolean {
  // Walked with an explicit stack, since recursion is exactly what cannot be trusted here.
  const stack: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item.depth > MAX_NESTING_DEPTH) {
      reportError(
        file,
        `Markdown is nested more than ${MAX_NESTING_DEPTH} levels deep (quotes, lists or emphasis inside each other): flatten it`,
        'nesting-too-deep',
        item.node.position,
      );
      return true;
    }
    const children = 'children' in item.node ? (item.node.children as Node[]) : [];
    for (const child of children) stack.push({ node: child, depth: item.depth + 1 });
  }
  return false;
}

// Raw HTML is refused rather than silently dropped: the editor learns it did not render, and
// nothing from it can reach a reader. The renderer sanitizes as well, as a second line of defence.
function rejectRawHtml(tree: Root, file: VFile): void {
  visit(tree, 'html', (node) => {
    const snippet = node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value;
    reportError(
      file,
      `Raw HTML is not allowed in content (\`${snippet.replace(/\s+/g, ' ')}\`): write it in Markdown, or remove it`,
      'raw-html',
      node.position,
    );
  });
}
