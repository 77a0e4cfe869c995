import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSearchFolder, removeAbandonedSearchFolders } from '../src/build/search/search-folders.ts';
import { isProcessAlive } from '../src/util/process-alive.ts';

/** The id of a process that has ended. */
function endedPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (pid === undefined || isProcessAlive(pid)) throw new Error('the process should have ended');
  return pid;
}

describe('temporary search folders', () => {
  it('should carry the id of the process that made them', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'archive-folders-'));
    const folder = makeSearchFolder(directory);
    expect(path.basename(folder)).toMatch(new RegExp(`^archive-search-${process.pid}-\\w{6}$`));
  });

  it("should remove the folders of a process that is gone and keep a running one's", () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'archive-folders-'));
    const dead = `archive-search-${endedPid()}-AbC123`;
    const live = `archive-search-${process.pid}-XyZ789`;
    const others = ['archive-search-Qw12er', 'archive-content-1-abc', 'archive-search-0-abcdef'];
    for (const name of [dead, live, ...others]) mkdirSync(path.join(directory, name, 'inner'), { recursive: true });

    expect(removeAbandonedSearchFolders(directory)).toEqual([dead]);
    expect(readdirSync(directory).sort()).toEqual([live, ...others].sort());
  });

  it('should take a process it may not signal for a running one', () => {
    // pid 1 always runs; an unprivileged process gets EPERM for it, which is no sign of its end.
    expect(isProcessAlive(1)).toBe(true);
    expect(isProcessAlive(endedPid())).toBe(false);
  });
});
