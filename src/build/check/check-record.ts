import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeWholeOrNothing } from '../cache/disk-cache.ts';
import { hashOf } from '../cache/hash.ts';

/** What a finished check of a content folder leaves in the cache, for the next check of it. */
export interface CheckRecord {
  /** Hash of everything the check read: the content's stamp, the code, Node, the folders. */
  readonly inputs: string;
  /** Files checked. */
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  /**
   * Hashes of the files the stamp could not vouch for (changed just before the check), as the
   * check read them, by path relative to the content folder.
   */
  readonly unsettled: readonly (readonly [file: string, hash: string])[];
  /** The report the check printed, without and with colour (it depends on the terminal). */
  readonly reports: { readonly plain: string; readonly color: string };
}

/** The file of the record for the content folder `root` (its real path), as checked from `cwd`. */
export function checkRecordFile(cacheDir: string, root: string, cwd: string): string {
  // Messages name files relative to the working folder, so each one gets a record of its own.
  return path.join(cacheDir, 'checks', `${hashOf(root, cwd).slice(0, 32)}.json`);
}

/** The record in `file`, if there is a whole one. */
export function readCheckRecord(file: string): CheckRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<CheckRecord>;
    const { inputs, files, errors, warnings, unsettled, reports } = record;
    const whole =
      typeof inputs === 'string' &&
      Array.isArray(unsettled) &&
      [files, errors, warnings].every(Number.isInteger) &&
      typeof reports?.plain === 'string' &&
      typeof reports.color === 'string';
    return whole ? (record as CheckRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `record` to `file`, replacing it whole; a record that cannot be written only costs time. */
export function writeCheckRecord(file: string, record: CheckRecord): void {
  writeWholeOrNothing(file, JSON.stringify(record));
}
