import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, sleep, spawnTs, waitFor } from './spawn';
import { tally } from './tally';

const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the server process', () => {
  it('exits non-zero with a clear message when the database is unreachable at start', async () => {
    const closed = await freePort();
    const started = spawnTs('api/cli/start.ts', [], {
      DATABASE_URL: `http://127.0.0.1:${closed}`,
      PORT: String(await freePort()),
    });
    const code = await Promise.race([started.exited, sleep(20_000).then(() => 'still running')]);
    if (code === 'still running') started.child.kill('SIGKILL');
    expect(code).toBe(1);
    expect(started.output()).toContain(`Cannot prepare the database at http://127.0.0.1:${closed}`);
    expect(started.output()).toContain('Check DATABASE_URL');
    expect(started.output()).not.toMatch(/CREATE TABLE|at .*\.ts:\d+/);
    tally('faults', 'database unreachable at start', 'exit 1 with a clear message');
  });

  it('on SIGTERM, finishes the request in flight with 200, then exits 0; oversized headers get 431', async () => {
    const port = await freePort();
    const server = spawnTs('api/cli/start.ts', [], {
      DATABASE_URL: `file:${join(dir, 'drain.db')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    try {
      await waitFor(`http://127.0.0.1:${port}/health`);

      const big = await fetch(`http://127.0.0.1:${port}/health`, {
        headers: { 'X-Big': 'x'.repeat(20_000) },
      });
      expect(big.status).toBe(431);
      tally('limits', 'request headers over 16 kB', String(big.status));

      // A slow client: headers and half the body now, the rest after SIGTERM.
      let afterSigterm: Promise<string> = Promise.resolve('not tried');
      const body = JSON.stringify({
        huvudman: '0581',
        service: 'hemtjanst',
        names: ['Alfa Exempelomsorg AB'],
      });
      const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/v1/match',
            headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => {
              text += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 20));
        setTimeout(() => {
          server.child.kill('SIGTERM');
          setTimeout(() => {
            afterSigterm = fetch(`http://127.0.0.1:${port}/health`).then(
              () => 'answered',
              () => 'refused',
            );
          }, 200);
          setTimeout(() => req.end(body.slice(20)), 500);
        }, 200);
      });
      const { status, text } = await inFlight;
      expect(status).toBe(200);
      expect(JSON.parse(text).matches).toHaveLength(1);
      expect(await afterSigterm).toBe('refused');
      const code = await Promise.race([server.exited, sleep(5_000).then(() => 'still running')]);
      expect(code).toBe(0);
      tally('faults', 'SIGTERM with a request in flight', 'request 200, exit 0');
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });
});
