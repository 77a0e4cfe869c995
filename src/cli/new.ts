#!/usr/bin/env node
// `npm run new -- <kind> "Title or name" [--slug=…] [--content=content]`: writes a new content file
// with its front matter filled in as far as possible and every field explained. Never overwrites.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SCAFFOLD_KINDS, type ScaffoldKind, scaffold } from '../author/scaffold.ts';
import { DEFAULT_CONTENT_DIR } from '../load/load-archive.ts';
import { KIND_FOLDERS } from '../schema/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    slug: { type: 'string' },
    content: { type: 'string', default: process.env['NEWS_ARCHIVE_CONTENT'] ?? DEFAULT_CONTENT_DIR },
  },
});

const [kind, ...words] = positionals;
if (!SCAFFOLD_KINDS.includes(kind as ScaffoldKind) || words.length === 0) {
  process.stderr.write(
    `Usage: npm run new -- <${SCAFFOLD_KINDS.join('|')}> "Title or name" [--slug=…]\n` +
      'Example: npm run new -- official "Li Jinke"\n',
  );
  process.exit(1);
}

const scaffoldKind = kind as ScaffoldKind;
const folder = path.join(values.content, KIND_FOLDERS[scaffoldKind === 'city' ? 'place' : scaffoldKind]);
const result = scaffold(scaffoldKind, words.join(' '), {
  today: new Date().toISOString().slice(0, 10),
  existing: await slugsIn(folder),
  ...(values.slug ? { slug: values.slug } : {}),
});
if ('error' in result) {
  process.stderr.write(`${result.error}\n`);
  process.exit(1);
}

const file = path.join(values.content, result.path);
try {
  // `wx`: fail rather than overwrite, even if the file appeared since the folder was read.
  await writeFile(file, result.text, { flag: 'wx' });
} catch (error) {
  const reason = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'it already exists' : String(error);
  process.stderr.write(`Did not write ${file}: ${reason}\n`);
  process.exit(1);
}
process.stdout.write(
  `Created ${file}\nFill in the fields marked "Required"${result.kind === 'article' ? ', paste the text below the front matter,' : ''} then run \`npm run check\`.\n`,
);

/** Slugs already taken in a kind's folder: file names, and `slug:` overrides inside files. */
async function slugsIn(directory: string): Promise<Set<string>> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const slugs = new Set<string>();
  for (const name of names.filter((entry) => entry.endsWith('.md'))) {
    slugs.add(name.slice(0, -3));
    const override = /^slug:\s*['"]?([a-z0-9-]+)/m.exec(await readFile(path.join(directory, name), 'utf8'));
    if (override?.[1]) slugs.add(override[1]);
  }
  return slugs;
}
