// The parts of Eleventy 3's JavaScript API this project uses; the package ships no type declarations.
declare module '@11ty/eleventy' {
  /** The configuration object handed to `.eleventy.ts` and to plugins. */
  export interface UserConfig {
    addGlobalData(name: string, value: unknown): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addPlugin<O>(plugin: (config: UserConfig, options: O) => void | Promise<void>, options?: O): void;
    /** Whether a plugin of this function's name was added already (UserConfig.js in Eleventy 3.1.7). */
    hasPlugin(plugin: (config: UserConfig, options: never) => unknown): boolean;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addExtension(
      extension: string,
      options: {
        compileOptions?: { cache?: boolean; permalink?: boolean };
        compile?: (source: string, inputPath: string) => (data: unknown) => Promise<string>;
      },
    ): void;
    addWatchTarget(path: string): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setServerOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    setInputDirectory(folder: string): void;
    setIncludesDirectory(folder: string): void;
    setDataDirectory(folder: string): void;
    setTemplateFormats(formats: readonly string[]): void;
    on(event: string, listener: (...args: never[]) => unknown): void;
    /** Paths and globs of files that are not templates, relative to the project. */
    ignores: { add(glob: string): void; has(glob: string): boolean };
    /** The project's folders, as Eleventy resolved them (`./layouts/`). */
    readonly directories: { readonly input: string };
    readonly pathPrefix?: string;
  }

  /** Options of the programmatic API. */
  export interface EleventyOptions {
    /** The configuration file; `false` reads none (TemplateConfig.js in Eleventy 3.1.7). */
    configPath?: string | false;
    pathPrefix?: string;
    quietMode?: boolean;
    config?: (config: UserConfig) => void | Promise<void>;
  }

  /** Eleventy's programmatic API. */
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Reads the configuration and runs its plugins, without rendering. */
    init(): Promise<void>;
    /** Eleventy's logger; `overrideLogger` replaces the console it prints to. */
    readonly logger: { overrideLogger(console: Pick<Console, 'log' | 'info' | 'warn' | 'error'>): void };
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
  }

  /** Rewrites root-relative URLs in HTML for the configured path prefix. */
  export const HtmlBasePlugin: (config: UserConfig, options?: Record<string, unknown>) => void;
}
