import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { firstAnswer } from '../src/build/workers/start-worker.ts';

const thread = (code: string) =>
  new Worker(`const { parentPort } = require('node:worker_threads');\n${code}`, { eval: true });

describe("a thread's first answer", () => {
  it('should be the first message the thread posts', async () => {
    await expect(
      firstAnswer(thread('parentPort.postMessage({ n: 1 }); parentPort.postMessage({ n: 2 });'), 'the thread'),
    ).resolves.toEqual({ n: 1 });
  });

  it("should fail with the thread's own error", async () => {
    await expect(
      firstAnswer(thread("throw new Error('page gone: /officials/li/index.html');"), 'the thread'),
    ).rejects.toThrow('page gone: /officials/li/index.html');
  });

  it('should fail, naming the thread, when it ends without answering', async () => {
    await expect(firstAnswer(thread('process.exit(3);'), 'the copying thread')).rejects.toThrow(
      'the copying thread ended without answering (exit code 3)',
    );
  });
});
