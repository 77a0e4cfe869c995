// Runs a command of the archive (`build`, `check`) from its compiled code (compiled-code.mjs).
// Loading the TypeScript through tsx's loader, module by module, took about 1 s of every build; the
// compiled file loads in under 0.1 s (docs/performance.md, "Loading the code"). Plain JavaScript,
// so that Node runs it without a loader: `node --expose-gc src/cli/run.mjs build --content=content`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledCode, ENTRIES, ROOT } from './compiled-code.mjs';

const COMMANDS = ['build', 'check'];
const command = process.argv[2];
if (!COMMANDS.includes(command)) {
  process.stderr.write(`usage: node src/cli/run.mjs ${COMMANDS.join('|')} [options]\n`);
  process.exit(2);
}
// The command reads its own options from process.argv, as when it runs from its source.
process.argv.splice(2, 1);
const code = await compiledCode().catch((error) => {
  // A read-only node_modules, say: the sources still run, through tsx, only slower to start.
  process.stderr.write(`Running the TypeScript sources: they could not be compiled (${error.message})\n`);
  return undefined;
});
if (code === undefined) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(ROOT, ENTRIES[command])).href);
} else {
  await import(pathToFileURL(path.join(code, `${command}.mjs`)).href);
}
