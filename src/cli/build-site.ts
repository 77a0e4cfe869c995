import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { Archive } from '../pipeline/build-archive.ts';
import { providePreloadedBuild } from '../site/eleventy-plugin.ts';
import type { PageFingerprints, PreviousPages, RenderPlan } from '../site/render-plan.ts';
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
  /**
   * Render only record pages whose view changed since the site in `output` was built, taking the
   * others from it. Needs the code version (a change of code or templates renders everything) and
   * the fingerprints that build returned, if it is still the site in `output`.
   */
  readonly incremental?: { readonly codeVersion: string; readonly previous?: PageFingerprints };
}

/** What a build did. */
export interface BuiltSite {
  /** Fingerprints of the record pages, for the next incremental build; only with `incremental`. */
  readonly fingerprints?: PageFingerprints;
  /** Record pages rendered, and record pages taken unchanged from the previous site. */
  readonly recordPages: { readonly rendered: number; readonly reused: number } | undefined;
}

/** Thrown when the rendered site links to pages it does not contain. */
export class BrokenLinksError extends Error {
  override readonly name = 'BrokenLinksError';
}

/**
 * Renders the archive with Eleventy into a temporary folder, checks that every internal link has a
 * target, and only then swaps the result in for `output`.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const pathPrefix = options.pathPrefix ?? '/';
  let plan: RenderPlan | undefined;
  const incremental = options.incremental && {
    codeVersion: options.incremental.codeVersion,
    ...previousSite(options.output, options.incremental.previous),
    onPlan: (planned: RenderPlan) => {
      plan = planned;
    },
  };
  await writeAtomically(
    options.output,
    async (temporary) => {
      const eleventy = new Eleventy('layouts', temporary, {
        configPath: '.eleventy.ts',
        pathPrefix,
        quietMode: options.verbose !== true,
        config: (config) =>
          providePreloadedBuild(config, { archive: options.archive, ...(incremental ? { incremental } : {}) }),
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
  if (plan === undefined) return { recordPages: undefined };
  const rendered = plan.fingerprints.size - plan.reused.length;
  return { fingerprints: plan.fingerprints, recordPages: { rendered, reused: plan.reused.length } };
}

function previousSite(output: string, fingerprints: PageFingerprints | undefined): { previous?: PreviousPages } {
  return fingerprints ? { previous: { output: path.resolve(output), fingerprints } } : {};
}
