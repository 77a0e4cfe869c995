import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { treeRss } from '../src/bench/tree-rss.ts';

const MIB = 2 ** 20;

/** VmRSS of one process, read directly. */
function ownRss(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1]) * 1024;
}

describe.runIf(existsSync('/proc'))('memory of a process tree', () => {
  it('should add up a process and the child it started, which holds 64 MiB', async () => {
    // A parent that starts a child filling 64 MiB, prints the child's pid once it has, and waits.
    const child = `const b = Buffer.alloc(${64 * MIB}, 1); console.log('filled'); setTimeout(() => b, 30000);`;
    const parentCode = `
      const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: ['ignore', 'pipe', 'inherit'] });
      c.stdout.once('data', () => console.log(c.pid));
      setTimeout(() => {}, 30000);`;
    const parent = spawn(process.execPath, ['-e', parentCode], { stdio: ['ignore', 'pipe', 'inherit'] });
    let grandchild: number | undefined;
    try {
      const [chunk] = (await once(parent.stdout, 'data')) as [Buffer];
      grandchild = Number(chunk.toString().trim());
      const parentPid = parent.pid ?? 0;
      const total = treeRss(parentPid) ?? 0;
      expect(ownRss(grandchild)).toBeGreaterThan(64 * MIB);
      // Both processes, each counted once; memory moves a little between the reads.
      expect(total).toBeGreaterThan(ownRss(parentPid) + 60 * MIB);
      expect(total).toBeLessThan(ownRss(parentPid) + ownRss(grandchild) + 16 * MIB);
      expect(treeRss(grandchild)).toBeLessThan(total);
    } finally {
      if (grandchild !== undefined) process.kill(grandchild, 'SIGKILL');
      parent.kill('SIGKILL');
      parent.stdout.destroy();
    }
  });
});
