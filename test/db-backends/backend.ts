import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { startSqld } from './sqld';

export type TestBackend = 'file' | 'sqld';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by test/setup/sqld-global.ts: where each test database's sqld keeps its files. */
    sqldRoot: string;
  }
}

/** TEST_BACKEND=sqld runs the database battery against a real libSQL server; the default is a file. */
export function testBackend(): TestBackend {
  const backend = process.env.TEST_BACKEND ?? 'file';
  if (backend !== 'file' && backend !== 'sqld') {
    throw new Error(`TEST_BACKEND must be "file" or "sqld", not "${backend}"`);
  }
  return backend;
}

export interface TestDatabaseLocation {
  url: string;
  release(): Promise<void>;
}

/**
 * Where one test database lives, by backend: TEST_DATABASE_URL if set (a server you run; every
 * test file then shares its one database), else a temp file, else (TEST_BACKEND=sqld) a fresh sqld
 * of its own, so test files and databases never see each other's rows.
 */
export async function testDatabaseLocation(dir: string): Promise<TestDatabaseLocation> {
  const shared = process.env.TEST_DATABASE_URL;
  if (shared) return { url: shared, release: async () => {} };
  if (testBackend() === 'file') return { url: `file:${join(dir, 'test.db')}`, release: async () => {} };

  const root = inject('sqldRoot');
  if (!root) throw new Error('TEST_BACKEND=sqld needs test/setup/sqld-global.ts as globalSetup');
  const own = mkdtempSync(join(root, 'db-'));
  const server = await startSqld(join(own, 'data'));
  // The global teardown stops any server whose file is still here (a worker that died early).
  writeFileSync(join(own, 'sqld.pid'), String(server.pid));
  return {
    url: server.url,
    release: async () => {
      await server.stop();
      rmSync(own, { recursive: true, force: true });
    },
  };
}
