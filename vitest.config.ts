import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Real-browser suites start Chromium and a server; give them room on a shared 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
