import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { datasets } from '../../api/db/schema';
import { importFigures } from '../../api/figures/import';
import { importRegister } from '../../api/register/import';
import { regionKpis } from '../../api/sync/regions';
import { syncKolada } from '../../api/sync/run';
import type { IndicatorValue, UnitList } from '../../shared/domain';
import { createTestDb, json, NOW, testApp } from './helpers';
import type { FixtureRows, RawRow } from './kolada-sync.fake';
import { kolada, LATER } from './kolada-sync.setup';

/** Synthetic region-level figures as Kolada gives them (type "L": "0005" Östergötland, "0000" the country). */
const row = (
  kpi: string,
  municipality: string,
  period: number,
  value: number,
  count: number | null = null,
): RawRow => ({
  kpi,
  municipality,
  period,
  values: [{ gender: 'T', value, count }],
});
const ROWS: FixtureRows = {
  base: [
    row('N78110', '0005', 2025, 0.79, 10433),
    row('N78110', '0000', 2025, 0.81, 190212),
    row('N78110', '0001', 2025, 0.8, 20111),
    row('N79173', '0005', 2024, 84.2),
    row('N79173', '0000', 2024, 86.9),
    // A kommun's row of the same KPI is not a region's figure.
    row('N78110', '0581', 2025, 0.5),
  ],
  incremental: [],
  ous: [],
};

const REGISTER =
  'huvudman;tjanst;namn;regi;verifierad;id;hsa_id\n05;vardcentral;Hälsocentralen Exempelby;egen_regi;2026-10-01;og-vc-1;SE2321000040-PRVA0001\n';
const FIGURES = [
  'huvudman;tjanst;enhet;indikator;period;varde;antal;kalla;kalla_url;publicerad',
  '05;vardcentral;SE2321000040-PRVA0001;npe_vard_och_behandling_medel;2025;0,84;143;Nationell Patientenkät (påhittad);https://exempel.invalid/npe;2026-03-14',
  '05;vardcentral;SE2321000040-PRVA0001;vantetider_medicinsk_bedomning_3_dagar;2024;88,1;950;Väntetider i vården;https://exempel.invalid/vt;2025-02-01',
].join('\n');
const MONTH =
  '05;vardcentral;SE2321000040-PRVA0001;vantetider_medicinsk_bedomning_3_dagar;2025-10;91,5;412;Väntetider i vården;https://exempel.invalid/vt;2025-11-15';

describe('the Kolada sync of the regions’ vårdcentral comparisons', async () => {
  const db = await createTestDb();
  expect((await importRegister(db, REGISTER, { now: NOW })).ok).toBe(true);
  expect((await importFigures(db, FIGURES, { now: NOW })).ok).toBe(true);
  const app = testApp(db);
  const figure = async (indicator: string): Promise<IndicatorValue> => {
    const list = await json<UnitList>(app.request('/v1/regioner/05/units?service=vardcentral'));
    return list.items[0]!.indicators.find((i) => i.id === indicator)!;
  };
  const version = async () =>
    (await db.select().from(datasets).where(eq(datasets.service, 'vardcentral')).get())!.version;

  it('asks for every region and the country in one request, and stores them as comparison figures', async () => {
    const { client, fake } = kolada(ROWS);
    const before = await version();
    const report = await syncKolada(db, client, { kommuner: [], regions: true, now: () => NOW });
    expect(report.regioner).toEqual({ outcome: 'synced', added: 5, changed: 0, removed: 0, unchanged: 0 });
    const urls = fake.urls().filter((u) => u.includes('N78110'));
    expect(urls).toHaveLength(1);
    const segments = new URL(urls[0]!).pathname.split('/');
    expect(segments[4]!.split(',').sort()).toEqual(regionKpis());
    expect(segments[6]!.split(',')).toHaveLength(22);
    expect(await version()).toBe(before + 1);
  });

  it('shows Kolada’s region and national figure of the same measure and year beside a unit’s figure', async () => {
    const survey = await figure('npe_vard_och_behandling_medel');
    expect(survey).toMatchObject({ value: 0.84, comparison: { kommun: 0.79, riket: 0.81, area: 'region' } });
    expect(survey.comparison.details.kommun).toMatchObject({
      period: '2025',
      respondents: 10433,
      source: { id: 'kolada' },
    });
    expect(survey.comparison.details.riket).toMatchObject({ period: '2025', source: { id: 'kolada' } });
    expect(await figure('vantetider_medicinsk_bedomning_3_dagar')).toMatchObject({
      period: '2024',
      comparison: { kommun: 84.2, riket: 86.9 },
    });
  });

  it('never compares unlike periods: a month has no Kolada figure (Kolada has years only)', async () => {
    // The file gives the month beside the year: a unit shows its latest figure, the month's.
    const result = await importFigures(db, `${FIGURES}\n${MONTH}`, { now: NOW });
    expect(result.ok && result.summary.added).toBe(1);
    const month = await figure('vantetider_medicinsk_bedomning_3_dagar');
    expect(month).toMatchObject({ period: '2025-10', comparison: { kommun: null, riket: null } });
  });

  it('a figure the region’s file gives stands before Kolada’s', async () => {
    const withRegion = `${FIGURES}\n05;vardcentral;;npe_vard_och_behandling_medel;2025;0,78;10400;Nationell Patientenkät (påhittad);https://exempel.invalid/npe;2026-03-14`;
    expect((await importFigures(db, withRegion, { now: NOW })).ok).toBe(true);
    const survey = await figure('npe_vard_och_behandling_medel');
    expect(survey.comparison).toMatchObject({ kommun: 0.78, riket: 0.81 });
    expect(survey.comparison.details.kommun?.source.id).toBe('npe');
  });

  it('changes nothing on a second identical sync, and a sync of some kommuner leaves the regions alone', async () => {
    const before = await version();
    const again = await syncKolada(db, kolada(ROWS).client, {
      kommuner: [],
      regions: true,
      now: () => LATER,
    });
    expect(again.regioner).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 5 });
    expect(await version()).toBe(before);
    const { client, fake } = kolada(ROWS);
    const some = await syncKolada(db, client, { kommuner: ['0117'], now: () => LATER });
    expect(some.regioner).toBeNull();
    expect(fake.urls().some((u) => u.includes('N78110'))).toBe(false);
  });
});
