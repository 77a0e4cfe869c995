import { type ResourceLimits, Worker } from 'node:worker_threads';

// Run from the sources, workers run TypeScript as the main thread does, through tsx: Node 20 does
// not apply `--import` hooks to a worker's entry module, so the worker registers tsx itself before
// loading it. Run from the compiled code (src/cli/compiled-code.mjs), each worker's own compiled
// file is beside this one's, named as its entry in `ENTRIES`.
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * The module to run for the entry `source` (a `.ts` file's URL): itself, from the sources; from the
 * compiled code, the compiled file `entry`.mjs beside this one. For worker threads and child
 * processes alike; `typescript` says whether tsx must be registered first.
 */
export function entryModule(source: URL, entry: string): { readonly url: URL; readonly typescript: boolean } {
  return FROM_SOURCES
    ? { url: source, typescript: true }
    : { url: new URL(`./${entry}.mjs`, import.meta.url), typescript: false };
}

/**
 * Starts a worker thread on the module `source` (a `.ts` file's URL), or, run from the compiled
 * code, on its compiled file `entry`.mjs; with `env` as its `process.env`, if given.
 */
export function startWorker(
  source: URL,
  entry: string,
  workerData: unknown,
  env?: Record<string, string | undefined>,
  resourceLimits?: ResourceLimits,
): Worker {
  const options = { workerData, ...(env && { env }), ...(resourceLimits && { resourceLimits }) };
  const module = entryModule(source, entry);
  if (!module.typescript) return new Worker(module.url, options);
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(module.url.href)}); })`;
  return new Worker(bootstrap, { eval: true, ...options });
}

/**
 * The first message `worker` posts: for a thread started to do one thing and answer. Rejects with
 * the thread's error, or, when it ends without answering, saying so of `what` (the thread's name).
 */
export function firstAnswer<T>(worker: Worker, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${what} ended without answering (exit code ${code})`)));
  });
}
