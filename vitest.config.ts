import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real-browser suites start Chromium and a server; give them room on a shared 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Project settings extend these; `include` is per project because extending would merge lists.
    projects: [
      // Everything, databases in temp files.
      {
        extends: true,
        test: {
          name: 'default',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, '**/*.sqld.test.ts'],
        },
      },
      // The database battery again, each test database on its own real libSQL server (sqld).
      {
        extends: true,
        test: {
          name: 'api-sqld',
          include: ['test/api/**/*.test.ts', 'test/db-backends/**/*.sqld.test.ts'],
          // No database in the Kolada client tests and the sync's pure logic; the CLI tests drive their own
          // file database. The sync's database tests (kolada-sync, kolada-sync-report) do run here.
          exclude: [
            ...configDefaults.exclude,
            'test/api/kolada-{backoff,client,fixtures,live-check,malformed,migration,rate-limit,retry,types,urls}.test.ts',
            'test/api/kolada-sync-{logic,cli}.test.ts',
            'test/api/cli.test.ts',
          ],
          env: { TEST_BACKEND: 'sqld' },
          globalSetup: ['test/setup/sqld-global.ts'],
        },
      },
    ],
  },
});
