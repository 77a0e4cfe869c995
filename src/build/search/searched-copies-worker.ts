// The thread that copies a shard's pages for Pagefind (searched-copies.ts). A failure ends it with
// the error, which the main thread then throws.
import { workerData } from 'node:worker_threads';
import { type CopiesData, copySearchedPages } from './searched-copies.ts';

copySearchedPages(workerData as CopiesData);
