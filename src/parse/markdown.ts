import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportError } from './messages.ts';

const parser = unified().use(remarkParse);

/**
 * Parses the Markdown body of `file`, starting at `bodyOffset`. The front matter is blanked out
 * rather than cut off, so every node's position is a position in the file itself.
 */
export function parseBody(file: VFile, bodyOffset: number): Root {
  const text = String(file.value);
  const blanked = text.slice(0, bodyOffset).replace(/[^\r\n]/g, ' ') + text.slice(bodyOffset);
  const tree = parser.parse(blanked);
  rejectRawHtml(tree, file);
  return tree;
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
