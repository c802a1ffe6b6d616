import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { datasets, changes as historyTable } from '../../api/db/schema';
import { createToken } from '../../api/editors/tokens';
import { writeXlsx } from '../../api/export/xlsx';
import { importFigures } from '../../api/figures/import';
import { kindOfFile } from '../../api/figures/kind';
import { importRegister } from '../../api/register/import';
import type { IndicatorValue, UnitList } from '../../shared/domain';
import { createTestDb, json, NOW, testApp } from './helpers';

/** Invented vårdcentraler in two regions; HSA ids of the invented shape the figures fixtures use. */
const REGISTER = [
  'huvudman;tjanst;namn;regi;verifierad;id;hsa_id',
  '05;vardcentral;Hälsocentralen Exempelby;egen_regi;2026-10-01;og-vc-1;SE2321000040-PRVA0001',
  '05;vardcentral;Påhittade Vårdcentralen Norr AB;privat;2026-10-01;og-vc-2;SE2321000040-PRVA0002',
  '05;vardcentral;Testgårdens vårdcentral;privat;2026-10-01;og-vc-3;',
  '01;vardcentral;Exempelkliniken Stad;privat;2026-10-01;ab-vc-1;SE2321000016-PRVB0001',
].join('\n');

const HEADER = 'huvudman;tjanst;enhet;indikator;period;varde;antal;kalla;kalla_url;publicerad;ki_lag;ki_hog';
const NPE = 'Nationell Patientenkät 2025 (påhittad)';
const NPE_URL = 'https://exempel.invalid/npe-2025';
const npe = (huvudman: string, unit: string, value: string, antal: string, ci = ';') =>
  `${huvudman};vardcentral;${unit};npe_vard_och_behandling_medel;2025;${value};${antal};${NPE};${NPE_URL};2026-03-14;${ci}`;

const FIGURES = [
  HEADER,
  npe('05', 'SE2321000040-PRVA0001', '0,84', '143', '0,81;0,87'),
  npe('05', 'og-vc-3', '0,77', '61'),
  // Below the survey's threshold of 10: stored as missing, never shown.
  npe('05', 'SE2321000040-PRVA0002', '', '8'),
  npe('05', '', '0,80', '10433'),
  npe('riket', '', '0,82', '190212'),
  // A month's waiting-time share: there is no regional figure of that month, so none is shown beside it.
  '05;vardcentral;SE2321000040-PRVA0001;vantetider_medicinsk_bedomning_3_dagar;2025-10;91,5;412;Väntetider i vården;https://exempel.invalid/vantetider;2025-11-15;;',
  '05;vardcentral;;vantetider_medicinsk_bedomning_3_dagar;2025;88,0;52011;Väntetider i vården;https://exempel.invalid/vantetider;2026-01-20;;',
].join('\n');

interface Summary {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  sets: { huvudman: string; indicatorId: string; period: string; added: number; removed: number }[];
  file: { format: string | null; sheet: string | null };
}
interface ErrorBody {
  error: {
    code: string;
    message: string;
    problems: { line: number | null; column: string | null; message: string }[];
    problemCount: number;
  };
}

async function setUp() {
  const db = await createTestDb();
  const imported = await importRegister(db, REGISTER, { now: NOW });
  expect(imported.ok).toBe(true);
  const app = testApp(db);
  const { token } = await createToken(db, '05', 'Region Östergötland, primärvård');
  const put = (body: string | Uint8Array, type = 'text/csv', huvudman = '05', bearer = token) =>
    app.request(`/v1/admin/figures/${huvudman}`, {
      method: 'PUT',
      body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
      headers: { 'Content-Type': type, Authorization: `Bearer ${bearer}` },
    });
  const list = (region = '05') =>
    json<UnitList>(app.request(`/v1/regioner/${region}/units?service=vardcentral`));
  const figure = async (name: string, indicator: string, region = '05'): Promise<IndicatorValue> => {
    const unit = (await list(region)).items.find((u) => u.name === name);
    expect(unit, name).toBeDefined();
    return unit!.indicators.find((i) => i.id === indicator)!;
  };
  const historyRows = async () => (await db.select({ n: count() }).from(historyTable).get())!.n;
  const version = async () =>
    (await db.select().from(datasets).where(eq(datasets.huvudman, '05')).get())!.version;
  return { db, app, token, put, list, figure, historyRows, version };
}

