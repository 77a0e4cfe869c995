import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PagefindIndex } from 'pagefind';

/** How long a build waits for the files of a bundle written through Pagefind's Node API to land. */
export const BUNDLE_LANDING_MS = 30_000;
/** How often it looks again meanwhile. */
const LOOK_AGAIN_MS = 20;

/**
 * Writes `index` into `bundle` through Pagefind's Node API, and returns once its files have landed
 * (see {@link bundleWritten}; `like`, the previous site's bundle, if any). Every write through the
 * Node API goes through here: the shards read ahead, and the empty bundle of an archive without
 * records, whose process is ended right after, which would lose the writes still on their way.
 */
export async function writeIndexFiles(index: PagefindIndex, bundle: string, like?: string): Promise<void> {
  const started = Date.now();
  const written = await index.writeFiles({ outputPath: bundle });
  if (written.errors.length > 0) {
    throw new Error(
      `Pagefind could not write ${bundle} (${written.errors.join('; ')}): if the disk is full, free some space and build again`,
    );
  }
  await bundleWritten(bundle, started, like);
}

/**
 * Waits until every file of `bundle` written since `since` (a time in ms) reads whole. Pagefind's
 * Node API answers a write before all of its files have landed: it writes each through tokio, whose
 * last write of a file still runs on a background thread when the call returns (`write` in
 * pagefind/src/output/mod.rs, 1.5.2). Under load a build read an empty pagefind-entry.json there.
 * Whole means: a JSON file parses, a compressed one decompresses to its end (gzip checks its length
 * and checksum), and any other file is as long as the file of the same name in `like` (the previous
 * site's bundle, written by the same Pagefind), or, without one, not empty.
 */
export async function bundleWritten(
  bundle: string,
  since: number,
  like: string | undefined,
  timeoutMs = BUNDLE_LANDING_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waiting = writtenSince(bundle, since);
  for (;;) {
    waiting = waiting.filter((file) => !readsWhole(bundle, file, like));
    if (waiting.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Pagefind had not finished writing ${waiting.slice(0, 3).join(', ')} in ${bundle} after ${timeoutMs / 1000} s: if the disk is full, free some space and build again`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, LOOK_AGAIN_MS));
  }
}

// File times come from the kernel's clock, which can lag `Date.now()` by a tick: files written a
// second before `since` are looked at too, which costs a read of a few complete files at most.
const CLOCK_SLACK_MS = 1000;

/** The files under `bundle`, as paths under it, changed since `since`: not those seeded by a link. */
function writtenSince(bundle: string, since: number): string[] {
  return readdirSync(bundle, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(bundle, path.join(entry.parentPath, entry.name)))
    .filter((file) => statSync(path.join(bundle, file)).mtimeMs >= since - CLOCK_SLACK_MS);
}

const COMPRESSED = /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;

function readsWhole(bundle: string, file: string, like: string | undefined): boolean {
  const bytes = readFileSync(path.join(bundle, file));
  try {
    if (file.endsWith('.json')) JSON.parse(bytes.toString('utf8'));
    else if (COMPRESSED.test(file)) gunzipSync(bytes);
    else {
      const model = like === undefined ? undefined : statSync(path.join(like, file), { throwIfNoEntry: false });
      return model === undefined ? bytes.length > 0 : bytes.length === model.size;
    }
    return true;
  } catch {
    return false;
  }
}
