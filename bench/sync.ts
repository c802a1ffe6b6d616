/**
 * npx tsx bench/sync.ts [kommuner=290] [years=8]
 *
 * How fast the Kolada sync stores figures, network excluded: a register of elderly-care units in
 * many kommuner, a fake Kolada that generates (synthetic) answers in-process, and the sync's two
 * phases timed apart: fetch (the client's paging, JSON and validation, against the in-process fake)
 * and store (plan + transaction). A second run over the same answers times the "nothing changed" path.
 * Peak memory is sampled after each kommun. A temp file database, tuned as in production.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, tuneEmbeddedDatabase } from '../api/db/client';
import { migrateDatabase } from '../api/db/migrate';
import { loadReferenceData } from '../api/db/seed';
import { createKoladaClient } from '../api/kolada';
import { importRegister } from '../api/register/import';
import { fetchKommun } from '../api/sync/fetch';
import { storeKommun } from '../api/sync/store';
import type { SyncService, SyncUnit } from '../api/sync/types';
import { KOMMUNER } from '../shared/reference';
import { createFakeKolada } from '../test/fixtures/kolada/fake-kolada';

const KOMMUN_COUNT = Number(process.argv[2] ?? 290);
const YEARS = Number(process.argv[3] ?? 8);
const HEMTJANST_UNITS = 12;
const SABO_UNITS = 6;
const FIRST_YEAR = 2027 - YEARS;

const kommuner = KOMMUNER.slice(0, KOMMUN_COUNT).map((k) => k.code);
const ouId = (kommun: string, service: SyncService, i: number) =>
  `${service === 'hemtjanst' ? 'V21E' : 'V23E'}${kommun}${String(i).padStart(5, '0')}`;

/** A deterministic figure, so the second run sees the same answers. */
function figure(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return 50 + ((h >>> 0) % 50);
}

function generatedAnswer(url: string) {
  const match = /\/v3\/(oudata|data)\/kpi\/([^/]+)\/(ou|municipality)\/([^/?]+)$/.exec(new URL(url).pathname);
  if (!match) return undefined;
  const [, , kpis, segment, subjects] = match as unknown as [string, string, string, string, string];
  const values = [];
  for (const kpi of kpis.split(','))
    for (const subject of subjects.split(','))
      for (let year = FIRST_YEAR; year <= 2026; year++) {
        const seed = `${kpi}${subject}${year}`;
        values.push({
          kpi,
          [segment]: subject,
          period: year,
          values: [{ gender: 'T', count: 40, status: '', value: figure(seed) }],
        });
      }
  return { body: { values, next_url: null } };
}

function ouList(url: string) {
  const kommun = new URL(url).searchParams.get('municipality');
  if (!kommun) return undefined;
  const values = [];
  for (let i = 0; i < HEMTJANST_UNITS; i++)
    values.push({
      id: ouId(kommun, 'hemtjanst', i),
      municipality: kommun,
      title: `Bänkhemtjänst ${kommun}-${i} AB`,
    });
  for (let i = 0; i < SABO_UNITS; i++)
    values.push({
      id: ouId(kommun, 'sarskilt_boende', i),
      municipality: kommun,
      title: `Bänkboendet ${kommun}-${i}`,
    });
  return { body: { values, next_url: null } };
}

/** Half of the units carry kolada_ou; the other half are found by name. */
function register(): string {
  const lines = ['huvudman;tjanst;namn;regi;verifierad;id;kolada_ou'];
  for (const kommun of kommuner) {
    for (let i = 0; i < HEMTJANST_UNITS; i++)
      lines.push(
        `${kommun};hemtjanst;Bänkhemtjänst ${kommun}-${i} AB;privat;2026-10-01;h${i};${i % 2 ? ouId(kommun, 'hemtjanst', i) : ''}`,
      );
    for (let i = 0; i < SABO_UNITS; i++)
      lines.push(
        `${kommun};sarskilt_boende;Bänkboendet ${kommun}-${i};privat;2026-10-01;s${i};${i % 2 ? ouId(kommun, 'sarskilt_boende', i) : ''}`,
      );
  }
  return lines.join('\n');
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-bench-sync-'));
  const url = `file:${join(dir, 'bench.db')}`;
  const db = openDatabase(url);
  await tuneEmbeddedDatabase(db, url);
  await migrateDatabase(db);
  await loadReferenceData(db);
  const imported = await importRegister(db, register());
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems.slice(0, 3)));

  const fake = createFakeKolada({ fixtures: false });
  fake.fallback((request) =>
    request.url.includes('/ou?') ? ouList(request.url) : generatedAnswer(request.url),
  );
  const kolada = createKoladaClient({ fetch: fake.fetch, sleep: async () => {}, requestsPerSecond: 1e9 });
  const allUnits = await db.query.units.findMany();
  const base = process.memoryUsage();
  console.log(
    `before syncing: rss ${mb(base.rss)}, heapUsed ${mb(base.heapUsed)} (register of ${allUnits.length} units imported)`,
  );

  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };

  for (const label of ['first sync (all new)', 'second sync (nothing changed)']) {
    peakRss = 0;
    peakHeap = 0;
    let fetchMs = 0;
    let storeMs = 0;
    let storeCpuMs = 0;
    let written = 0;
    let seen = 0;
    let linked = 0;
    for (const kommun of kommuner) {
      const units: SyncUnit[] = allUnits
        .filter((u) => u.huvudman === kommun)
        .map((u) => ({ ...u, service: u.service as SyncService }));
      let t = performance.now();
      const snapshot = await fetchKommun(kolada, {
        kommun,
        contextNames: [],
        units,
        services: ['hemtjanst', 'sarskilt_boende'],
        now: () => new Date(),
      });
      fetchMs += performance.now() - t;
      t = performance.now();
      const cpu = process.cpuUsage();
      const summary = await storeKommun(db, snapshot, { mode: 'full', now: new Date() });
      storeMs += performance.now() - t;
      const used = process.cpuUsage(cpu);
      storeCpuMs += (used.user + used.system) / 1000;
      written += summary.added + summary.changed + summary.removed;
      seen += summary.added + summary.changed + summary.unchanged;
      linked += summary.linked;
      sample();
    }
    console.log(
      `${label}: ${kommuner.length} kommuner, ${linked} units linked, ${seen} figures (${written} written)\n` +
        `  fetch+validate ${(fetchMs / 1000).toFixed(1)} s (${Math.round(seen / (fetchMs / 1000))} figures/s, in-process fake)\n` +
        `  store          ${(storeMs / 1000).toFixed(1)} s (${Math.round(seen / (storeMs / 1000))} figures/s; CPU ${(storeCpuMs / 1000).toFixed(1)} s, ${Math.round(seen / (storeCpuMs / 1000))} figures per CPU-second)\n` +
        `  peak rss ${mb(peakRss)}, peak heapUsed ${mb(peakHeap)} (sampled after each kommun)`,
    );
  }
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
