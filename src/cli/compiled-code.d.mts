// Types of compiled-code.mjs, which is JavaScript so that Node runs it without a loader.
export const ROOT: string;
export const COMPILED_FOLDER: string;
export const ENTRIES: Readonly<
  Record<
    'build' | 'check' | 'prepare-cache' | 'archive-worker' | 'search-ahead-worker' | 'site-presence-worker',
    string
  >
>;
export function sourceStamp(root?: string): string;
export function compiledCode(root?: string, folder?: string): Promise<string>;
