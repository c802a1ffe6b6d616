/**
 * npm run bench: API throughput on loopback, measured side by side in one run.
 *   - GET /v1/kommuner/{code}/units vs GET /health (target ratio >= 0.6)
 *   - the 304 path (If-None-Match) vs /health
 *   - resident memory of the server with a national-size dataset loaded and every kommun's list cached
 *   - the unit list on an instance whose database is an embedded replica of a libSQL server (sqld)
 *     vs the instance on the embedded file (target ratio >= 0.8: reads stay local)
 *   - a full register import (290 kommuner × 25 units) into sqld vs into the embedded file
 * The servers run as their own processes, bundled as in production (npm run build:api); autocannon
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
import { startSqld } from '../test/db-backends/sqld';
import { timeRegisterImport } from './import';
import { loadNationalDataset } from './national-dataset';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, seconds = 20): Promise<void> {
  for (let i = 0; i < seconds * 10; i++) {
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

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The bundled server as production runs it (docs/deployment.md: a V8 heap ceiling, without which V8
 * lets request garbage pile up to ~200 MB under load before collecting) on a free port; rate limiting
 * off for load runs.
 */
async function startApi(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--max-old-space-size=128', '.output/api/server.mjs'], {
    env: { ...process.env, ...env, PORT: String(port), DATA_POLL_MS: '2000', RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

/** Requests every kommun's list once, in sequence; returns the average ms per request. */
async function firstRequests(base: string): Promise<number> {
  const t0 = performance.now();
  for (const kommun of KOMMUNER) {
    const res = await fetch(`${base}/v1/kommuner/${kommun.code}/units?service=hemtjanst`);
    await res.arrayBuffer();
  }
  return (performance.now() - t0) / KOMMUNER.length;
}

const rate = (rows: number, seconds: number) => `${(rows / seconds).toFixed(0)} rows/s`;

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

  // The same dataset on a libSQL server, the primary that replica instances pull from.
  const sqld = await startSqld(join(dir, 'primary'));
  const primary = openDatabase(sqld.url);
  await migrateDatabase(primary);
  await loadReferenceData(primary);
  const loadedAt = performance.now();
  await loadNationalDataset(primary);
  const primarySeconds = (performance.now() - loadedAt) / 1000;
  primary.$client.close();

  const { base, child: server } = await startApi({ DATABASE_URL: url });
  const pullStarted = performance.now();
  const replicaApi = await startApi({
    DATABASE_URL: `file:${join(dir, 'replica.db')}`,
    DATABASE_SYNC_URL: sqld.url,
  });
  try {
    await waitFor(`${base}/health`);
    await waitFor(`${replicaApi.base}/health`, 300);
    console.log(
      `same dataset on sqld over HTTP: ${primarySeconds.toFixed(1)} s to write; replica instance up (initial pull, migrate check) in ${((performance.now() - pullStarted) / 1000).toFixed(1)} s`,
    );
    const rssIdle = rssMb(server.pid!);
    // Warm-up, not measured.
    await load(`${base}/health`, {}, 1);
    await load(`${base}/v1/kommuner/0581/units?service=hemtjanst`, { 'Accept-Encoding': 'gzip' }, 1);
    const unitsUrl = `${base}/v1/kommuner/0581/units?service=hemtjanst`;
    const replicaUnitsUrl = `${replicaApi.base}/v1/kommuner/0581/units?service=hemtjanst`;
    await load(replicaUnitsUrl, { 'Accept-Encoding': 'gzip' }, 1);
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
    const replicaList: number[] = [];
    const replicaRatios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      health.push(await load(`${base}/health`));
      // File and replica instance back to back, in alternating order: on a shared machine the
      // ratio of neighbouring runs is steadier than the ratio of medians.
      const gzip = { 'Accept-Encoding': 'gzip' };
      let fileRun: number;
      let replicaRun: number;
      if (round % 2 === 0) {
        fileRun = await load(unitsUrl, gzip);
        replicaRun = await load(replicaUnitsUrl, gzip);
      } else {
        replicaRun = await load(replicaUnitsUrl, gzip);
        fileRun = await load(unitsUrl, gzip);
      }
      list.push(fileRun);
      replicaList.push(replicaRun);
      replicaRatios.push(replicaRun / fileRun);
      notModified.push(await load(unitsUrl, { 'If-None-Match': etag, 'Accept-Encoding': 'gzip' }));
      identity.push(await load(unitsUrl));
    }
    const h = median(health);
    const u = median(list);
    const n = median(notModified);
    const i = median(identity);
    const r = median(replicaList);
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
    console.log(
      `GET /v1/kommuner/0581/units (200, gzip) on an embedded replica of sqld ${r.toFixed(0).padStart(7)} req/s   ratio ${median(replicaRatios).toFixed(2)} to the file instance (target >= 0.8)`,
    );

    // Memory: every kommun's list requested once, so all are built and cached.
    const rssBefore = rssMb(server.pid!);
    const coldMs = await firstRequests(base);
    const replicaColdMs = await firstRequests(replicaApi.base);
    console.log(
      `\nfirst request per kommun (build + serialise, sequential): ${coldMs.toFixed(1)} ms average over 290 (${replicaColdMs.toFixed(1)} ms on the replica instance)`,
    );
    console.log(
      `server resident memory, national dataset, all 290 lists cached: ${rssMb(server.pid!).toFixed(0)} MB (target < 200 MB; ${rssIdle.toFixed(0)} MB idle after start, ${rssBefore.toFixed(0)} MB after the load runs)`,
    );
  } finally {
    server.kill('SIGTERM');
    replicaApi.child.kill('SIGTERM');
    await sqld.stop();
  }

  // Import cost: a fresh database each, nothing else running.
  const importSqld = await startSqld(join(dir, 'import-primary'));
  try {
    const onFile = await timeRegisterImport(`file:${join(dir, 'import.db')}`);
    const onSqld = await timeRegisterImport(importSqld.url);
    console.log(
      `\nregister import, ${onFile.rows} units (290 kommuner × 25), one all-or-nothing transaction:`,
    );
    console.log(
      `  embedded file      ${onFile.seconds.toFixed(2).padStart(6)} s   ${rate(onFile.rows, onFile.seconds)}`,
    );
    console.log(
      `  sqld over HTTP     ${onSqld.seconds.toFixed(2).padStart(6)} s   ${rate(onSqld.rows, onSqld.seconds)}   (${(onSqld.seconds / onFile.seconds).toFixed(1)}× the file)`,
    );
  } finally {
    await importSqld.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
