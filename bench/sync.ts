/**
 * npm run bench:sync [-- kommuner=290 years=10]
 *
 * How fast the national Kolada sync stores figures, network excluded. A fake Kolada generates
 * (synthetic) answers in-process for every kommun: about 18 elderly-care survey units per kommun
 * (5,000 nationally, as many as Socialstyrelsen's surveys have), each KPI for most years. The sync's
 * own functions run batch by batch, with the two phases timed apart: fetch (paging, JSON and
 * validation against the in-process fake) and store (plan + transactions). Then, in the same process
 * and on the same disk, the bare tool writes the same rows: the rows the first run wrote, read back
 * and inserted into an empty database in one transaction with libSQL, the fastest plain way we know.
 * A second run over the same answers times the "nothing changed" path. Peak RSS is sampled all
 * along. The ratio is what to read: this machine is shared and its absolute speed varies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, tuneEmbeddedDatabase } from '../api/db/client';
import { migrateDatabase } from '../api/db/migrate';
import { loadReferenceData } from '../api/db/seed';
import { createKoladaClient } from '../api/kolada';
import { chunk } from '../api/kolada/urls';
import { fetchBatch, fetchRiket } from '../api/sync/fetch';
import { storeBatch, storeRiket } from '../api/sync/store';
import { kpisFor } from '../api/sync/types';
import { KOMMUNER } from '../shared/reference';
import { createFakeKolada } from '../test/fixtures/kolada/fake-kolada';

const KOMMUN_COUNT = Number(process.argv[2] ?? 290);
const YEARS = Number(process.argv[3] ?? 10);
const LAST_YEAR = 2026;
const FIRST_YEAR = LAST_YEAR - YEARS + 1;
const kommuner = KOMMUNER.slice(0, KOMMUN_COUNT).map((k) => k.code);

/** A deterministic number from a text, so both runs (and every machine) see the same answers. */
function hash(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A kommun's survey units: 3-14 hemtjänst and 3-16 särskilt boende, ids without the kommun code. */
function ousOf(kommun: string) {
  const h = hash(kommun);
  const ous = [];
  for (let i = 0; i < 3 + (h % 12); i++)
    ous.push({ id: `V21E${kommun}${i}`, municipality: kommun, title: `Bänkhemtjänst ${kommun} område ${i}` });
  for (let i = 0; i < 3 + ((h >>> 8) % 14); i++)
    ous.push({ id: `V23E${kommun}${i}`, municipality: kommun, title: `Bänkboendet ${kommun}-${i}` });
  ous.push({ id: `V15E${kommun}1`, municipality: kommun, title: `Bänkskolan ${kommun}` });
  return ous;
}

function figureRow(kpi: string, segment: string, subject: string, year: number) {
  const h = hash(`${kpi}${subject}${year}`);
  if (segment === 'ou' && h % 100 < 12) return null; // some units lack some years
  const unitSurvey = kpi === 'N21608' || kpi === 'N23588';
  return {
    kpi,
    [segment]: subject,
    period: year,
    values: [
      {
        gender: 'T',
        count: unitSurvey ? 1 : 8 + (h % 90),
        status: '',
        value: 50 + (h % 50),
        isdeleted: false,
      },
    ],
  };
}

function answer(url: string) {
  const parsed = new URL(url);
  if (parsed.pathname.endsWith('/ou')) {
    const codes = (parsed.searchParams.get('municipality') ?? '').split(',');
    const values = codes.flatMap(ousOf);
    return { body: { values, count: values.length, next_url: null } };
  }
  const match = /\/v3\/(oudata|data)\/kpi\/([^/]+)\/(ou|municipality)\/([^/?]+)/.exec(parsed.pathname);
  if (!match) return undefined;
  const [, , kpis, segment, subjects] = match as unknown as [string, string, string, string, string];
  const values = [];
  for (const subject of subjects.split(',')) {
    const service = subject.startsWith('V21')
      ? 'hemtjanst'
      : subject.startsWith('V23')
        ? 'sarskilt_boende'
        : null;
    for (const kpi of kpis.split(',')) {
      if (service && !kpisFor([service]).includes(kpi)) continue;
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        const row = figureRow(kpi, segment, subject, year);
        if (row) values.push(row);
      }
    }
  }
  return { body: { values, count: values.length, next_url: null } };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  peakHeap = Math.max(peakHeap, memory.heapUsed + memory.external);
}, 20);

