#!/usr/bin/env node
// `npm run import -- <file or folder>... [--published YYYY-MM-DD] [--source-url URL] [--dry-run]
// [--json] [--content=DIR]`: drafts an article and its records from saved press releases.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { toReport } from '../import/analyse-release.ts';
import { writeRelease } from '../import/write-release.ts';
import { DEFAULT_CONTENT_DIR } from '../load/load-archive.ts';
import { readContent } from '../load/read-content.ts';
import { type Archive, buildArchive } from '../pipeline/build-archive.ts';
import { formatReport } from '../report/report.ts';

const { values, positionals } = parseArgs({
  options: {
    published: { type: 'string' },
    'source-url': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    content: { type: 'string', default: process.env['NEWS_ARCHIVE_CONTENT'] ?? DEFAULT_CONTENT_DIR },
  },
  allowPositionals: true,
});
if (positionals.length === 0) {
  process.stderr.write(
    'Usage: npm run import -- <file or folder>... [--published YYYY-MM-DD] [--source-url URL] [--dry-run] [--json] [--content=DIR]\n',
  );
  process.exit(2);
}
if (values.published !== undefined && !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(values.published)) {
  process.stderr.write(`--published ${values.published}: write the date as YYYY-MM-DD (or YYYY-MM, YYYY)\n`);
  process.exit(2);
}
const contentDir = path.resolve(values.content);

/** The archive as it is on disk now; read again after each release is written, so later releases see its drafts. */
async function loadArchive(): Promise<Archive> {
  const result = buildArchive(await readContent(contentDir));
  if (!result.archive) {
    process.stderr.write(
      `${formatReport(result.files, { color: false })}\nThe content has errors: fix them before importing.\n`,
    );
    process.exit(1);
  }
  return result.archive;
}

async function inputsOf(given: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of given) {
    if ((await stat(entry)).isDirectory()) {
      const names = (await readdir(entry)).filter((name) => /\.(?:txt|html?)$/i.test(name)).sort();
      files.push(...names.map((name) => path.join(entry, name)));
    } else files.push(entry);
  }
  return files;
}

let archive = await loadArchive();
const reports = [];
const vfiles: VFile[] = [];
const today = new Date().toISOString().slice(0, 10);
for (const file of await inputsOf(positionals)) {
  const { text, analysis, written, existing } = await writeRelease(file, contentDir, archive, {
    today,
    dryRun: values['dry-run'],
    ...(values.published === undefined ? {} : { published: values.published }),
    ...(values['source-url'] === undefined ? {} : { sourceUrl: values['source-url'] }),
  });
  const report = toReport(file, analysis);
  reports.push(report);
  const vfile = new VFile({ path: file, value: text });
  vfiles.push(vfile);
  for (const mention of report.mentions) {
    const what =
      mention.match === 'new'
        ? `new ${mention.kind}`
        : mention.match === 'probable-variant'
          ? `probable variant of \`${mention.record}\`, proposed for review`
          : `${mention.kind} \`${mention.record}\` (${mention.match})`;
    vfile.info(`“${mention.text}”: ${what}${mention.role ? `, role “${mention.role}”` : ''}`, {
      place: { line: mention.line, column: mention.column },
      ruleId: mention.match,
      source: 'import',
    });
  }
  if (values['dry-run']) continue;
  for (const out of written) {
    vfile.info(`wrote ${path.join(values.content, out)}`, { ruleId: 'wrote', source: 'import' });
  }
  for (const out of existing) {
    vfile.message(`did not write ${path.join(values.content, out)}: it already exists`, {
      ruleId: 'exists',
      source: 'import',
    });
  }
  archive = await loadArchive();
}
if (values.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
else process.stderr.write(`${reporter(vfiles, { verbose: true })}\n`);
