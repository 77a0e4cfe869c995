import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; the browser tests and `npm run eval:search` need it (`apt-get install chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Starts headless Chromium with the flags this sandboxed, offline machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
