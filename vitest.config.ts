import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    testTimeout: 60_000,
    setupFiles: ['tests/setup/register-tsx.ts'],
    globalSetup: ['tests/setup/temp-root.ts'],
    // Type declarations hold no code to cover, and the coverage step cannot parse them as JavaScript.
    coverage: { provider: 'v8', include: ['src/**'], exclude: ['src/**/*.d.mts'], reporter: ['text-summary'] },
  },
});