async function syncRun(db: ReturnType<typeof openDatabase>, label: string) {
  const fake = createFakeKolada({ fixtures: false });
  fake.fallback((request) => answer(request.url));
  const kolada = createKoladaClient({ fetch: fake.fetch, sleep: async () => {}, requestsPerSecond: 1e9 });
  const now = new Date();
  let fetchMs = 0;
  let storeMs = 0;
  let storeCpu = 0;
  let seen = 0;
  let written = 0;
  const timed = async <T>(work: () => Promise<T>, into: 'fetch' | 'store'): Promise<T> => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    try {
      return await work();
    } finally {
      const memory = process.memoryUsage();
      peakRss = Math.max(peakRss, memory.rss);
      peakHeap = Math.max(peakHeap, memory.heapUsed + memory.external);
      const ms = performance.now() - t;
      if (into === 'fetch') fetchMs += ms;
      else {
        storeMs += ms;
        const used = process.cpuUsage(cpu);
        storeCpu += (used.user + used.system) / 1000;
      }
    }
  };
  const riketRows = await timed(() => fetchRiket(kolada), 'fetch');
  const riket = await timed(() => storeRiket(db, riketRows, { mode: 'full', now }), 'store');
  seen += riket.added + riket.changed + riket.unchanged;
  written += riket.added + riket.changed + riket.removed;
  for (const batch of chunk(kommuner)) {
    const { fetched, failed } = await timed(
      () =>
        fetchBatch(kolada, { kommuner: batch, registerOus: new Map(), knownOus: new Set(), now: () => now }),
      'fetch',
    );
    if (failed.length > 0) throw failed[0]!.error;
    const stored = await timed(
      () => storeBatch(db, fetched, () => ({ mode: 'full', now, contextNames: [] })),
      'store',
    );
    for (const summary of stored.values()) {
      if (summary instanceof Error) throw summary;
      seen += summary.added + summary.changed + summary.unchanged;
      written += summary.added + summary.changed + summary.removed;
    }
  }
  console.log(
    `${label}: ${kommuner.length} kommuner, ${seen} figures (${written} written), ${kolada.requestCount()} Kolada requests ` +
      `(at Kolada's 5 a second: ${Math.ceil(kolada.requestCount() / 5)} s of waiting, before Kolada's own answer time)\n` +
      `  fetch+validate ${(fetchMs / 1000).toFixed(1)} s (in-process fake, not the network)\n` +
      `  store          ${(storeMs / 1000).toFixed(1)} s: ${perSecond(seen, storeMs)} figures/s ` +
      `(CPU ${(storeCpu / 1000).toFixed(1)} s, ${perSecond(seen, storeCpu)} figures per CPU-second)`,
  );
  return { seen, written, storeMs, storeCpu };
}

/** The tables a sync writes, and their columns. */
const WRITTEN = {
  indicator_values: [
    'scope',
    'subject',
    'indicator_id',
    'period',
    'value',
    'respondents',
    'status',
    'kind',
    'source_id',
    'published_at',
    'fetched_at',
  ],
  changes: ['at', 'actor', 'unit_id', 'huvudman', 'service', 'kind', 'field', 'old_value', 'new_value'],
  units: [
    'id',
    'huvudman',
    'service',
    'origin',
    'identity_key',
    'name',
    'aliases',
    'areas',
    'scope',
    'languages',
    'extra_services',
    'kolada_ou',
    'status',
    'kind',
    'created_at',
    'updated_at',
  ],
  kolada_links: ['unit_id', 'huvudman', 'service', 'ou', 'ou_title', 'method', 'linked_at'],
  kolada_ous: ['id', 'huvudman', 'service', 'title', 'first_seen_at'],
} as const;