describe('PUT /v1/admin/figures/{huvudman}: a region sends its vårdcentraler’s figures', async () => {
  const { db, app, put, figure, list, historyRows, version } = await setUp();

  it('serves each unit’s figure with period, count, source and the region’s and country’s figure of the same measure', async () => {
    const res = await put(FIGURES);
    expect(res.status).toBe(200);
    const body = await json<Summary>(res);
    expect(body).toMatchObject({ added: 7, changed: 0, removed: 0, unchanged: 0, file: { format: 'csv' } });
    expect(body.sets.map((s) => `${s.huvudman} ${s.indicatorId} ${s.period}`)).toEqual([
      '05 npe_vard_och_behandling_medel 2025',
      'riket npe_vard_och_behandling_medel 2025',
      '05 vantetider_medicinsk_bedomning_3_dagar 2025-10',
      '05 vantetider_medicinsk_bedomning_3_dagar 2025',
    ]);

    const shown = await figure('Hälsocentralen Exempelby', 'npe_vard_och_behandling_medel');
    expect(shown).toMatchObject({
      value: 0.84,
      period: '2025',
      respondents: 143,
      missingReason: null,
      publishedAt: '2026-03-14',
      confidenceInterval: { low: 0.81, high: 0.87 },
      source: { id: 'npe', name: NPE, attribution: `Källa: ${NPE}`, url: NPE_URL },
      comparison: { kommun: 0.8, riket: 0.82, area: 'region' },
    });
    expect(shown.comparison.details.kommun).toMatchObject({ value: 0.8, period: '2025', respondents: 10433 });
    expect(shown.comparison.details.riket).toMatchObject({
      value: 0.82,
      period: '2025',
      respondents: 190212,
    });
    // One unit's own address serves the same figure.
    const unitId = (await list()).items.find((u) => u.name === 'Hälsocentralen Exempelby')!.id;
    const one = await json<{ indicators: IndicatorValue[] }>(app.request(`/v1/units/${unitId}`));
    expect(one.indicators.find((i) => i.id === 'npe_vard_och_behandling_medel')).toEqual(shown);
    // Found by the register's id where the unit has no HSA id.
    expect(await figure('Testgårdens vårdcentral', 'npe_vard_och_behandling_medel')).toMatchObject({
      value: 0.77,
      respondents: 61,
      confidenceInterval: null,
    });
  });

  it('never shows a figure below the threshold, and shows it missing like any other', async () => {
    expect(await figure('Påhittade Vårdcentralen Norr AB', 'npe_vard_och_behandling_medel')).toMatchObject({
      value: null,
      missingReason: 'too_few_respondents',
      confidenceInterval: null,
    });
    // A measure without figures is missing with the same reason for every unit.
    expect(await figure('Testgårdens vårdcentral', 'npe_delaktighet_medel')).toMatchObject({
      value: null,
      missingReason: 'no_data',
    });
  });

  it('compares only like periods: a month’s figure has no yearly region figure beside it', async () => {
    const month = await figure('Hälsocentralen Exempelby', 'vantetider_medicinsk_bedomning_3_dagar');
    expect(month).toMatchObject({ value: 91.5, period: '2025-10', respondents: 412 });
    expect(month.comparison).toMatchObject({ kommun: null, riket: null });
  });

  it('lists the vårdcentral catalogue with plain-Swedish labels and explanations', async () => {
    const { indicators } = await list();
    expect(indicators.map((d) => d.id)).toContain('vantetider_telefon_samma_dag');
    const defaults = indicators.filter((d) => d.isDefault).map((d) => d.id);
    expect(defaults).toEqual(['npe_vard_och_behandling_medel']);
    for (const d of indicators) {
      expect(d.service).toBe('vardcentral');
      expect(d.label.length).toBeGreaterThan(5);
      expect(d.description.length).toBeGreaterThan(20);
    }
    expect(indicators.find((d) => d.id === 'vantetider_medicinsk_bedomning_3_dagar')!.countNoun).toBe(
      'bedömningar',
    );
  });

  it('changes nothing when the same file comes again: no version, no history', async () => {
    const [before, history] = [await version(), await historyRows()];
    const res = await put(FIGURES);
    expect(await json<Summary>(res)).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 7 });
    expect(await version()).toBe(before);
    expect(await historyRows()).toBe(history);
  });

  it('replaces each set whole: a figure the new file lacks is removed, with history', async () => {
    const [before, history] = [await version(), await historyRows()];
    const next = FIGURES.split('\n')
      .filter((line) => !line.includes('og-vc-3'))
      .map((line) => line.replace(';0,84;143;', ';0,85;150;'))
      .join('\n');
    const body = await json<Summary>(await put(next));
    expect(body).toMatchObject({ added: 0, changed: 1, removed: 1, unchanged: 5 });
    expect(await version()).toBe(before + 1);
    expect(await historyRows()).toBe(history + 2);
    expect((await figure('Testgårdens vårdcentral', 'npe_vard_och_behandling_medel')).missingReason).toBe(
      'no_data',
    );
    expect((await figure('Hälsocentralen Exempelby', 'npe_vard_och_behandling_medel')).value).toBe(0.85);
  });

  it('rejects a bad file whole, every problem by line and column, and writes nothing', async () => {
    const history = await historyRows();
    const bad = [
      HEADER,
      npe('05', 'SE2321000040-PRVA0001', '0,10', '99'),
      npe('05', 'SE2321000040-OKAND999', '0,70', '50'),
      npe('05', 'SE2321000016-PRVB0001', '0,70', '50'),
      npe('01', '', '0,70', '5000'),
      npe('05', 'SE2321000040-PRVA0002', '1,70', '50'),
    ].join('\n');
    const res = await put(bad);
    expect(res.status).toBe(400);
    const body = await json<ErrorBody>(res);
    expect(body.error.code).toBe('invalid_figures');
    // The reader's problems come first (a value off the scale); the units are checked once the file reads.
    expect(body.error.problems.map((p) => [p.line, p.column])).toEqual([[6, 'varde']]);
    const good = bad
      .split('\n')
      .filter((l) => !l.includes('1,70'))
      .join('\n');
    const second = await json<ErrorBody>(await put(good));
    expect(second.error.problems.map((p) => [p.line, p.column])).toEqual([[5, 'huvudman']]);
    expect(second.error.problems[0]!.message).toMatch(/gäller 01, men nyckeln gäller bara 05/);
    const third = await json<ErrorBody>(
      await put(
        good
          .split('\n')
          .filter((l) => !l.startsWith('01;'))
          .join('\n'),
      ),
    );
    expect(third.error.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'enhet'],
      [4, 'enhet'],
    ]);
    expect(third.error.problems[0]!.message).toMatch(/ingen enhet i registret för 05/);
    expect(third.error.problems[1]!.message).toMatch(/hör till huvudman 01/);
    expect(third.error.problemCount).toBe(2);
    expect((await figure('Hälsocentralen Exempelby', 'npe_vard_och_behandling_medel')).value).toBe(0.85);
    expect(await historyRows()).toBe(history);
  });

  it('takes a region-sized file (over the API’s general body limit) and caps the problems it lists', async () => {
    const rows = Array.from({ length: 1600 }, (_, i) =>
      npe('05', `SE2321000040-OKAND${String(i).padStart(4, '0')}`, '0,70', '50'),
    );
    const body = [HEADER, ...rows].join('\n');
    expect(body.length).toBeGreaterThan(256 * 1024);
    const res = await put(body);
    expect(res.status).toBe(400);
    const error = (await json<ErrorBody>(res)).error;
    expect(error.problemCount).toBe(1600);
    expect(error.problems).toHaveLength(200);
    expect(error.problems[0]).toMatchObject({ line: 2, column: 'enhet' });
  });

  it('reads an XLSX workbook through the register’s XLSX reader', async () => {
    const rows = FIGURES.split('\n').map((line) => line.split(';'));
    rows[1]![5] = '0,86';
    const res = await put(
      writeXlsx([{ name: 'Indikatorvärden', rows }]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.status).toBe(200);
    expect(await json<Summary>(res)).toMatchObject({ file: { format: 'xlsx', sheet: 'Indikatorvärden' } });
    expect((await figure('Hälsocentralen Exempelby', 'npe_vard_och_behandling_medel')).value).toBe(0.86);
  });

  it('shows the country’s figure a region sent beside that region’s units only', async () => {
    const other = await importFigures(
      db,
      [HEADER, npe('01', 'SE2321000016-PRVB0001', '0,75', '88')].join('\n'),
      {
        now: NOW,
      },
    );
    expect(other.ok).toBe(true);
    expect(await figure('Exempelkliniken Stad', 'npe_vard_och_behandling_medel', '01')).toMatchObject({
      value: 0.75,
      comparison: { kommun: null, riket: null },
    });
    expect((await figure('Hälsocentralen Exempelby', 'npe_vard_och_behandling_medel')).comparison.riket).toBe(
      0.82,
    );
  });
});

