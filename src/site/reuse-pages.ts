import { copyFileSync, existsSync, linkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pageFile } from './render-plan.ts';

/** Whether the site in `output` still has the page for `url`. */
export function hasPage(output: string, url: string): boolean {
  const file = pageFile(output, url);
  return file !== undefined && existsSync(file);
}

/**
 * Puts the previous site's unchanged record pages into the new one. Hard links cost no copy and no
 * space, and are safe: no build writes into a finished site, it always writes a new folder (see
 * atomic-output.ts).
 */
export function reusePages(previousOutput: string, output: string, urls: readonly string[]): void {
  // Synchronous: thousands of small calls, one after the other, and nothing else to do meanwhile.
  for (const url of urls) {
    const source = pageFile(previousOutput, url);
    const target = pageFile(output, url);
    if (source === undefined || target === undefined) throw new TypeError(`not a record page URL: ${url}`);
    linkOrCopy(source, target);
  }
}

/** Hard-links `source` to `target`, creating its folder; copies it where a link is impossible. */
export function linkOrCopy(source: string, target: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    linkSync(source, target);
  } catch (error) {
    if (!isLinkRefused(error)) throw error;
    copyFileSync(source, target);
  }
}

function isLinkRefused(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EXDEV' || code === 'EPERM' || code === 'EMLINK' || code === 'ENOTSUP';
}
