import { spawnSync } from 'node:child_process';
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { codeVersionNow } from '../build/cache/hash.ts';
import { type BaselineRun, buildBaselines } from './baseline-builds.ts';
import { readArticles } from './baseline-projects.ts';
import { countHtml, tsxNode } from './commands.ts';
import { measure } from './measure.ts';
import { writeCorpus } from './write-corpus.ts';

/** Options of {@link runBench}. */
export interface BenchOptions {
  /** Corpus sizes in articles. `npm run bench` builds 1,000 and 10,000 unless told other sizes. */
  readonly sizes: readonly number[];
  /** Folder for corpora, caches and outputs; each size gets a sub-folder, replaced on every run. */
  readonly work: string;
  /** Corpus seed. Default `1`. */
  readonly seed?: number;
  /** Build with Hugo too. Default: when `hugo` is installed. */
  readonly hugo?: boolean;
  /** Called with each finished row, for progress. */
  readonly onRow?: (row: BenchRow) => void;
}

/** One measured build. */
export interface BenchRow {
  readonly articles: number;
  readonly run: 'cold' | 'no-change' | 'one edit' | 'one front-matter edit' | BaselineRun;
  readonly seconds: number;
  readonly pages: number;
  /** Of the largest single process. */
  readonly peakRss: number | undefined;
  /** Of the build's processes together (Node and Pagefind's), sampled. */
  readonly peakTreeRss: number | undefined;
  /** The build's standard output, for checking what it did. */
  readonly stdout: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Builds generated archives of each size with the archive's own build (cold, again with no change,
 * and after editing one article), then the same article bodies with Eleventy and with Hugo, each
 * followed by Pagefind and each alone (see baseline-builds.ts). Every build runs in a child
 * process, so time and peak memory are that build's alone.
 */
export async function runBench(options: BenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const add = (row: BenchRow) => {
    rows.push(row);
    options.onRow?.(row);
  };
  const hugo = options.hugo ?? hasHugo();
  const code = await codeVersionNow();
  for (const articles of options.sizes) {
    const dir = path.join(path.resolve(options.work), String(articles));
    await rm(dir, { recursive: true, force: true });
    const content = path.join(dir, 'content');
    await writeCorpus(content, { articles, seed: options.seed ?? 1 });
    const site = path.join(dir, 'site');
    // As `npm run build` runs it.
    const build = tsxNode(
      '--expose-gc',
      path.join(ROOT, 'src/cli/build.ts'),
      `--content=${content}`,
      `--output=${site}`,
      `--cache=${path.join(dir, 'cache')}`,
    );
    const archiveRun = async (run: BenchRow['run']) => {
      const measured = await measure(build[0], build[1], { cwd: ROOT });
      // A build after an edit of the code is a full one: its row would measure something else.
      if ((await codeVersionNow()) !== code) {
        throw new Error(`the code changed while the bench ran (before its "${run}" row): run it again`);
      }
      add({ articles, run, ...measured, pages: countHtml(site) });
    };
    await archiveRun('cold');
    await archiveRun('no-change');
    // An edit of an article's text: only that article's pages and files are made again.
    await editOneArticle(content);
    await archiveRun('one edit');
    // An edit of front matter: every view-model is made again to find the pages it changed.
    await retitleOneArticle(content);
    await archiveRun('one front-matter edit');

    for await (const baseline of buildBaselines(await readArticles(content), dir, { hugo })) {
      add({ articles, ...baseline });
    }
  }
  return rows;
}

/** The mark the edited article gets, so a rebuild can be seen to include it. */
export const EDIT_MARK = 'This sentence was added to measure a rebuild after one edit.';

/** What the article retitled by the front-matter edit gets added to its title. */
export const TITLE_MARK = '(retitled to measure a rebuild after a front-matter edit)';

async function editOneArticle(content: string): Promise<void> {
  await appendFile(await articleAt(content, 1 / 2), `\n${EDIT_MARK}\n`);
}

async function retitleOneArticle(content: string): Promise<void> {
  const file = await articleAt(content, 1 / 3);
  const text = await readFile(file, 'utf8');
  const retitled = text.replace(/^title: (.+)$/m, `title: $1 ${TITLE_MARK}`);
  if (retitled === text) throw new Error(`${file} has no one-line title to edit`);
  await writeFile(file, retitled);
}

/** The article at `fraction` of the way through the articles in name order. */
async function articleAt(content: string, fraction: number): Promise<string> {
  const folder = path.join(content, 'articles');
  const names = (await readdir(folder)).sort();
  const name = names[Math.floor(names.length * fraction)];
  if (name === undefined) throw new Error(`${folder} has no article to edit`);
  return path.join(folder, name);
}

function hasHugo(): boolean {
  return spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;
}
