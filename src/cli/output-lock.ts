import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { LOCK_STALE_MS, type LockOwner, ownerFileOf, readOwner, removeIfStale } from './lock-owner.ts';

// proper-lockfile's exit hook (signal-exit) turns SIGXFSZ, which Node ignores, into a crash: with a
// listener of its own it stays ignored, so a file over the size limit fails with EFBIG and is reported.
process.on('SIGXFSZ', () => undefined);

/** How often the holder refreshes its lock: well inside `LOCK_STALE_MS`, even when its event loop is busy. */
const LOCK_UPDATE_MS = 10_000;
/** How long a build waits for another one by default: a cold build of 10,000 articles takes minutes. */
export const DEFAULT_LOCK_WAIT_MS = 600_000;
const POLL_MS = 250;

/** Options of {@link lockOutput}. */
export interface LockOptions {
  /** How long to wait for another build to let go, in milliseconds. Default 10 minutes; 0 refuses at once. */
  readonly waitMs?: number;
  /** Called once, when another live build holds the lock and this one starts waiting. */
  readonly onWait?: (owner: LockOwner | undefined) => void;
}

/** A held lock on an output folder. */
export interface OutputLock {
  /** Throws {@link OutputLockError} if the lock was taken over (it went stale), so nothing may be swapped in. */
  readonly assertHeld: () => void;
  /** Lets the lock go. */
  readonly release: () => Promise<void>;
}

/** The lock could not be had, or was lost; its message says why and what to do. */
export class OutputLockError extends Error {
  override readonly name = 'OutputLockError';
}

/** The lock folder of `output`: a hidden sibling, like the build's temporary folders. */
export function lockPathOf(output: string): string {
  const resolved = path.resolve(output);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`);
}

/**
 * Takes the lock on `output`, so that one build at a time writes, swaps and recovers it. A lock is
 * stale when its owner process is gone, or (proper-lockfile's rule) when it was not refreshed for
 * {@link LOCK_STALE_MS}; a stale lock is taken over. Otherwise this waits up to `waitMs`.
 */
export async function lockOutput(output: string, options: LockOptions = {}): Promise<OutputLock> {
  const lockPath = lockPathOf(output);
  const ownerFile = ownerFileOf(lockPath);
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const deadline = Date.now() + waitMs;
  let lost = false;
  let waiting = false;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (;;) {
    removeIfStale(lockPath);
    const release = await lockfile
      .lock(output, {
        lockfilePath: lockPath,
        realpath: false,
        stale: LOCK_STALE_MS,
        update: LOCK_UPDATE_MS,
        onCompromised: () => {
          lost = true;
        },
      })
      // ELOCKED: held. ENOTEMPTY: proper-lockfile found it stale first but cannot remove a lock
      // with its owner file in it; the next round does.
      .catch((error: NodeJS.ErrnoException) =>
        ['ELOCKED', 'ENOTEMPTY'].includes(error.code ?? '') ? undefined : Promise.reject(error),
      );
    if (release) return held(output, lockPath, ownerFile, release, () => lost);
    const owner = readOwner(ownerFile);
    if (Date.now() >= deadline) throw new OutputLockError(lockedMessage(output, owner, waitMs));
    if (!waiting) options.onWait?.(owner);
    waiting = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Records this process as the owner of the lock it just took, and hands it over. */
function held(
  output: string,
  lockPath: string,
  ownerFile: string,
  release: () => Promise<void>,
  isLost: () => boolean,
): OutputLock {
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  // proper-lockfile takes a changed mtime of its folder for a lock taken over: writing the owner
  // file changes it, so it is set back.
  const { mtime } = statSync(lockPath);
  writeFileSync(ownerFile, JSON.stringify(owner));
  utimesSync(lockPath, mtime, mtime);
  const ours = () => !isLost() && readOwner(ownerFile)?.token === owner.token;
  // proper-lockfile removes its folder on exit, which only works once the owner file is gone.
  const onExit = () => {
    if (ours()) rmSync(ownerFile, { force: true });
  };
  process.once('exit', onExit);
  return {
    assertHeld: () => {
      if (ours()) return;
      throw new OutputLockError(
        `another build took over the lock on ${output}/ while this one was stopped for over ${LOCK_STALE_MS / 1000} s: run the build again`,
      );
    },
    release: async () => {
      process.off('exit', onExit);
      if (!ours()) return;
      unlinkSync(ownerFile);
      // Failing to remove the folder leaves a lock without owner, which goes stale by itself.
      await release().catch(() => undefined);
    },
  };
}

function lockedMessage(output: string, owner: LockOwner | undefined, waitMs: number): string {
  const who = owner ? `the build of pid ${owner.pid} (started ${owner.since})` : 'another build';
  const still = waitMs === 0 ? '' : `, still after waiting ${Math.round(waitMs / 1000)} s`;
  const stop = owner ? `stop it (kill ${owner.pid})` : 'stop it';
  return `${output}/ is being built by ${who}${still}: wait for it to finish or ${stop}, then build again`;
}
