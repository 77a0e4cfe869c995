import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** An article's title and Markdown body, as the baselines get them. */
export interface Article {
  readonly slug: string;
  readonly title: string;
  readonly body: string;
}

/** Files read or written at once. */
const BATCH = 256;

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The title and body of every article of a content folder: the same text the archive renders. */
export async function readArticles(contentDir: string): Promise<Article[]> {
  const folder = path.join(contentDir, 'articles');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  const articles: Article[] = [];
  // In batches, as they are written: 100,000 files opened at once would pass the file-handle limit.
  for (let start = 0; start < names.length; start += BATCH) {
    articles.push(...(await Promise.all(names.slice(start, start + BATCH).map((name) => readArticle(folder, name)))));
  }
  return articles;
}

async function readArticle(folder: string, name: string): Promise<Article> {
  const text = await readFile(path.join(folder, name), 'utf8');
  const match = FRONT_MATTER.exec(text);
  const title = /^title: (.*)$/m.exec(match?.[1] ?? '')?.[1] ?? name;
  return { slug: name.slice(0, -3), title, body: text.slice(match?.[0].length ?? 0) };
}

/** Options of the baseline projects. */
export interface BaselineOptions {
  /**
   * Mark each article's body with `data-pagefind-body`, so that Pagefind run over the output indexes
   * the articles and nothing else, as a site with search would. Default `false`: the plain baselines
   * stay as they were measured before.
   */
  readonly searchable?: boolean;
}

/** The opening `<main>` of a baseline's layout. */
function mainTag(options: BaselineOptions): string {
  return options.searchable ? '<main data-pagefind-body>' : '<main>';
}

/**
 * A plain Eleventy 3 project: each article as a Markdown file rendered by Eleventy's default
 * markdown-it, in a one-line Nunjucks layout. Built alone, it is the plain baseline; `searchable`,
 * then indexed by Pagefind, it is the peer the archive is compared with.
 */
export async function writeEleventyBaseline(
  articles: readonly Article[],
  project: string,
  options: BaselineOptions = {},
): Promise<void> {
  await mkdir(path.join(project, '_includes'), { recursive: true });
  await mkdir(path.join(project, 'articles'), { recursive: true });
  await writeFile(
    path.join(project, '_includes', 'base.njk'),
    `<!doctype html><html lang="en"><title>{{ title }}</title>${mainTag(options)}{{ content | safe }}</main></html>\n`,
  );
  await writeAll(
    articles.map((article) => ({
      file: path.join(project, 'articles', `${article.slug}.md`),
      text: `---\ntitle: ${article.title}\nlayout: base.njk\n---\n${article.body}`,
    })),
  );
}

/**
 * The same articles as a minimal Hugo site with a one-line layout. Hugo adds a home and a section
 * list page, which are never marked for search.
 */
export async function writeHugoBaseline(
  articles: readonly Article[],
  project: string,
  options: BaselineOptions = {},
): Promise<void> {
  await mkdir(path.join(project, 'layouts', '_default'), { recursive: true });
  await mkdir(path.join(project, 'content', 'articles'), { recursive: true });
  await writeFile(
    path.join(project, 'hugo.toml'),
    "baseURL = 'http://localhost/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n",
  );
  const layout = (main: string) =>
    `<!doctype html><html lang="en"><title>{{ .Title }}</title>${main}{{ .Content }}</main></html>\n`;
  await writeFile(path.join(project, 'layouts', '_default', 'single.html'), layout(mainTag(options)));
  await writeFile(path.join(project, 'layouts', '_default', 'list.html'), layout('<main>'));
  await writeAll(
    articles.map((article) => ({
      file: path.join(project, 'content', 'articles', `${article.slug}.md`),
      text: `---\ntitle: ${article.title}\n---\n${article.body}`,
    })),
  );
}

async function writeAll(files: readonly { file: string; text: string }[]): Promise<void> {
  for (let start = 0; start < files.length; start += BATCH) {
    await Promise.all(files.slice(start, start + BATCH).map(({ file, text }) => writeFile(file, text)));
  }
}
