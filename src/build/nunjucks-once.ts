import type { UserConfig } from '@11ty/eleventy';

/** The part of the Nunjucks library Eleventy hands to `eleventy.engine.njk` listeners. */
interface NunjucksLibrary {
  readonly Template: new (
    source: string,
    environment: unknown,
    path: string | null,
    eagerCompile: boolean,
  ) => { render(data: unknown, done: (error: Error | null, result?: string) => void): void };
}

/**
 * Compiles each Nunjucks template once per build instead of once per page. Eleventy 3.1 turns its
 * compile cache off for Nunjucks and builds a new template for every paginated page, which at
 * tens of thousands of pages costs more than rendering them. This compiles exactly as Eleventy's
 * own Nunjucks engine does (same library, same environment), and lets Eleventy cache the result.
 */
export function compileNunjucksOnce(config: UserConfig): void {
  let library: NunjucksLibrary | undefined;
  let environment: unknown;
  config.on('eleventy.engine.njk', (event: { nunjucks: NunjucksLibrary; environment: unknown }) => {
    library = event.nunjucks;
    environment = event.environment;
  });
  config.addExtension('njk', {
    compileOptions: { cache: true, permalink: true },
    compile: (source: string, inputPath: string) => {
      if (library === undefined) throw new TypeError('Eleventy did not announce its Nunjucks environment');
      // Eleventy's engine passes no path for inline templates such as permalinks.
      const path = inputPath === 'njk' || inputPath === 'md' || !inputPath ? null : inputPath;
      const template = new library.Template(source, environment, path, false);
      return (data: unknown) =>
        new Promise<string>((resolve, reject) =>
          template.render(data, (error, result) => (error ? reject(error) : resolve(result ?? ''))),
        );
    },
  });
}
