import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A command line: the program and its arguments. */
export type Command = readonly [file: string, args: readonly string[]];

const TSX = import.meta.resolve('tsx');

/** This Node with tsx loaded, as the npm scripts run TypeScript, given its arguments. */
export function tsxNode(...args: string[]): Command {
  return [process.execPath, ['--import', TSX, ...args]];
}

/**
 * The command of the npm script `name` in the project at `root` (a `node …` line, as all of
 * package.json's are that run the archive), with this Node and `args` after it: what `npm run
 * name -- args` runs, without npm's own process.
 */
export function npmScript(root: string, name: string, ...args: string[]): Command {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [program, ...words] = (scripts[name] ?? '').split(/\s+/);
  if (program !== 'node') throw new Error(`npm run ${name} is not a node command: ${scripts[name]}`);
  return [process.execPath, [...words, ...args]];
}

/**
 * Runs commands one after another in one shell, stopping at the first that fails. Measured as one
 * command, their time adds up and their processes are one tree, so the peak memory is that of the
 * whole sequence.
 */
export function inSequence(...commands: readonly Command[]): Command {
  const line = commands.map(([file, args]) => [file, ...args].map(shellQuote).join(' ')).join(' && ');
  return ['/bin/sh', ['-c', line]];
}

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The HTML pages a build wrote under `directory`. */
export function countHtml(directory: string): number {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length;
}
