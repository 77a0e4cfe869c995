// A worker thread of the cached build: runs the parse and render batches it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { openDiskCache } from '../cache/disk-cache.ts';
import { createJobHost, type JobTask } from './job-host.ts';

const { caches } = workerData as { caches: { parse: string; render: string } | undefined };
const host = createJobHost(caches && { parse: openDiskCache(caches.parse), render: openDiskCache(caches.render) });

parentPort?.on('message', ({ id, task }: { id: number; task: JobTask }) => {
  host(task).then(
    (result) => parentPort?.postMessage({ id, result }),
    (error: unknown) => parentPort?.postMessage({ id, error: error instanceof Error ? error.stack : String(error) }),
  );
});
