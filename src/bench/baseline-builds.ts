import path from 'node:path';
import { findPagefindBinary, indexedPages } from '../build/search/search-index.ts';
import { type Article, type BaselineOptions, writeEleventyBaseline, writeHugoBaseline } from './baseline-projects.ts';
import { type Command, countHtml, inSequence, tsxNode } from './commands.ts';
import { type Measurement, measure } from './measure.ts';

/** The builds of the same article bodies by other generators, which the archive is compared with. */
export type BaselineRun = 'eleventy + pagefind' | 'hugo + pagefind' | 'eleventy baseline' | 'hugo';

/** One measured baseline build. */
export interface BaselineBuild extends Measurement {
  readonly run: BaselineRun;
  readonly pages: number;
  /** The output folder. */
  readonly site: string;
}

/** A generator the baselines are built with. */
interface Generator {
  /** The row of its build alone, and of its build followed by Pagefind. */
  readonly plain: BaselineRun;
  readonly searched: BaselineRun;
  /** Its output folder, in the project folder. */
  readonly output: string;
  readonly write: (articles: readonly Article[], project: string, options: BaselineOptions) => Promise<void>;
  /** Builds the project in the working directory. */
  readonly build: Command;
}

const GENERATORS = {
  eleventy: {
    plain: 'eleventy baseline',
    searched: 'eleventy + pagefind',
    output: '_site',
    write: writeEleventyBaseline,
    build: tsxNode(path.join(import.meta.dirname, 'eleventy-baseline-cli.ts'), '.', '_site'),
  },
  hugo: {
    plain: 'hugo',
    searched: 'hugo + pagefind',
    output: 'public',
    write: writeHugoBaseline,
    build: ['hugo', ['--quiet', '--source', '.', '--destination', 'public']],
  },
} as const satisfies Record<string, Generator>;

/** Options of {@link buildBaselines}. */
export interface BaselineBuildOptions {
  /** Build with Hugo too, not only Eleventy. */
  readonly hugo: boolean;
}

/**
 * Builds the articles with each generator in projects under `dir`: first each followed by Pagefind
 * over its output (`pagefind --site`), as a team wanting a searchable archive would build it, then
 * each alone, as earlier runs of the benchmark did. Each build is measured as one process tree, so
 * Pagefind's time and memory count with the generator's. Yields each build when it is done.
 */
export async function* buildBaselines(
  articles: readonly Article[],
  dir: string,
  options: BaselineBuildOptions,
): AsyncGenerator<BaselineBuild> {
  const generators: Generator[] = options.hugo ? [GENERATORS.eleventy, GENERATORS.hugo] : [GENERATORS.eleventy];
  for (const searchable of [true, false]) {
    for (const generator of generators) {
      const run = searchable ? generator.searched : generator.plain;
      const project = path.join(dir, run.replaceAll(/\W+/g, '-'));
      await generator.write(articles, project, { searchable });
      const pagefind: Command = [findPagefindBinary(), ['--site', generator.output]];
      const [file, args] = searchable ? inSequence(generator.build, pagefind) : generator.build;
      const measured = await measure(file, args, { cwd: project, env: withoutPagefindSettings() });
      const site = path.join(project, generator.output);
      if (searchable) await expectIndexed(path.join(site, 'pagefind'), articles.length);
      yield { run, ...measured, pages: countHtml(site), site };
    }
  }
}

/** A peer whose search missed articles would look faster than it is: fail instead. */
async function expectIndexed(bundle: string, articles: number): Promise<void> {
  const indexed = await indexedPages(bundle);
  if (indexed !== articles) throw new Error(`Pagefind indexed ${indexed} pages of ${articles} articles in ${bundle}`);
}

/** Pagefind reads PAGEFIND_* variables as settings; the peer is measured with its defaults. */
function withoutPagefindSettings(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_')));
}
