import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Gives the whole test run one temporary root and removes it afterwards. Tests, the builds they
 * start and their child processes all take their folders from `os.tmpdir()`, which follows TMPDIR,
 * so a run leaves nothing behind; a test-by-test cleanup would be easy to forget. Set
 * KEEP_TEST_TMP=1 to keep the folders for a look after a failure.
 */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'archive-tests-'));
  process.env['TMPDIR'] = root;
  return () => {
    if (process.env['KEEP_TEST_TMP']) {
      console.log(`Test folders kept in ${root}`);
      return;
    }
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
