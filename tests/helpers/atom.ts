import { parseHTML } from 'linkedom';

/** An XML element as xmldom gives it. */
interface XmlElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}

/** An Atom text construct's text as a feed reader shows it: a `type="html"` one is HTML, read once more as text. */
export function atomText(element: XmlElement | undefined): string {
  const text = element?.textContent ?? '';
  if (element?.getAttribute('type') !== 'html') return text;
  return parseHTML(`<!doctype html><html><body>${text}</body></html>`).document.body.textContent ?? '';
}