describe('a unit that was re-registered under a new id', async () => {
  it('takes the active unit when an ended one had the same HSA id', async () => {
    const db = await createTestDb();
    const first = [
      'huvudman;tjanst;namn;regi;verifierad;id;hsa_id',
      '05;vardcentral;Gamla Exempelvårdcentralen;privat;2026-10-01;old-1;SE2321000040-PRVA0009',
    ].join('\n');
    const second = [
      'huvudman;tjanst;namn;regi;verifierad;id;hsa_id',
      '05;vardcentral;Nya Exempelvårdcentralen AB;privat;2026-10-02;new-1;SE2321000040-PRVA0009',
    ].join('\n');
    expect((await importRegister(db, first, { now: NOW })).ok).toBe(true);
    expect((await importRegister(db, second, { now: NOW })).ok).toBe(true);
    const result = await importFigures(
      db,
      [HEADER, npe('05', 'SE2321000040-PRVA0009', '0,81', '77')].join('\n'),
      {
        now: NOW,
      },
    );
    expect(result.ok).toBe(true);
    const list = await json<UnitList>(testApp(db).request('/v1/regioner/05/units?service=vardcentral'));
    expect(list.items.map((u) => [u.name, u.indicators[0]!.value])).toEqual([
      ['Nya Exempelvårdcentralen AB', 0.81],
    ]);
  });
});

