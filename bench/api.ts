/**
 * npm run bench: API throughput on loopback, measured side by side in one run.
 *   - GET /v1/kommuner/{code}/units vs GET /health (target ratio >= 0.6)
 *   - the 304 path (If-None-Match) vs /health
 *   - resident memory of the server with a national-size dataset loaded and every kommun's list cached
 * The server runs as its own process, bundled as in production (npm run build:api); autocannon
 * generates load from this one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../api/db/client';
import { migrateDatabase } from '../api/db/migrate';
import { loadReferenceData } from '../api/db/seed';
import { KOMMUNER } from '../shared/reference';
import { loadNationalDataset } from './national-dataset';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not come up at ${url}`);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function load(url: string, headers: Record<string, string> = {}, duration = DURATION): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  if (result.errors > 0 || result.non2xx > (headers['If-None-Match'] ? result.requests.total : 0)) {
    console.warn(`  warning: ${url}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  }
  return result.requests.average;
}

/** Bytes on the wire (fetch would decompress). */
function wireBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => {
        n += chunk.byteLength;
      });
      res.on('end', () => resolve(n));
    }).on('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-bench-'));
  const url = `file:${join(dir, 'national.db')}`;
  const db = openDatabase(url);
  await migrateDatabase(db);
  await loadReferenceData(db);
  const started = performance.now();
  const size = await loadNationalDataset(db);
  console.log(
    `national dataset: ${size.units} units, ${size.values} indicator values (${((performance.now() - started) / 1000).toFixed(1)} s to generate)`,
  );
  db.$client.close();

  const port = await freePort();
  const server = spawn(process.execPath, ['.output/api/server.mjs'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), DATA_POLL_MS: '2000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/health`);
    const rssIdle = rssMb(server.pid!);
    // Warm-up, not measured.
    await load(`${base}/health`, {}, 1);
    await load(`${base}/v1/kommuner/0581/units?service=hemtjanst`, { 'Accept-Encoding': 'gzip' }, 1);
    const unitsUrl = `${base}/v1/kommuner/0581/units?service=hemtjanst`;
    const etag = (await fetch(unitsUrl)).headers.get('etag')!;
    const bytes = await wireBytes(unitsUrl, {});
    const gzipBytes = await wireBytes(unitsUrl, { 'Accept-Encoding': 'gzip' });
    console.log(
      `unit list of 25 units: ${bytes} bytes, ${gzipBytes} bytes gzip (compressed once, when cached)`,
    );
    console.log(`${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds, medians\n`);

    const health: number[] = [];
    const list: number[] = [];
    const notModified: number[] = [];
    const identity: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      health.push(await load(`${base}/health`));
      list.push(await load(unitsUrl, { 'Accept-Encoding': 'gzip' }));
      notModified.push(await load(unitsUrl, { 'If-None-Match': etag, 'Accept-Encoding': 'gzip' }));
      identity.push(await load(unitsUrl));
    }
    const h = median(health);
    const u = median(list);
    const n = median(notModified);
    const i = median(identity);
    console.log(`GET /health                                ${h.toFixed(0).padStart(7)} req/s`);
    console.log(
      `GET /v1/kommuner/0581/units (200, gzip)     ${u.toFixed(0).padStart(7)} req/s   ratio ${(u / h).toFixed(2)} (target >= 0.6)`,
    );
    console.log(
      `GET /v1/kommuner/0581/units (200, identity) ${i.toFixed(0).padStart(7)} req/s   ratio ${(i / h).toFixed(2)} (a client that does not accept gzip)`,
    );
    console.log(
      `GET /v1/kommuner/0581/units (304)           ${n.toFixed(0).padStart(7)} req/s   ratio ${(n / h).toFixed(2)}`,
    );

    // Memory: every kommun's list requested once, so all are built and cached.
    const rssBefore = rssMb(server.pid!);
    const t0 = performance.now();
    for (const kommun of KOMMUNER) {
      const res = await fetch(`${base}/v1/kommuner/${kommun.code}/units?service=hemtjanst`);
      await res.arrayBuffer();
    }
    const coldMs = (performance.now() - t0) / KOMMUNER.length;
    console.log(
      `\nfirst request per kommun (build + serialise, sequential): ${coldMs.toFixed(1)} ms average over 290`,
    );
    console.log(
      `server resident memory, national dataset, all 290 lists cached: ${rssMb(server.pid!).toFixed(0)} MB (target < 200 MB; ${rssIdle.toFixed(0)} MB idle after start, ${rssBefore.toFixed(0)} MB after the load runs)`,
    );
  } finally {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
