/**
 * npm run bench:figures
 * The figures import (issue 15) for a large region: 250 vårdcentraler, each with the patient survey's
 * six means and response rate for 2025 and both waiting-time shares for every month of 2025 (31 figures
 * a unit, 7 750 in all, about 1.25 MB of CSV). Side by side in one run, in fresh databases:
 *   - the first import (read and check the file, look up every unit, one transaction with history) vs
 *     the bare libSQL write of the same figure rows (multi-row INSERTs in one transaction, nothing else);
 *   - importing the same file again (reads and compares, writes nothing) vs the bare read of the stored
 *     figures of the region's units;
 *   - the region's list with every figure (GET /v1/regioner/05/units?service=vardcentral, uncached).
 * The machine is shared and loaded: read the ratios, not the absolute times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createApp } from '../api/app';
import { defaultConfig } from '../api/config';
import { chunks, rowsPerTable } from '../api/db/chunks';
import { type Database, openDatabase, tuneEmbeddedDatabase } from '../api/db/client';
import { migrateDatabase } from '../api/db/migrate';
import { indicatorValues } from '../api/db/schema';
import { loadReferenceData } from '../api/db/seed';
import { importFigures } from '../api/figures/import';
import { importRegister } from '../api/register/import';

const NOW = new Date('2026-11-23T09:00:00Z');
const UNITS = 250;
const MEANS = [
  'npe_vard_och_behandling_medel',
  'npe_delaktighet_medel',
  'npe_bemotande_medel',
  'npe_kontinuitet_medel',
  'npe_information_medel',
  'npe_tillganglighet_medel',
];
const hsa = (i: number) => `SE2321000040-BENCH${String(i).padStart(4, '0')}`;

function registerCsv(): string {
  const rows = Array.from(
    { length: UNITS },
    (_, i) => `05;vardcentral;Bänkvårdcentralen ${i};privat;2026-10-01;bench-${i};${hsa(i)}`,
  );
  return ['huvudman;tjanst;namn;regi;verifierad;id;hsa_id', ...rows].join('\n');
}

function figuresCsv(): { csv: string; rows: number } {
  const lines = ['huvudman;tjanst;enhet;indikator;period;varde;antal;kalla;kalla_url;publicerad'];
  const npe = 'Nationell Patientenkät 2025 (påhittad);https://exempel.invalid/npe;2026-03-14';
  const vt = 'Väntetider i vården (påhittad);https://exempel.invalid/vantetider';
  for (let i = 0; i < UNITS; i++) {
    for (const [k, id] of MEANS.entries())
      lines.push(`05;vardcentral;${hsa(i)};${id};2025;0,${70 + ((i + k) % 25)};${50 + (i % 150)};${npe}`);
    lines.push(`05;vardcentral;${hsa(i)};npe_svarsfrekvens;2025;${30 + (i % 40)};${100 + i};${npe}`);
    for (let month = 1; month <= 12; month++) {
      const period = `2025-${String(month).padStart(2, '0')}`;
      const published = month === 12 ? '2026-01-15' : `2025-${String(month + 1).padStart(2, '0')}-15`;
      for (const id of ['vantetider_medicinsk_bedomning_3_dagar', 'vantetider_telefon_samma_dag'])
        lines.push(
          `05;vardcentral;${hsa(i)};${id};${period};${60 + ((i + month) % 39)};${200 + i};${vt};${published}`,
        );
    }
  }
  return { csv: lines.join('\n'), rows: lines.length - 1 };
}

async function freshDatabase(dir: string, name: string): Promise<Database> {
  const url = `file:${join(dir, `${name}.db`)}`;
  const db = openDatabase(url);
  await tuneEmbeddedDatabase(db, url);
  await migrateDatabase(db);
  await loadReferenceData(db);
  const registered = await importRegister(db, registerCsv(), { now: NOW, actor: 'bench' });
  if (!registered.ok) throw new Error(JSON.stringify(registered.problems.slice(0, 3)));
  return db;
}

const seconds = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-figures-'));
  try {
    const { csv, rows } = figuresCsv();
    const db = await freshDatabase(dir, 'import');
    const bare = await freshDatabase(dir, 'bare');
    const load = loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');

    let added = 0;
    const first = await seconds(async () => {
      const result = await importFigures(db, csv, { now: NOW, actor: 'bench' });
      if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
      added = result.summary.added;
    });
    if (added !== rows) throw new Error(`imported ${added} of ${rows}`);
    const stored = await db.select().from(indicatorValues).all();
    const bareWrite = await seconds(() =>
      bare.transaction(async (tx) => {
        for (const part of chunks(stored, rowsPerTable(indicatorValues)))
          await tx.insert(indicatorValues).values(part);
      }),
    );
    let unchanged = 0;
    const again = await seconds(async () => {
      const result = await importFigures(db, csv, { now: NOW, actor: 'bench' });
      if (!result.ok) throw new Error('second import failed');
      unchanged = result.summary.unchanged;
    });
    if (unchanged !== rows) throw new Error(`second import left ${unchanged} of ${rows} unchanged`);
    const bareRead = await seconds(() =>
      db.all(
        sql`SELECT * FROM indicator_values WHERE scope = 'unit' AND subject IN (SELECT id FROM units WHERE huvudman = '05')`,
      ),
    );
    const app = createApp({ db, config: { ...defaultConfig(), DATA_POLL_MS: 0 } });
    let bytes = 0;
    const list = await seconds(async () => {
      const res = await app.request('/v1/regioner/05/units?service=vardcentral');
      bytes = (await res.arrayBuffer()).byteLength;
    });

    console.log(
      `figures import, ${UNITS} vårdcentraler, ${rows} figures, ${(csv.length / 1e6).toFixed(2)} MB CSV`,
    );
    console.log(`load average at start: ${load} (2 shared cores: figures are noisy)`);
    console.log(
      `  first import            ${first.toFixed(2)} s   bare libSQL write of the rows ${bareWrite.toFixed(2)} s   ratio ${(first / bareWrite).toFixed(1)}`,
    );
    console.log(
      `  same file again (no-op) ${again.toFixed(2)} s   bare read of the stored rows  ${bareRead.toFixed(2)} s   ratio ${(again / bareRead).toFixed(1)}`,
    );
    console.log(`  the region's list        ${list.toFixed(2)} s   ${(bytes / 1e6).toFixed(2)} MB JSON`);
    console.log(
      `load average at end:   ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    db.$client.close();
    bare.$client.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
