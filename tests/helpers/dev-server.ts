import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** How long a test waits for the server to print or serve something; builds are slow on a busy machine. */
export const PATIENCE_MS = 45_000;

/** `npm start` as a test runs it: Eleventy's dev server over `.eleventy.ts`, on a copy of the content. */
export interface DevServer {
  /** The copy of `content/` the server watches; edit it as an editor would. */
  readonly content: string;
  /** The server's output folder. */
  readonly output: string;
  /** Where the server answers, e.g. `http://localhost:31234/`. */
  readonly url: string;
  /** Everything the server printed so far, stdout and stderr together. */
  log(): string;
  /** Resolves with the output since `from` once it contains `text`; rejects after {@link PATIENCE_MS} or if the server exits. */
  printed(text: string | RegExp, from: number): Promise<string>;
  /** Fetches `pathname` from the server. */
  get(pathname: string): Promise<{ status: number; text: string }>;
  /** Stops the server. */
  stop(): void;
}

/** A copy of the shipped content in a new temporary folder. */
export function copyContent(): string {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'archive-start-')), 'content');
  cpSync(path.join(root, 'content'), content, { recursive: true });
  return content;
}

/** Starts the dev server the way `npm start` does, on a free port, and waits until it listens. */
export async function startDevServer(content: string): Promise<DevServer> {
  const output = path.join(path.dirname(content), 'out');
  const child = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    [
      'node_modules/@11ty/eleventy/cmd.cjs',
      '--config=.eleventy.ts',
      '--serve',
      '--quiet',
      `--output=${output}`,
      `--port=${await freePort()}`,
    ],
    {
      cwd: root,
      // Its own cache beside the content: never the project's, which `npm run build` uses.
      env: {
        ...process.env,
        NEWS_ARCHIVE_CONTENT: content,
        NEWS_ARCHIVE_CACHE: path.join(output, '..', 'cache'),
        FORCE_COLOR: '0',
      },
    },
  );
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const server: Omit<DevServer, 'url'> = {
    content,
    output,
    log: () => log,
    printed: (text, from) => waitForOutput(child, () => log, text, from),
    stop: () => child.kill(),
    get: () => Promise.reject(new Error('not listening yet')),
  };
  try {
    const started = await server.printed(/Server at (http:\S+)/, 0);
    const url = /Server at (http:\S+)/.exec(started)?.[1] ?? '';
    const get = async (pathname: string) => {
      const response = await fetch(new URL(pathname, url));
      return { status: response.status, text: await response.text() };
    };
    return { ...server, url, get };
  } catch (error) {
    child.kill();
    throw error;
  }
}

function waitForOutput(child: ChildProcess, log: () => string, text: string | RegExp, from: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const since = log().slice(from);
      const found = typeof text === 'string' ? since.includes(text) : text.test(since);
      if (found) {
        clearInterval(poll);
        resolve(since);
      } else if (child.exitCode !== null || child.signalCode !== null) {
        clearInterval(poll);
        reject(new Error(`server exited (${child.exitCode ?? child.signalCode}) before printing ${text}:\n${since}`));
      } else if (Date.now() - started > PATIENCE_MS) {
        clearInterval(poll);
        reject(new Error(`server never printed ${text}:\n${since}`));
      }
    }, 100);
  });
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
