import { DOMParser, type Element } from '@xmldom/xmldom';

/** Parses SVG with a real XML parser that throws on anything not well-formed. */
export function parseSvg(svg: string): Element {
  const parser = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  });
  const root = parser.parseFromString(svg, 'image/svg+xml').documentElement;
  if (root === null) throw new Error('No root element');
  return root;
}

/** Every descendant element with the tag name. */
export function elements(root: Element, tag: string): Element[] {
  const list = root.getElementsByTagName(tag);
  return Array.from({ length: list.length }, (_, index) => list.item(index) as Element);
}
