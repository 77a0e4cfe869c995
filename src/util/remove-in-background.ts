import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';

/**
 * Removes `folder` in a process of its own that outlives this one, so nobody waits for tens of
 * thousands of files to be deleted; in this process if none can be started. Failures are ignored:
 * whatever is left is removed the next time.
 */
export function removeInBackground(folder: string): void {
  const removeHere = () => {
    rm(folder, { recursive: true, force: true }).catch(() => undefined);
  };
  if (process.platform === 'win32') {
    removeHere();
    return;
  }
  const remover = spawn('rm', ['-rf', folder], { detached: true, stdio: 'ignore' });
  remover.on('error', removeHere);
  remover.unref();
}
