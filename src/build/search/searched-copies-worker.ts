// The thread that copies a shard's pages for Pagefind (searched-copies.ts), and answers with the
// copies' folder. A failure ends it with the error, which the main thread then throws.
import { parentPort, workerData } from 'node:worker_threads';
import { type CopiesData, copySearchedPages } from './searched-copies.ts';

parentPort?.postMessage(copySearchedPages(workerData as CopiesData));
