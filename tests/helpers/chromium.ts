// The tests start Chromium as `npm run eval:search` does.
export { CHROMIUM_PATH, launchChromium } from '../../src/search-eval/chromium.ts';
