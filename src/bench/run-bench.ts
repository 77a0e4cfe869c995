import { spawnSync } from 'node:child_process';
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { codeVersionNow } from '../build/cache/hash.ts';
import { type BaselineRun, buildBaselines } from './baseline-builds.ts';
import { readArticles } from './baseline-projects.ts';
import { countHtml, npmScript } from './commands.ts';
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
  readonly run:
    | 'cold'
    | 'no-change'
    | 'one edit'
    | 'one front-matter edit'
    | 'one summary edit'
    | 'one date edit'
    | BaselineRun;
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
    const build = npmScript(
      ROOT,
      'build',
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
    // An edit of front matter: a title, a summary, then a date, each make only the views of the
    // pages that show the article (and, for a date, of its neighbours old and new).
    await retitleOneArticle(content);
    await archiveRun('one front-matter edit');
    await editFrontMatter(
      content,
      2 / 3,
      /^summary: (.+)$/m,
      (_, summary: string) => `summary: ${summary} ${SUMMARY_MARK}`,
    );
    await archiveRun('one summary edit');
    await editFrontMatter(
      content,
      1 / 6,
      /^published: (\d{4}-\d\d)-(\d\d)$/m,
      (_, month: string, day: string) => `published: ${month}-${day === '01' ? '02' : '01'}`,
    );
    await archiveRun('one date edit');

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

/** What the article whose summary the summary edit corrects gets added to it. */
export const SUMMARY_MARK = '(corrected to measure a rebuild after a summary edit)';

async function retitleOneArticle(content: string): Promise<void> {
  await editFrontMatter(content, 1 / 3, /^title: (.+)$/m, (_, title: string) => `title: ${title} ${TITLE_MARK}`);
}

/**
 * Replaces the first match of `field` in the first article that has one, from `fraction` of the way
 * through the articles in name order: the one there may lack it (an article without a date).
 */
export async function editFrontMatter(
  content: string,
  fraction: number,
  field: RegExp,
  replacement: (match: string, ...groups: string[]) => string,
): Promise<void> {
  for (const file of await articlesFrom(content, fraction)) {
    const text = await readFile(file, 'utf8');
    const edited = text.replace(field, replacement);
    if (edited === text) continue;
    await writeFile(file, edited);
    return;
  }
  throw new Error(`no article in ${content} has a line ${field} to edit`);
}

/** The article at `fraction` of the way through the articles in name order. */
async function articleAt(content: string, fraction: number): Promise<string> {
  const [file] = await articlesFrom(content, fraction);
  if (file === undefined) throw new Error(`${path.join(content, 'articles')} has no article to edit`);
  return file;
}

/** Every article in name order, from the one at `fraction` of the way through them, then from the first. */
async function articlesFrom(content: string, fraction: number): Promise<string[]> {
  const folder = path.join(content, 'articles');
  const names = (await readdir(folder)).sort();
  const start = Math.floor(names.length * fraction);
  return [...names.slice(start), ...names.slice(0, start)].map((name) => path.join(folder, name));
}

function hasHugo(): boolean {
  return spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;
}
