// Types of compiled-code.mjs, which is JavaScript so that Node runs it without a loader.
export const ROOT: string;
export const COMPILED_FOLDER: string;
// Keyed by entry name; the names are those of compiled-code.mjs, not repeated here.
export const ENTRIES: Readonly<Record<string, string>>;
export function sourceStamp(root?: string): string;
export function compiledCode(root?: string, folder?: string): Promise<string>;
