import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { firstAnswer, startWorker } from '../build/index.ts';
import type { BrokenLink } from './check-output-links.ts';

/**
 * The scanning thread's young generation, in MB. Its garbage is the pages it read, gone once read;
 * by default its heap held 58 MB at the end of a 10,000-article build, 31 MB of it in use.
 */
const SCAN_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** What the scanning thread is started with. */
export interface LinkScanData {
  readonly outputDir: string;
  readonly pathPrefix: string;
}

/** Pages to read; with `finish`, the last of them, after which the thread answers. */
export interface LinkScanRequest {
  readonly type: 'pages' | 'finish';
  readonly pages: readonly string[];
}

/** The thread's answer to `finish`. */
export interface LinkScanReply {
  readonly broken: readonly BrokenLink[];
}

/**
 * The output link check (check-output-links.ts) of a build that renders the site in several runs,
 * on a thread of its own that reads each run's pages once it is written. Checked at the end, after
 * the feeds, the 25,000 pages of a 10,000-article archive kept the main thread 3.5–4 s longer, and
 * the other core idle; while the record pages render, Pagefind has nothing to index, and the scan
 * takes the core it leaves. A link to a page not written yet is looked up again at the end.
 */
export class LinkScan {
  readonly #worker: Worker;
  readonly #sent = new Set<string>();
  readonly #answer: Promise<readonly BrokenLink[]>;

  constructor(outputDir: string, pathPrefix: string) {
    const data: LinkScanData = { outputDir: path.resolve(outputDir), pathPrefix };
    const source = new URL('./link-scan-worker.ts', import.meta.url);
    this.#worker = startWorker(source, 'link-scan-worker', data, undefined, SCAN_LIMITS);
    this.#answer = firstAnswer<LinkScanReply>(this.#worker, "the link check's thread").then((reply) => reply.broken);
    // A build that fails before the end never asks for the answer.
    this.#answer.catch(() => undefined);
  }

  /** Has the thread read the HTML files among `files` (absolute paths) that it was not sent yet. */
  read(files: readonly string[]): void {
    const pages = this.#unsent(files);
    if (pages.length > 0) this.#worker.postMessage({ type: 'pages', pages } satisfies LinkScanRequest);
  }

  /** The broken links of every page sent, and of the HTML files among `files` not sent yet. */
  async finish(files: readonly string[]): Promise<BrokenLink[]> {
    this.#worker.postMessage({ type: 'finish', pages: this.#unsent(files) } satisfies LinkScanRequest);
    try {
      return [...(await this.#answer)];
    } finally {
      await this.close();
    }
  }

  /** Ends the thread. */
  async close(): Promise<void> {
    await this.#worker.terminate();
  }

  #unsent(files: readonly string[]): string[] {
    const pages = files.filter((file) => file.endsWith('.html') && !this.#sent.has(file));
    for (const page of pages) this.#sent.add(page);
    return pages;
  }
}
