import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { SiteFingerprints } from '../../src/build/plan/render-plan.ts';
import { sitePresenceAhead } from '../../src/build/plan/site-presence.ts';
import { SearchAhead } from '../../src/build/search/search-ahead.ts';
import { type BuiltSite, buildSite } from '../../src/cli/build-site.ts';
import { readContent } from '../../src/load/read-content.ts';
import { type Archive, buildArchive } from '../../src/pipeline/build-archive.ts';
import { formatReport } from '../../src/report/report.ts';
import { searchFragments, snapshotSite } from './tree.ts';

/** Builds of one content folder, each taking what it can from the last, as the build command's cache does. */
export interface IncrementalBuilds {
  /** Builds `source` into `output`, from the fingerprints of the build before (none the first time). */
  readonly build: () => Promise<BuiltSite>;
  /** Checks that `output` equals a full build of `source`, search index included. */
  readonly expectFullBuild: () => Promise<void>;
  /** What the last build recorded for the next one. */
  readonly fingerprints: () => SiteFingerprints | undefined;
}

/**
 * Incremental builds of `source` (valid content) into `output`, in small Eleventy runs and search
 * shards so that a small corpus spans several; `work` holds the full build they are compared with.
 * Unless `readAhead` is false, each build has Pagefind read every shard of the previous site ahead
 * (see search-ahead.ts), where the build command reads those of the changed files. The previous
 * site's files are looked up on a worker thread while the archive loads, as the build command does.
 */
export function incrementalBuilds(
  work: string,
  source: string,
  output: string,
  { readAhead = true }: { readonly readAhead?: boolean } = {},
): IncrementalBuilds {
  let fingerprints: SiteFingerprints | undefined;
  const archive = async (): Promise<Archive> => {
    const built = buildArchive(await readContent(source, work));
    if (!built.archive) throw new Error(formatReport(built.files));
    return built.archive;
  };
  return {
    build: async () => {
      const shards = readAhead ? fingerprints?.shards : undefined;
      // The previous site is looked up while the archive loads, as the build command does.
      const presence = fingerprints && sitePresenceAhead(path.resolve(output), fingerprints);
      const loaded = await archive();
      const present = await presence;
      const built = await buildSite({
        archive: loaded,
        output,
        searchShardPages: 20,
        renderBatchPages: 10,
        incremental: {
          codeVersion: 'c1',
          ...(fingerprints && { previous: fingerprints }),
          ...(present && { present }),
        },
        ...(shards && { searchAhead: new SearchAhead(output, shards) }),
      });
      fingerprints = built.fingerprints;
      return built;
    },
    expectFullBuild: async () => {
      const full = path.join(work, 'full');
      rmSync(full, { recursive: true, force: true });
      await buildSite({ archive: await archive(), output: full, searchShardPages: 20 });
      expect(snapshotSite(output)).toEqual(snapshotSite(full));
      expect(searchFragments(output)).toEqual(searchFragments(full));
    },
    fingerprints: () => fingerprints,
  };
}
