/**
 * npm run bench: API throughput on loopback, measured side by side in one run.
 *   - against the bare tool doing the same work: a node:http server this script starts, answering with
 *     the exact bytes and headers the API sent (cached unit list with gzip: target ratio >= 0.4, stretch
 *     0.6; /health: >= 0.5; the list without gzip and the 304 for information)
 *   - resident memory of the server with a national-size dataset loaded and every kommun's list cached
 *   - the unit list on an instance whose database is an embedded replica of a libSQL server (sqld)
 *     vs the instance on the embedded file (target ratio >= 0.8: reads stay local)
 *   - a full register import (290 kommuner × 25 units) into sqld vs into the embedded file
 * The servers run as their own processes, the API bundled as in production (npm run build:api); the
 * load comes from wrk when installed, else autocannon (bench/load.ts). BENCH_ONLY=http runs only the
 * throughput part (no sqld, replica, memory or import); BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../api/db/client';
import { migrateDatabase } from '../api/db/migrate';
import { loadReferenceData } from '../api/db/seed';
import { KOMMUNER } from '../shared/reference';
import { startSqld } from '../test/db-backends/sqld';
import { capture, startBareServer } from './bare-server';
import { timeRegisterImport } from './import';
import { LOAD_GENERATOR, load } from './load';
import { loadNationalDataset } from './national-dataset';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONLY_HTTP = process.env.BENCH_ONLY === 'http';

const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

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

/** req/s of one run; failures are reported, never silently averaged in. */
async function rate(
  url: string,
  headers: Record<string, string> = {},
  seconds = DURATION,
  expectStatus = 200,
) {
  const result = await load(url, { connections: CONNECTIONS, seconds, headers, expectStatus });
  if (result.failures > 0) console.warn(`  warning: ${url}: ${result.failures} failed or unexpected answers`);
  return result.requestsPerSecond;
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

const rowRate = (rows: number, seconds: number) => `${(rows / seconds).toFixed(0)} rows/s`;

interface Pair {
  label: string;
  api: { url: string; headers?: Record<string, string>; status?: number };
  bare: string;
  target?: string;
}

/** Runs each pair's API and bare server back to back, alternating which goes first; per-round ratios. */
async function sideBySide(pairs: Pair[]) {
  const results = pairs.map(() => ({ api: [] as number[], bare: [] as number[], ratio: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, pair] of pairs.entries()) {
      const runApi = () => rate(pair.api.url, pair.api.headers, DURATION, pair.api.status);
      const runBare = () => rate(pair.bare, {}, DURATION, pair.api.status);
      let api: number;
      let bare: number;
      if (round % 2 === 0) {
        bare = await runBare();
        api = await runApi();
      } else {
        api = await runApi();
        bare = await runBare();
      }
      results[i]!.api.push(api);
      results[i]!.bare.push(bare);
      results[i]!.ratio.push(api / bare);
    }
  }
  return results.map((r, i) => ({
    ...pairs[i]!,
    api: median(r.api),
    bare: median(r.bare),
    ratio: median(r.ratio),
    ratios: r.ratio,
  }));
}

async function main() {
  console.log(
    `load average at start: ${loadAverage()} (1, 5, 15 min; ${process.env.BENCH_NOTE ?? '2 shared cores'})`,
  );
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
  const sqld = ONLY_HTTP ? null : await startSqld(join(dir, 'primary'));
  let primarySeconds = 0;
  if (sqld) {
    const primary = openDatabase(sqld.url);
    await migrateDatabase(primary);
    await loadReferenceData(primary);
    const loadedAt = performance.now();
    await loadNationalDataset(primary);
    primarySeconds = (performance.now() - loadedAt) / 1000;
    primary.$client.close();
  }

  const { base, child: server } = await startApi({ DATABASE_URL: url });
  const pullStarted = performance.now();
  const replicaApi = sqld
    ? await startApi({ DATABASE_URL: `file:${join(dir, 'replica.db')}`, DATABASE_SYNC_URL: sqld.url })
    : null;
  let bare: Awaited<ReturnType<typeof startBareServer>> | null = null;
  try {
    await waitFor(`${base}/health`);
    if (replicaApi) {
      await waitFor(`${replicaApi.base}/health`, 300);
      console.log(
        `same dataset on sqld over HTTP: ${primarySeconds.toFixed(1)} s to write; replica instance up (initial pull, migrate check) in ${((performance.now() - pullStarted) / 1000).toFixed(1)} s`,
      );
    }
    const rssIdle = rssMb(server.pid!);
    const unitsUrl = `${base}/v1/kommuner/0581/units?service=hemtjanst`;
    const gzip = { 'Accept-Encoding': 'gzip' };
    // Warm-up, not measured: builds the list, fills the fast path, lets V8 optimise.
    await rate(`${base}/health`, {}, 1);
    await rate(unitsUrl, gzip, 1);
    const etag = (await fetch(unitsUrl)).headers.get('etag')!;
    const notModified = { ...gzip, 'If-None-Match': etag };

    // The bare server answers with exactly what the API sent.
    const answers = {
      '/list.gzip': await capture(unitsUrl, gzip),
      '/list.identity': await capture(unitsUrl),
      '/list.304': await capture(unitsUrl, notModified),
      '/health': await capture(`${base}/health`),
    };
    bare = await startBareServer(answers);
    await rate(`${bare.base}/list.gzip`, {}, 1);
    console.log(
      `unit list of 25 units: ${answers['/list.identity'].body.byteLength} bytes, ${answers['/list.gzip'].body.byteLength} bytes gzip (compressed once, when cached); ` +
        `${Object.keys(answers['/list.gzip'].headers).length} response headers`,
    );
    console.log(
      `${LOAD_GENERATOR}, ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds; medians, and the median of each round's ratio\n`,
    );

    const rows = await sideBySide([
      {
        label: 'GET /v1/kommuner/0581/units (200, gzip)',
        api: { url: unitsUrl, headers: gzip },
        bare: `${bare.base}/list.gzip`,
        target: 'target >= 0.4, stretch 0.6',
      },
      {
        label: 'GET /health',
        api: { url: `${base}/health` },
        bare: `${bare.base}/health`,
        target: 'target >= 0.5',
      },
      {
        label: 'GET /v1/kommuner/0581/units (200, identity)',
        api: { url: unitsUrl },
        bare: `${bare.base}/list.identity`,
      },
      {
        label: 'GET /v1/kommuner/0581/units (304)',
        api: { url: unitsUrl, headers: notModified, status: 304 },
        bare: `${bare.base}/list.304`,
      },
    ]);
    console.log(`${''.padEnd(44)}       API      bare   ratio  (each round)`);
    for (const row of rows) {
      console.log(
        `${row.label.padEnd(44)} ${row.api.toFixed(0).padStart(9)} ${row.bare.toFixed(0).padStart(9)}   ${row.ratio.toFixed(2)}   (${row.ratios.map((r) => r.toFixed(2)).join(', ')})${row.target ? `  ${row.target}` : ''}`,
      );
    }
    const health = rows[1]!;
    const list = rows[0]!;
    console.log(
      `/health against the bare server sending the gzip list (the yardstick issue 16 used): ${(health.api / list.bare).toFixed(2)}`,
    );

    if (replicaApi) {
      const replicaUnitsUrl = `${replicaApi.base}/v1/kommuner/0581/units?service=hemtjanst`;
      await rate(replicaUnitsUrl, gzip, 1);
      const replicaRatios: number[] = [];
      const replicaRuns: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Neighbouring runs in alternating order: steadier than a ratio of medians on a shared machine.
        const [first, second] = round % 2 === 0 ? [unitsUrl, replicaUnitsUrl] : [replicaUnitsUrl, unitsUrl];
        const a = await rate(first, gzip);
        const b = await rate(second, gzip);
        const [fileRun, replicaRun] = first === unitsUrl ? [a, b] : [b, a];
        replicaRuns.push(replicaRun);
        replicaRatios.push(replicaRun / fileRun);
      }
      console.log(
        `\nGET /v1/kommuner/0581/units (200, gzip) on an embedded replica of sqld ${median(replicaRuns).toFixed(0).padStart(7)} req/s   ratio ${median(replicaRatios).toFixed(2)} to the file instance (each round ${replicaRatios.map((r) => r.toFixed(2)).join(', ')}; target >= 0.8)`,
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
    }
  } finally {
    server.kill('SIGTERM');
    replicaApi?.child.kill('SIGTERM');
    bare?.child.kill('SIGTERM');
    await sqld?.stop();
  }

  if (!ONLY_HTTP) {
    // Import cost: a fresh database each, nothing else running.
    const importSqld = await startSqld(join(dir, 'import-primary'));
    try {
      const onFile = await timeRegisterImport(`file:${join(dir, 'import.db')}`);
      const onSqld = await timeRegisterImport(importSqld.url);
      console.log(
        `\nregister import, ${onFile.rows} units (290 kommuner × 25), one all-or-nothing transaction:`,
      );
      console.log(
        `  embedded file      ${onFile.seconds.toFixed(2).padStart(6)} s   ${rowRate(onFile.rows, onFile.seconds)}`,
      );
      console.log(
        `  sqld over HTTP     ${onSqld.seconds.toFixed(2).padStart(6)} s   ${rowRate(onSqld.rows, onSqld.seconds)}   (${(onSqld.seconds / onFile.seconds).toFixed(1)}× the file)`,
      );
    } finally {
      await importSqld.stop();
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nload average at the end: ${loadAverage()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
