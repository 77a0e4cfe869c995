/**
 * Whether process `pid` still runs on this machine. `kill(pid, 0)` sends nothing and only checks:
 * ESRCH means there is no such process; EPERM means there is one, owned by another user. Anything
 * else counts as alive, so that a doubt never lets a caller delete what a live process owns.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