describe('npm run import with a figures file (the operator)', async () => {
  const { db, figure } = await setUp();

  it('recognises the kind of a file from its header, XLSX included', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(kindOfFile(bytes(FIGURES))).toBe('figures');
    expect(kindOfFile(bytes(REGISTER))).toBe('register');
    expect(kindOfFile(bytes('a;b\n1;2'))).toBeNull();
    const rows = FIGURES.split('\n').map((line) => line.split(';'));
    expect(kindOfFile(writeXlsx([{ name: 'Blad1', rows }]))).toBe('figures');
  });

  it('stores a file of national figures only as the country’s, shown beside every region’s units', async () => {
    const national = await importFigures(db, [HEADER, npe('riket', '', '0,83', '190000')].join('\n'), {
      now: NOW,
    });
    expect(national.ok).toBe(true);
    const mine = await importFigures(
      db,
      [HEADER, npe('01', 'SE2321000016-PRVB0001', '0,75', '88')].join('\n'),
      {
        now: NOW,
      },
    );
    expect(mine.ok).toBe(true);
    expect(await figure('Exempelkliniken Stad', 'npe_vard_och_behandling_medel', '01')).toMatchObject({
      value: 0.75,
      comparison: { kommun: null, riket: 0.83 },
    });
    // A region's own national figure (its copy) stands before the country's own beside its units.
    const withCopy = await importFigures(db, FIGURES, { now: NOW });
    expect(withCopy.ok).toBe(true);
    expect((await figure('Hälsocentralen Exempelby', 'npe_vard_och_behandling_medel')).comparison.riket).toBe(
      0.82,
    );
    expect(
      (await figure('Exempelkliniken Stad', 'npe_vard_och_behandling_medel', '01')).comparison.riket,
    ).toBe(0.83);
  });

  it('refuses national figures beside several regions’ rows: whose copy they are cannot be told', async () => {
    const result = await importFigures(
      db,
      [
        HEADER,
        npe('01', 'SE2321000016-PRVB0001', '0,75', '88'),
        npe('05', 'og-vc-3', '0,7', '40'),
        npe('riket', '', '0,8', '9000'),
      ].join('\n'),
      { now: NOW },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => [p.line, p.column])).toEqual([[4, 'huvudman']]);
  });
});
