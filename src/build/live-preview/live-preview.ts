import type { UserConfig } from '@11ty/eleventy';
import type { Archive } from '../../pipeline/build-archive.ts';
import { RECORD_PAGE_KINDS, type RecordPages } from '../plan/render-plan.ts';
import { SEARCH_FOLDER } from '../search/search-shards.ts';
import { createPreviewLoader, type PreviewContent } from './preview-content.ts';
import { problemsMiddleware } from './problems-page.ts';
import { rebuildOnDeletion } from './rebuild-on-deletion.ts';
import { buildStartTime, removeStaleFiles, staleFilesRefusal } from './remove-stale-files.ts';

/** What the archive plugin asks of the live preview in `npm start`. */
export interface LivePreview {
  /** Loads content for a build; content errors are reported, never thrown (see preview-content.ts). */
  load(): Promise<Archive>;
  /** `pages` without those of records whose files are gone while the last good archive stands in. */
  withoutGone(pages: RecordPages): RecordPages;
  /** Removes from the output what this build did not write; call once everything is written. */
  finish(directories: { readonly output: string; readonly input: string }): Promise<void>;
}

/** Whether Eleventy runs with `--serve` or `--watch`: it sets ELEVENTY_RUN_MODE before configurations run. */
export function isLivePreview(): boolean {
  const mode = process.env['ELEVENTY_RUN_MODE'];
  return mode === 'serve' || mode === 'watch';
}

/**
 * Sets up the live preview around Eleventy's dev server: content errors never stop it, a deleted
 * or renamed content file rebuilds the site, and pages that are gone leave the output folder.
 */
export function setUpLivePreview(config: UserConfig, contentDir: string): LivePreview {
  const loadContent = createPreviewLoader(contentDir);
  let current: PreviewContent | undefined;
  let startedAt = buildStartTime();
  let refusalShown = false;
  const trigger = rebuildOnDeletion(contentDir);
  config.addWatchTarget(trigger.file);
  config.setServerOptions({ middleware: [problemsMiddleware(() => current?.problems)] });
  config.on('eleventy.before', () => {
    startedAt = buildStartTime();
  });
  // A change to the configuration or its modules sets the plugin up anew, with a trigger of its own.
  config.on('eleventy.reset', () => trigger.close());
  return {
    load: async () => {
      current = await loadContent();
      return current.archive;
    },
    withoutGone: (pages) => {
      const gone = current?.gone;
      if (gone === undefined || gone.size === 0) return pages;
      const kept = { ...pages };
      for (const kind of RECORD_PAGE_KINDS) {
        (kept[kind] as unknown[]) = pages[kind].filter((page) => !gone.has(page.link.url));
      }
      return kept;
    },
    finish: async ({ output, input }) => {
      const refusal = staleFilesRefusal(output, [contentDir, input]);
      // Pagefind does not write again a file of its index that is already there (their names are
      // hashes of their contents), and an index never refers to a file it did not make.
      if (refusal === undefined) return removeStaleFiles(output, startedAt, [SEARCH_FOLDER]);
      if (!refusalShown) process.stderr.write(`Pages that are gone are not removed from the output: ${refusal}.\n`);
      refusalShown = true;
    },
  };
}
