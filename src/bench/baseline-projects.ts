import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** An article's title and Markdown body, as the baselines get them. */
interface Article {
  readonly slug: string;
  readonly title: string;
  readonly body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The title and body of every article of a content folder: the same text the archive renders. */
export async function readArticles(contentDir: string): Promise<Article[]> {
  const folder = path.join(contentDir, 'articles');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(path.join(folder, name), 'utf8');
      const match = FRONT_MATTER.exec(text);
      const title = /^title: (.*)$/m.exec(match?.[1] ?? '')?.[1] ?? name;
      return { slug: name.slice(0, -3), title, body: text.slice(match?.[0].length ?? 0) };
    }),
  );
}

/**
 * A plain Eleventy 3 project: each article as a Markdown file rendered by Eleventy's default
 * markdown-it, in a one-line Nunjucks layout. This is the baseline the archive is compared with.
 */
export async function writeEleventyBaseline(articles: readonly Article[], project: string): Promise<void> {
  await mkdir(path.join(project, '_includes'), { recursive: true });
  await mkdir(path.join(project, 'articles'), { recursive: true });
  await writeFile(
    path.join(project, '_includes', 'base.njk'),
    '<!doctype html><html lang="en"><title>{{ title }}</title><main>{{ content | safe }}</main></html>\n',
  );
  await writeAll(
    articles.map((article) => ({
      file: path.join(project, 'articles', `${article.slug}.md`),
      text: `---\ntitle: ${article.title}\nlayout: base.njk\n---\n${article.body}`,
    })),
  );
}

/** The same articles as a minimal Hugo site with a one-line layout. */
export async function writeHugoBaseline(articles: readonly Article[], project: string): Promise<void> {
  await mkdir(path.join(project, 'layouts', '_default'), { recursive: true });
  await mkdir(path.join(project, 'content', 'articles'), { recursive: true });
  await writeFile(
    path.join(project, 'hugo.toml'),
    "baseURL = 'http://localhost/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n",
  );
  const layout = '<!doctype html><html lang="en"><title>{{ .Title }}</title><main>{{ .Content }}</main></html>\n';
  await writeFile(path.join(project, 'layouts', '_default', 'single.html'), layout);
  await writeFile(path.join(project, 'layouts', '_default', 'list.html'), layout);
  await writeAll(
    articles.map((article) => ({
      file: path.join(project, 'content', 'articles', `${article.slug}.md`),
      text: `---\ntitle: ${article.title}\n---\n${article.body}`,
    })),
  );
}

async function writeAll(files: readonly { file: string; text: string }[]): Promise<void> {
  for (let start = 0; start < files.length; start += 256) {
    await Promise.all(files.slice(start, start + 256).map(({ file, text }) => writeFile(file, text)));
  }
}