/**
 * The bare tool: exactly the rows the first sync wrote (read back from its database), inserted into
 * an empty database of the same schema in one transaction with libSQL, 5,000 rows per statement.
 */
async function bareWrite(from: ReturnType<typeof openDatabase>, url: string) {
  const tables: [string, readonly string[], unknown[][]][] = [];
  for (const [table, columns] of Object.entries(WRITTEN)) {
    const row = await from.get<{ rows: string }>(
      sql.raw(`SELECT json_group_array(json_array(${columns.join(', ')})) AS rows FROM ${table}`),
    );
    tables.push([table, columns, JSON.parse(row?.rows ?? '[]') as unknown[][]]);
  }
  const db = openDatabase(url);
  await tuneEmbeddedDatabase(db, url);
  await migrateDatabase(db);
  await loadReferenceData(db);
  const t = performance.now();
  const cpu = process.cpuUsage();
  await db.transaction(async (tx) => {
    for (const [table, columns, rows] of tables) {
      const select = columns.map((_, i) => `j.value->>${i}`).join(', ');
      for (let i = 0; i < rows.length; i += 5000) {
        await tx.run(
          sql`${sql.raw(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM json_each(`)}${JSON.stringify(rows.slice(i, i + 5000))}${sql.raw(') j')}`,
        );
      }
    }
  });
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  db.$client.close();
  const count = (name: string) => tables.find(([table]) => table === name)?.[2].length ?? 0;
  return {
    figures: count('indicator_values'),
    history: count('changes'),
    ms,
    cpuMs: (used.user + used.system) / 1000,
  };
}

async function main() {
  console.log(
    `load average before: ${load()} (2 cores shared with other work: read the ratios, not the absolutes)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-bench-sync-'));
  const url = `file:${join(dir, 'bench.db')}`;
  const db = openDatabase(url);
  await tuneEmbeddedDatabase(db, url);
  await migrateDatabase(db);
  await loadReferenceData(db);
  console.log(`before syncing: rss ${mb(process.memoryUsage().rss)}`);

  peakRss = 0;
  peakHeap = 0;
  const first = await syncRun(db, 'first national run (all new)');
  console.log(`  peak rss ${mb(peakRss)} (heap + external ${mb(peakHeap)}); load average ${load()}`);
  peakRss = 0;
  peakHeap = 0;
  const second = await syncRun(db, 'second national run (nothing changed)');
  console.log(`  peak rss ${mb(peakRss)} (heap + external ${mb(peakHeap)}); load average ${load()}`);
  // Last: reading back and rewriting every row takes memory the sync never needs.
  const bare = await bareWrite(db, `file:${join(dir, 'bare.db')}`);
  const bareRate = perSecond(bare.figures, bare.ms);
  console.log(
    `bare libSQL, same disk: the first run's rows (${bare.figures} figures, ${bare.history} history rows, its units, ` +
      `links and OUs) in one transaction, ${(bare.ms / 1000).toFixed(1)} s: ${bareRate} figures/s ` +
      `(CPU ${(bare.cpuMs / 1000).toFixed(1)} s, ${perSecond(bare.figures, bare.cpuMs)} figures per CPU-second); ` +
      `load average ${load()}`,
  );
  db.$client.close();

  const firstRate = perSecond(first.seen, first.storeMs);
  const secondRate = perSecond(second.seen, second.storeMs);
  const cpuRatio = perSecond(first.seen, first.storeCpu) / perSecond(bare.figures, bare.cpuMs);
  console.log(
    `summary: first run ${firstRate} figures/s (target ≥ 50000): ${(firstRate / bareRate).toFixed(2)} of bare libSQL ` +
      `in wall time, ${cpuRatio.toFixed(2)} in CPU time; unchanged run ${secondRate} figures/s (target ≥ 200000); ` +
      'peak rss target < 300 MB',
  );
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
