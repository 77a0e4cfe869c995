// The first half of a build that must parse all its content, run in a process of its own by `npm run
// build` (see prepare-cache-apart.ts): reads the content, parses and renders every file the cache
// lacks into it, and ends. Prints how many it parsed as one line of JSON; the build that started it
// reports the messages.
import { parseArgs } from 'node:util';
import { prepareArchiveCache } from '../build/build-archive-cached.ts';
import { readContentThroughCache } from '../build/cache/known-files.ts';

const { values } = parseArgs({ options: { content: { type: 'string' }, cache: { type: 'string' } } });
if (values.content === undefined || values.cache === undefined) {
  process.stderr.write('usage: prepare-cache --content=FOLDER --cache=FOLDER\n');
  process.exit(2);
}
const { files } = await readContentThroughCache(values.content, values.cache);
const { parsed } = await prepareArchiveCache(files, { cacheDir: values.cache });
process.stdout.write(`${JSON.stringify({ parsed })}\n`);
