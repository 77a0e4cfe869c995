import { readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '../util/process-alive.ts';

// Who holds an output lock, and when a lock is stale: its owner is gone, or it was not refreshed.

/** A lock not refreshed for this long is stale even if its owner still runs (stopped, or on another machine). */
export const LOCK_STALE_MS = 60_000;

/** Who holds an output lock: written into the lock folder, so it is removed with it. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** When it took the lock, ISO 8601. */
  readonly since: string;
  readonly token: string;
}

/** The owner file of a lock folder. */
export function ownerFileOf(lockPath: string): string {
  return path.join(lockPath, 'owner.json');
}

/**
 * Removes the lock at `lockPath` if its owner is gone or it was not refreshed in time. It is first
 * renamed to a name of this process's own, so that of two builds finding the same stale lock only
 * one removes it; and put back if, by then, it is a fresh lock of a live build.
 */
export function removeIfStale(lockPath: string): void {
  const owner = readOwner(ownerFileOf(lockPath));
  // Without an owner file the lock is being taken right now, or its taker died at once: then
  // proper-lockfile's own mtime rule applies.
  if (owner === undefined || !isStale(lockPath, owner)) return;
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // Another build removed it first.
  }
  if (readOwner(ownerFileOf(aside))?.token === owner.token) {
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

/** The owner recorded in `file`; `undefined` if there is none, or it cannot be read. */
export function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.token === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}
