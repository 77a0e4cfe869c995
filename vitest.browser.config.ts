import { defineConfig } from 'vitest/config';

// Real-browser tests: Debian's Chromium driven by playwright-core. Run with `npm run test:browser`.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    setupFiles: ['tests/setup/register-tsx.ts'],
    globalSetup: ['tests/setup/temp-root.ts'],
    fileParallelism: false,
    // A search's first results take seconds on a loaded two-core machine, not the default 1 s.
    expect: { poll: { timeout: 15_000 } },
  },
});
