import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { Archive } from '../pipeline/build-archive.ts';
import { providePreloadedArchive } from '../site/eleventy-plugin.ts';
import { type AtomicOptions, writeAtomically } from './atomic-output.ts';
import { findBrokenLinks } from './check-output-links.ts';

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** A validated archive. */
  readonly archive: Archive;
  /** Output folder, replaced only when the whole build succeeded. */
  readonly output: string;
  /** URL path the site is served under. Default `/`. */
  readonly pathPrefix?: string;
  /** Log Eleventy's progress. Default `false`. */
  readonly verbose?: boolean;
  /** Called at each stage of swapping the new site in (see {@link writeAtomically}). */
  readonly onStage?: AtomicOptions['onStage'];
}

/** Thrown when the rendered site links to pages it does not contain. */
export class BrokenLinksError extends Error {
  override readonly name = 'BrokenLinksError';
}

/**
 * Renders the archive with Eleventy into a temporary folder, checks that every internal link has a
 * target, and only then swaps the result in for `output`.
 */
export async function buildSite(options: BuildSiteOptions): Promise<void> {
  const pathPrefix = options.pathPrefix ?? '/';
  await writeAtomically(
    options.output,
    async (temporary) => {
      const eleventy = new Eleventy('layouts', temporary, {
        configPath: '.eleventy.ts',
        pathPrefix,
        quietMode: options.verbose !== true,
        config: (config) => providePreloadedArchive(config, options.archive),
      });
      await eleventy.write();
      const broken = await findBrokenLinks(path.resolve(temporary), pathPrefix);
      if (broken.length > 0) {
        const lines = broken.map((link) => `  ${link.page}: ${link.href}`);
        throw new BrokenLinksError(`${broken.length} internal links have no target:\n${lines.join('\n')}`);
      }
    },
    options.onStage ? { onStage: options.onStage } : {},
  );
}
