import { realpathSync } from 'node:fs';
import path from 'node:path';
import { passes } from '../../report/verdict.ts';
import { codeVersion, hashOf } from '../cache/hash.ts';
import { type CheckRecord, checkRecordFile, readCheckRecord, writeCheckRecord } from './check-record.ts';
import { stampContent } from './content-stamp.ts';
import { hashUnsettled, unchangedSince } from './unsettled-files.ts';

/** Options of {@link checkCached}. */
export interface CachedCheckOptions {
  /** Folder of the cache, shared with the build. */
  readonly cacheDir: string;
  /** Warnings fail too. Default `false`. */
  readonly strict?: boolean;
  /** The code version the record and the cache's entries are keyed by. Default: {@link codeVersion}. */
  readonly version?: string;
}

/** How a check went: whether it passed, how many files it checked, and whether it only replayed a record. */
export interface CheckOutcome {
  readonly ok: boolean;
  readonly files: number;
  readonly replayed: boolean;
}

/**
 * Checks the content in `contentDir` as `loadAndReport` does, printing the same report. When no
 * file, nor the code, changed since a check recorded its report, that report is printed again
 * instead, without reading a file; otherwise the content is checked in full, through the build's
 * cache, and the report recorded for the next check.
 */
export async function checkCached(contentDir: string, options: CachedCheckOptions): Promise<CheckOutcome> {
  const version = options.version ?? (await codeVersion());
  const strict = options.strict === true;
  const key = recordKey(contentDir, options.cacheDir, version);
  const previous = key && readCheckRecord(key.file);
  if (key !== undefined && previous?.inputs === key.inputs && unchangedSince(key.root, previous.unsettled)) {
    const report = process.stderr.isTTY ? previous.reports.color : previous.reports.plain;
    // As loadAndReport prints it.
    if (report !== '') process.stderr.write(`${report}\n`);
    return { ok: passes(previous, strict), files: previous.files, replayed: true };
  }

  // Imported here, not above: a check that replays its record needs neither the parsers nor the
  // linker, and loading them would take longer than the rest of it.
  const [{ loadAndReport }, { readContent }, { buildArchiveCached }, { countMessages, formatReport }] =
    await Promise.all([
      import('../../load/load-archive.ts'),
      import('../../load/read-content.ts'),
      import('../build-archive-cached.ts'),
      import('../../report/report.ts'),
    ]);
  const cwd = process.cwd();
  const sources = await readContent(path.resolve(contentDir), cwd);
  const result = await loadAndReport(contentDir, {
    strict,
    sources,
    build: (read) => buildArchiveCached(read, { cacheDir: options.cacheDir, version }),
  });
  const unsettled = key && hashUnsettled(key.root, cwd, key.unsettled, sources);
  if (key !== undefined && unsettled !== undefined) {
    const record: CheckRecord = {
      inputs: key.inputs,
      files: result.files.length,
      unsettled,
      ...countMessages(result.files),
      reports: {
        plain: formatReport(result.files, { color: false }),
        color: formatReport(result.files, { color: true }),
      },
    };
    writeCheckRecord(key.file, record);
  }
  return { ok: result.ok, files: result.files.length, replayed: false };
}

/**
 * Where the record of a check of `contentDir` is, and the hash of the inputs it must have been made
 * from; `undefined` when the folder cannot be stamped, and is always checked in full.
 */
function recordKey(
  contentDir: string,
  cacheDir: string,
  version: string,
): { file: string; inputs: string; root: string; unsettled: readonly string[] } | undefined {
  const root = realRoot(contentDir);
  const stamp = root === undefined ? undefined : stampContent(root);
  if (root === undefined || stamp === undefined) return undefined;
  const cwd = process.cwd();
  return {
    file: checkRecordFile(cacheDir, root, cwd),
    inputs: hashOf('check', version, process.version, cwd, root, stamp.hash),
    root,
    unsettled: stamp.unsettled,
  };
}

/** The real path of the content folder, as the loader resolves it; `undefined` if there is none. */
function realRoot(contentDir: string): string | undefined {
  try {
    return realpathSync(path.resolve(contentDir));
  } catch {
    return undefined;
  }
}
