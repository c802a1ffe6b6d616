/**
 * Records the unit lists the extension's tests read (test/fixtures/pages/api/units-*.json) from the
 * real API, so they follow its response shape as it changes:
 *
 *   npm run fixtures:record
 *
 * - units-0581-hemtjanst.json, units-0581-sarskilt_boende.json, units-05-vardcentral.json: the demo
 *   dataset (invented providers, synthetic figures, `dataset.kind: "demo"`; the demo region's
 *   vårdcentraler carry the HSA ids of the 1177 fixture pages), as `npm start` loads it.
 * - units-0580-hemtjanst.json: a kommun without a register, its units Kolada's survey units (baseline,
 *   `origin: "kolada"`), synced from the recorded Kolada answers in test/fixtures/kolada.
 * - units-0581-hemtjanst-register.json: a kommun register whose units have several survey units each
 *   (`missingReason: "several_survey_units"`, figures per survey unit), synced from the same answers.
 *
 * The Kolada answers hold SYNTHETIC figures and invented unit names (test/fixtures/kolada/README.md):
 * the two synced lists are for tests only and never for screenshots or docs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../api/app';
import { defaultConfig } from '../api/config';
import { openDatabase } from '../api/db/client';
import { migrateDatabase } from '../api/db/migrate';
import { loadDemoDataset, loadReferenceData } from '../api/db/seed';
import { importRegister } from '../api/register/import';
import { syncKolada } from '../api/sync/run';
import { serveFixtureRows } from '../test/api/kolada-sync.fake';
import { offlineKolada } from '../test/fixtures/kolada/offline-kolada';

const OUT = join(import.meta.dirname, '../test/fixtures/pages/api');
/** The day the lists are recorded "on": stale flags and dates stay the same on every run. */
const TODAY = '2026-11-23';
const NOW = new Date(`${TODAY}T09:00:00Z`);

/** Invented providers, named after the recorded Kolada units; two of them have several survey units. */
const REGISTER = [
  'huvudman;tjanst;namn;regi;verifierad;id;kolada_ou',
  '0581;hemtjanst;Hemtjänstgrupp Norr;egen_regi;2026-10-01;h1;V21E058100101|V21E3300',
  '0581;hemtjanst;Hemtjänstgrupp Söder;egen_regi;2026-10-01;h2;V21E058100102',
  '0581;hemtjanst;Kvarnbäckens Omsorg AB;privat;2026-10-01;h4;',
  '0581;hemtjanst;Solvändans Hemtjänst AB;privat;2026-10-01;h5;',
  '0581;hemtjanst;Hemtjänst Öster och Centrum;privat;2026-10-01;h6;',
  '0581;hemtjanst;Omsorgsgruppen Lind AB;privat;2026-10-01;h8;',
  '0581;hemtjanst;Lindängens Omsorg AB;privat;2026-10-01;h7;',
].join('\r\n');

async function database() {
  const dir = mkdtempSync(join(tmpdir(), 'uk-record-'));
  const db = openDatabase(`file:${join(dir, 'record.db')}`);
  await migrateDatabase(db);
  await loadReferenceData(db);
  return {
    db,
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function record(db: Awaited<ReturnType<typeof database>>['db'], path: string, file: string) {
  const app = createApp({ db, today: () => TODAY, config: { ...defaultConfig(), DATA_POLL_MS: 0 } });
  const response = await app.request(path);
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  writeFileSync(join(OUT, file), `${JSON.stringify(await response.json(), null, 2)}\n`);
  console.log(`${file} ← GET ${path}`);
}

function offline() {
  const kolada = offlineKolada({ timeoutMs: 40, maxRetries: 1 });
  serveFixtureRows(kolada.fake);
  return kolada.client;
}

const demo = await database();
await loadDemoDataset(demo.db, NOW);
await record(demo.db, '/v1/kommuner/0581/units?service=hemtjanst', 'units-0581-hemtjanst.json');
await record(demo.db, '/v1/kommuner/0581/units?service=sarskilt_boende', 'units-0581-sarskilt_boende.json');
await record(demo.db, '/v1/regioner/05/units?service=vardcentral', 'units-05-vardcentral.json');
demo.close();

const synced = await database();
const imported = await importRegister(synced.db, REGISTER, { now: NOW });
if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
await syncKolada(synced.db, offline(), { kommuner: ['0580', '0581'], now: () => NOW });
await record(synced.db, '/v1/kommuner/0580/units?service=hemtjanst', 'units-0580-hemtjanst.json');
await record(synced.db, '/v1/kommuner/0581/units?service=hemtjanst', 'units-0581-hemtjanst-register.json');
synced.close();
