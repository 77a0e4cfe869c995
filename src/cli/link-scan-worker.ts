// The thread of a link scan (link-scan.ts): it reads the pages it is sent as they are written, and
// answers with the broken links once it is told the site is complete.
import { parentPort, workerData } from 'node:worker_threads';
import { LinkBook } from './check-output-links.ts';
import type { LinkScanData, LinkScanReply, LinkScanRequest } from './link-scan.ts';

const { outputDir, pathPrefix } = workerData as LinkScanData;
const book = new LinkBook(outputDir, pathPrefix);

parentPort?.on('message', (request: LinkScanRequest) => {
  for (const page of request.pages) book.read(page);
  if (request.type === 'finish') {
    const reply: LinkScanReply = { broken: book.broken() };
    parentPort?.postMessage(reply);
  }
});
