#!/usr/bin/env node
// `npm run preview [-- --pathprefix=/archive/ --port=8080 --output=_site]`: serves the built site
// on localhost under its path prefix, like the static host it will be deployed to.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from '../serve/static-host.ts';
import { normalisePathPrefix } from '../site/publish.ts';
import { isProcessAlive } from '../util/process-alive.ts';
import { leftoversBeside } from './atomic-output.ts';

const { values } = parseArgs({
  options: {
    pathprefix: { type: 'string', default: '/' },
    port: { type: 'string', default: '8080' },
    output: { type: 'string', default: '_site' },
  },
});

const pathPrefix = normalisePathPrefix(values.pathprefix);
// The preview only reads: repairing a swap or an update is the build's job, which does it holding the lock.
const previous = leftoversBeside(values.output, 'previous');
if (!existsSync(values.output) && previous[0]) {
  process.stderr.write(
    `${values.output}/ is missing, but ${previous[0].name} holds the last site (a build was stopped while swapping): run \`npm run build\` to put it back.\n`,
  );
  process.exit(1);
}
const [updating] = leftoversBeside(values.output, 'updating');
if (updating) {
  // A live build is done in milliseconds; a dead one left a mix of old and new files.
  const why = isProcessAlive(updating.pid)
    ? `a build is moving its new files in: run \`npm run preview\` again in a moment`
    : `a build was stopped while updating it (${updating.name} says how to finish): run \`npm run build\` to finish it`;
  process.stderr.write(`${values.output}/ is partly updated: ${why}.\n`);
  process.exit(1);
}
const home = path.join(values.output, 'index.html');
if (!existsSync(home)) {
  process.stderr.write(`${values.output}/ has no site yet: run \`npm run build\` first.\n`);
  process.exit(1);
}
// A site built for another prefix would load without its styles and links: say so up front.
if (!readFileSync(home, 'utf8').includes(`href="${pathPrefix}assets/style.css"`)) {
  process.stderr.write(
    `${values.output}/ was not built for the path prefix ${pathPrefix}: run \`npm run build -- --pathprefix=${pathPrefix}\`, or preview with the prefix it was built for.\n`,
  );
  process.exit(1);
}
const host = await serveStatic(values.output, pathPrefix, { port: Number(values.port), headersFile: true });
process.stdout.write(`Serving ${values.output}/ at ${host.url} (Ctrl+C to stop)\n`);
