import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverInterruptedSwap } from '../src/cli/atomic-output.ts';
import { LOCK_STALE_MS } from '../src/cli/lock-owner.ts';
import { lockOutput, lockPathOf, OutputLockError } from '../src/cli/output-lock.ts';

// The lock that keeps two builds from writing one output folder, and the recovery that must only
// ever remove what a dead build left.

let live: ChildProcess;
let deadPid: number;

beforeAll(() => {
  // A process that runs for the whole file, and the pid of one that has ended (and been reaped).
  live = spawn('sleep', ['600'], { stdio: 'ignore' });
  deadPid = spawnSync('true').pid ?? 0;
});
afterAll(() => {
  live.kill();
});

const livePid = () => live.pid ?? 0;
const folder = () => mkdtempSync(path.join(tmpdir(), 'archive-lock-'));

/** A lock folder left by `pid`, as a build holding the lock leaves it. */
function leaveLock(output: string, pid: number, ageMs = 0): void {
  const lockPath = lockPathOf(output);
  mkdirSync(lockPath);
  const owner = { pid, hostname: hostname(), since: new Date().toISOString(), token: `left-by-${pid}` };
  writeFileSync(path.join(lockPath, 'owner.json'), JSON.stringify(owner));
  const modified = new Date(Date.now() - ageMs);
  utimesSync(lockPath, modified, modified);
}

describe('recovery of an interrupted build', () => {
  it("should remove a temporary folder of a dead build, and keep a live build's", async () => {
    const work = folder();
    const output = path.join(work, '_site');
    mkdirSync(output);
    for (const pid of [livePid(), deadPid]) mkdirSync(path.join(work, `._site.building-${pid}-1700000000000`));
    await recoverInterruptedSwap(output);
    expect(readdirSync(work).sort()).toEqual([`._site.building-${livePid()}-1700000000000`, '_site']);
  });

  it("should put back the previous site of a build killed while swapping, never a live build's", async () => {
    const work = folder();
    const output = path.join(work, '_site');
    const ofLive = `._site.previous-${livePid()}-1700000000002`;
    mkdirSync(path.join(work, ofLive));
    mkdirSync(path.join(work, `._site.previous-${deadPid}-1700000000001`));
    writeFileSync(path.join(work, `._site.previous-${deadPid}-1700000000001`, 'index.html'), 'old site');
    await recoverInterruptedSwap(output);
    expect(readdirSync(work).sort()).toEqual([ofLive, '_site']);
    expect(readdirSync(output)).toEqual(['index.html']);
  });

  it('should leave folders of other names alone', async () => {
    const work = folder();
    const names = [
      '._site.building-x',
      '._site.building-12',
      '._site.lock',
      '.other.building-1-1',
      '_site.building-1-1',
    ];
    for (const name of names) mkdirSync(path.join(work, name));
    await recoverInterruptedSwap(path.join(work, '_site'));
    expect(readdirSync(work).sort()).toEqual([...names].sort());
  });
});

describe('the output lock', () => {
  it('should refuse a second holder, naming the pid of the first, and be free again once released', async () => {
    const output = path.join(folder(), '_site');
    const first = await lockOutput(output);
    const second = lockOutput(output, { waitMs: 0 });
    await expect(second).rejects.toThrow(OutputLockError);
    await expect(second).rejects.toThrow(`${output}/ is being built by the build of pid ${process.pid}`);
    await first.release();
    expect(existsSync(lockPathOf(output))).toBe(false);
    await (await lockOutput(output, { waitMs: 0 })).release();
  });

  it('should wait for a live holder, say so once, and refuse when the wait is over', async () => {
    const output = path.join(folder(), '_site');
    leaveLock(output, livePid());
    const waitedFor: (number | undefined)[] = [];
    const started = Date.now();
    const locking = lockOutput(output, { waitMs: 700, onWait: (owner) => waitedFor.push(owner?.pid) });
    await expect(locking).rejects.toThrow(`pid ${livePid()}`);
    await expect(locking).rejects.toThrow('still after waiting 1 s');
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(waitedFor).toEqual([livePid()]);
  });

  it('should take over, at once, a lock whose owner process is gone', async () => {
    const output = path.join(folder(), '_site');
    leaveLock(output, deadPid);
    const lock = await lockOutput(output, { waitMs: 0 });
    expect(() => lock.assertHeld()).not.toThrow();
    await lock.release();
  });

  it('should take over a lock of a live process that was not refreshed within the stale time', async () => {
    const output = path.join(folder(), '_site');
    leaveLock(output, livePid(), LOCK_STALE_MS + 5_000);
    const lock = await lockOutput(output, { waitMs: 0 });
    await lock.release();
  });

  it('should know when its lock was taken over, so the build does not swap', async () => {
    const output = path.join(folder(), '_site');
    const lock = await lockOutput(output);
    // What a build that found this lock stale leaves: the lock folder of another owner.
    renameSync(lockPathOf(output), `${lockPathOf(output)}.taken`);
    leaveLock(output, livePid());
    expect(() => lock.assertHeld()).toThrow(/another build took over the lock on .*_site\/.*: run the build again/);
    await lock.release();
    expect(existsSync(lockPathOf(output))).toBe(true);
  });
});
