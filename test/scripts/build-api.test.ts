import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'uk-build-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

it('the production bundle (npm run build:api) starts and serves, without building the extension', async () => {
  await promisify(execFile)(process.execPath, ['scripts/build-api.mjs'], { cwd: ROOT });
  const port = await freePort();
  const server = spawn(process.execPath, ['.output/api/server.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${join(dir, 'api.db')}` },
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  try {
    let status = 0;
    for (let i = 0; i < 300 && status !== 200 && server.exitCode === null; i++) {
      status = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status, output).toBe(200);
    expect(output).not.toContain('[extension] building');
  } finally {
    server.kill();
  }
}, 60_000);
