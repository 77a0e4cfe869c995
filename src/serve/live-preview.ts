import type { UserConfig } from '@11ty/eleventy';
import type { Archive } from '../pipeline/build-archive.ts';
import { createPreviewLoader, type PreviewContent } from './preview-content.ts';
import { problemsMiddleware } from './problems-page.ts';

/** What the archive plugin asks of the live preview in `npm start`. */
export interface LivePreview {
  /** Loads content for a build; content errors are reported, never thrown (see preview-content.ts). */
  load(): Promise<Archive>;
}

/** Whether Eleventy runs with `--serve` or `--watch`: it sets ELEVENTY_RUN_MODE before configurations run. */
export function isLivePreview(): boolean {
  const mode = process.env['ELEVENTY_RUN_MODE'];
  return mode === 'serve' || mode === 'watch';
}

/** Sets up the live preview around Eleventy's dev server: content errors never stop it. */
export function setUpLivePreview(config: UserConfig, contentDir: string): LivePreview {
  const loadContent = createPreviewLoader(contentDir);
  let current: PreviewContent | undefined;
  config.setServerOptions({ middleware: [problemsMiddleware(() => current?.problems)] });
  return {
    load: async () => {
      current = await loadContent();
      return current.archive;
    },
  };
}
