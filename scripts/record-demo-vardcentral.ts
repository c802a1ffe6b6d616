/**
 * Records what the API answers for the demo region's vårdcentraler, in today's shape, as the fixture the
 * extension's tests read for 1177 pages: test/fixtures/pages/api/units-05-vardcentral.json. Builds a
 * fresh demo database in a temp folder (nothing else is touched), on a fixed date, so a rerun gives the
 * same bytes until the demo or the API's shape changes. Run after changing either:
 *   npx tsx scripts/record-demo-vardcentral.ts && npx biome format --write test/fixtures/pages/api
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../api/app';
import { defaultConfig } from '../api/config';
import { prepareDatabase } from '../api/database';
import { loadDemoDataset } from '../api/db/seed';

/** The demo as loaded on this day; `today` for staleness is the same day. */
const NOW = new Date('2026-11-01T00:00:00Z');
const PATH = '/v1/regioner/05/units?service=vardcentral';
const target = new URL('../test/fixtures/pages/api/units-05-vardcentral.json', import.meta.url);

const dir = mkdtempSync(join(tmpdir(), 'utforarkollen-demo-'));
try {
  const db = await prepareDatabase({ DATABASE_URL: `file:${join(dir, 'demo.db')}` });
  await loadDemoDataset(db, NOW);
  const app = createApp({
    db,
    today: () => NOW.toISOString().slice(0, 10),
    config: { ...defaultConfig(), DATA_POLL_MS: 0 },
  });
  const response = await app.request(PATH);
  if (response.status !== 200) throw new Error(`${PATH}: ${response.status} ${await response.text()}`);
  const list = (await response.json()) as { dataset: { kind: string } };
  if (list.dataset.kind !== 'demo') throw new Error(`${PATH} is not the demo dataset`);
  writeFileSync(target, `${JSON.stringify(list, null, 2)}\n`);
  db.$client.close();
  console.log(`Wrote ${target.pathname}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
