import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { isProcessAlive } from '../util/process-alive.ts';

/** A lock not refreshed for this long is stale even if its owner still runs (stopped, or on another machine). */
export const LOCK_STALE_MS = 60_000;
/** How often the holder refreshes its lock: well inside {@link LOCK_STALE_MS}, even when its event loop is busy. */
const LOCK_UPDATE_MS = 10_000;
/** How long a build waits for another one by default: a cold build of 10,000 articles takes minutes. */
export const DEFAULT_LOCK_WAIT_MS = 600_000;
const POLL_MS = 250;

/** Who holds an output lock: written into the lock folder, so it is removed with it. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** When it took the lock, ISO 8601. */
  readonly since: string;
  readonly token: string;
}

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
  const ownerFile = path.join(lockPath, 'owner.json');
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const deadline = Date.now() + waitMs;
  let lost = false;
  let waiting = false;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (;;) {
    removeIfStale(lockPath, ownerFile);
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

/**
 * Removes the lock at `lockPath` if its owner is gone or it was not refreshed in time. It is first
 * renamed to a name of this process's own, so that of two builds finding the same stale lock only
 * one removes it; and put back if, by then, it is a fresh lock of a live build.
 */
function removeIfStale(lockPath: string, ownerFile: string): void {
  const owner = readOwner(ownerFile);
  // Without an owner file the lock is being taken right now, or its taker died at once: then
  // proper-lockfile's own mtime rule applies.
  if (owner === undefined || !isStale(lockPath, owner)) return;
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // Another build removed it first.
  }
  if (readOwner(path.join(aside, 'owner.json'))?.token === owner.token) {
    rmSync(aside, { recursive: true, force: true });
    return;
  }
  try {
    renameSync(aside, lockPath);
  } catch {
    rmSync(aside, { recursive: true, force: true });
  }
}

function isStale(lockPath: string, owner: LockOwner): boolean {
  const modified = statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs;
  if (modified === undefined) return false;
  if (modified < Date.now() - LOCK_STALE_MS) return true;
  // A pid names a process of this machine only.
  return owner.hostname === hostname() && !isProcessAlive(owner.pid);
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.token === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

function lockedMessage(output: string, owner: LockOwner | undefined, waitMs: number): string {
  const who = owner ? `the build of pid ${owner.pid} (started ${owner.since})` : 'another build';
  const still = waitMs === 0 ? '' : `, still after waiting ${Math.round(waitMs / 1000)} s`;
  const stop = owner ? `stop it (kill ${owner.pid})` : 'stop it';
  return `${output}/ is being built by ${who}${still}: wait for it to finish or ${stop}, then build again`;
}
