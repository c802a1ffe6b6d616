/**
 * Throughput of the bundled server with the rate limiter off, on (not tripping) and tripping, on loopback.
 *   npm run build:api && npx tsx test/hardening/rate-limit-bench.ts
 * Not part of `npm test`: it takes about a minute and wants a quiet machine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, waitFor } from './spawn';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PATH = '/v1/kommuner/0581/units?service=hemtjanst';

async function serve(dir: string, rateLimit: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['.output/api/server.mjs'], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${join(dir, 'bench.db')}`,
      PORT: String(port),
      RATE_LIMIT_PER_MINUTE: rateLimit,
      DATA_POLL_MS: '2000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health`);
  return { base, child };
}

async function run(label: string, rateLimit: string, dir: string) {
  const { base, child } = await serve(dir, rateLimit);
  try {
    await autocannon({
      url: `${base}${PATH}`,
      connections: 4,
      duration: 1,
      headers: { 'Accept-Encoding': 'gzip' },
    });
    const r = await autocannon({
      url: `${base}${PATH}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { 'Accept-Encoding': 'gzip' },
    });
    const total = r.requests.total;
    const codes = Object.entries(r.statusCodeStats ?? {})
      .map(([code, s]) => `${code}×${s.count}`)
      .join(' ');
    const errorRate = total ? ((r.errors + r.timeouts) / total) * 100 : 0;
    console.log(
      `${label.padEnd(44)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p99 ${String(r.latency.p99).padStart(3)} ms  ` +
        `errors ${r.errors} timeouts ${r.timeouts} (${errorRate.toFixed(2)} %)  ${codes}`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-rl-bench-'));
try {
  console.log(`GET ${PATH}, gzip, ${CONNECTIONS} connections, ${SECONDS} s per run, one client address\n`);
  for (let round = 0; round < 2; round++) {
    await run('rate limit off (RATE_LIMIT_PER_MINUTE=0)', '0', dir);
    await run('rate limit on, not reached (10 000 000/min)', '10000000', dir);
    await run('rate limit on, reached (600/min: mostly 429)', '600', dir);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
