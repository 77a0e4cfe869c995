import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { createJobHost, type JobCaches, type JobTask } from './job-host.ts';
import { startWorker } from './start-worker.ts';

/** Hosts that run job batches: worker threads, or the main thread alone. */
export interface JobPool {
  /** How many hosts there are; `run` takes a host number below this. */
  readonly size: number;
  readonly run: <T>(host: number, task: JobTask) => Promise<T>;
  readonly close: () => Promise<void>;
}

/** The default number of worker threads: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** A pool of `count` worker threads, or the main thread when `count` is 0. */
export function createJobPool(count: number, caches: JobCaches | undefined): JobPool {
  if (count <= 0) {
    const host = createJobHost(caches);
    return { size: 1, run: <T>(_: number, task: JobTask) => host(task) as Promise<T>, close: async () => {} };
  }
  const folders = caches && { parse: caches.parse.directory, render: caches.render.directory };
  const workers = Array.from({ length: count }, () => startArchiveWorker(folders));
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  for (const worker of workers) {
    worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (error !== undefined) waiting?.reject(new Error(`worker failed: ${error}`));
      else waiting?.resolve(result);
    });
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  }
  return {
    size: count,
    run: <T>(host: number, task: JobTask) =>
      new Promise<T>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        workers[host % count]?.postMessage({ id, task });
      }),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function startArchiveWorker(caches: { readonly parse: string; readonly render: string } | undefined): Worker {
  return startWorker(new URL('./archive-worker.ts', import.meta.url), 'archive-worker', { caches });
}
