import { describe, expect, it } from 'vitest';
import {
  createVisClient,
  fetchRegionFigures,
  hsaUnitKey,
  mappedUnitKey,
  periodOf,
  type VisSeries,
  visToFigures,
} from '../../api/vis';
import { parseFigures } from '../../shared/figures';
import { createFakeClock } from '../fixtures/kolada/fake-clock';
import { createFakeVis, offlineVisOptions, visFixture } from '../fixtures/vis/fake-vis';

const A1 = '5e1f0000-0000-4000-8000-00000000a001';
const A2 = '5e1f0000-0000-4000-8000-00000000a002';
const B1 = '5e1f0000-0000-4000-8000-00000000b001';
const TODAY = '2026-11-23';
const OURS = ['SE2321000040-SYNT0001', 'SE2321000040-SYNT0002', 'SE2321000040-SYNT0003'];
const MAPPINGS = [
  { indicatorId: 'vantetider_medicinsk_bedomning_3_dagar', measureId: A1 },
  { indicatorId: 'vantetider_telefon_samma_dag', measureId: A2 },
  { indicatorId: 'npe_vard_och_behandling_medel', measureId: B1 },
];
const allSeries = visFixture('measurements').body as VisSeries[];

describe('periodOf: a VIS period as the format writes it', () => {
  it('reads whole years, half-years, quarters and months, with an inclusive or exclusive end', () => {
    const of = (start: string, end: string) => periodOf({ start: `${start}T00:00:00`, end })?.id ?? null;
    expect(of('2025-01-01', '2025-12-31')).toBe('2025');
    expect(of('2025-01-01', '2026-01-01')).toBe('2025');
    expect(of('2025-07-01', '2025-12-31T00:00:00')).toBe('2025-H2');
    expect(of('2025-04-01', '2025-06-30')).toBe('2025-Q2');
    expect(of('2025-01-01', '2025-03-31')).toBe('2025-Q1');
    expect(of('2025-02-01', '2025-02-28')).toBe('2025-02');
    expect(of('2025-11-01', '2025-12-01')).toBe('2025-11');
  });

  it('is null for a rolling or odd period, never the nearest one', () => {
    expect(periodOf({ start: '2024-07-01', end: '2025-06-30' })).toBeNull();
    expect(periodOf({ start: '2025-01-15', end: '2025-02-14' })).toBeNull();
    expect(periodOf({ start: '2025-02-01', end: '2025-04-30' })).toBeNull();
    expect(periodOf({ start: 'okänt', end: '2025-04-30' })).toBeNull();
  });
});

describe('visToFigures', () => {
  const converted = visToFigures({
    series: allSeries,
    mappings: MAPPINGS,
    region: '05',
    unitKey: hsaUnitKey(OURS),
    fetchedOn: TODAY,
  });

  it('writes units, the region and the country, each with its period, count, interval and VIS as source', () => {
    const a1 = converted.rows.filter((r) => r.indikator === 'vantetider_medicinsk_bedomning_3_dagar');
    expect(a1.map((r) => [r.huvudman, r.enhet, r.period, r.varde, r.antal])).toEqual([
      ['05', 'SE2321000040-SYNT0001', '2024', 86, 1000],
      ['05', 'SE2321000040-SYNT0001', '2025', 87.5, 1000],
      ['05', 'SE2321000040-SYNT0003', '2025', null, 12],
      ['05', '', '2024', 83, 40000],
      ['05', '', '2025', 84.1, 41000],
      ['riket', '', '2024', 80.4, 700050],
      ['riket', '', '2025', 81.2, 710591],
    ]);
    expect(a1[0]).toMatchObject({
      tjanst: 'vardcentral',
      ki_lag: 83.8,
      ki_hog: 88,
      kalla: 'Vården i siffror (Sveriges Kommuner och Regioner)',
      kalla_url: `https://vardenisiffror.se/indikator/${A1}`,
      publicerad: TODAY,
    });
  });

  it('takes no count for the survey mean (what its denominator counts is unconfirmed) unless told to', () => {
    const b1 = converted.rows.filter((r) => r.indikator === 'npe_vard_och_behandling_medel');
    expect(b1.map((r) => [r.huvudman, r.enhet, r.period, r.varde, r.antal])).toEqual([
      ['05', 'SE2321000040-SYNT0001', '2025', 0.84, null],
      ['05', '', '2025', 0.8, null],
      ['riket', '', '2025', 0.81, null],
    ]);
    const counted = visToFigures({
      series: allSeries,
      mappings: [{ indicatorId: 'npe_vard_och_behandling_medel', measureId: B1, count: 'denominator' }],
      region: '05',
      unitKey: hsaUnitKey(OURS),
      fetchedOn: TODAY,
    });
    expect(counted.rows.map((r) => r.antal)).toEqual([188, 9412, 150301]);
  });

  it('leaves out, with the reason, what it must not guess: it never picks, rounds a period or rescales', () => {
    expect(
      converted.skipped.map((s) => [s.organizationId, s.measureId.slice(-4), s.period, s.reason]),
    ).toEqual([
      [
        'SE2321000040-SYNT0001',
        'a001',
        '2024-07-01–2025-06-30',
        'perioden är inte ett helt år, halvår, kvartal eller en månad',
      ],
      ['SE2321000040-SYNT0099', 'a001', '', 'organisationen är varken regionen, riket eller en av enheterna'],
      ['SE2321000040-SYNT0001', 'b001', '2025-H2', 'npe_vard_och_behandling_medel redovisas inte per half'],
      ['SE', 'c001', '', 'måttet efterfrågades inte'],
      [
        'SE2321000040-SYNT0002',
        'a001',
        '2025',
        '2 värden för samma period (type Utfall, Målvärde); inget av dem väljs',
      ],
      [
        'SE2321000040-SYNT0003',
        'a001',
        '2024',
        'värdet stämmer inte med täljare/nämnare i procent (är skalan 0–1?)',
      ],
    ]);
  });

  it('reads the region per month, an exclusive end date included', () => {
    const a2 = converted.rows.filter((r) => r.indikator === 'vantetider_telefon_samma_dag');
    expect(a2.map((r) => [r.huvudman, r.period, r.varde])).toEqual([
      ['05', '2025-10', 88],
      ['05', '2025-11', 87],
    ]);
  });

  it('reads answers keyed by VIS own unit ids back to HSA ids through a table', () => {
    const byVisId = allSeries.map((s) =>
      s.organizationId === 'SE2321000040-SYNT0001' ? { ...s, organizationId: '7000001' } : s,
    );
    const { rows } = visToFigures({
      series: byVisId,
      mappings: [MAPPINGS[0]!],
      region: '05',
      unitKey: mappedUnitKey([{ hsaId: 'SE2321000040-SYNT0001', visId: '7000001' }]),
      fetchedOn: TODAY,
    });
    expect(rows.filter((r) => r.enhet !== '').map((r) => [r.enhet, r.period])).toEqual([
      ['SE2321000040-SYNT0001', '2024'],
      ['SE2321000040-SYNT0001', '2025'],
    ]);
    expect(() =>
      mappedUnitKey([
        { hsaId: 'SE1', visId: '1' },
        { hsaId: 'SE2', visId: '1' },
      ]),
    ).toThrow(/två HSA-id/);
  });
});

describe('fetchRegionFigures, against the offline VIS', () => {
  function offline(units: 'hsa' | 'vis-ids' = 'hsa') {
    const clock = createFakeClock();
    const fake = createFakeVis({ now: clock.now, units });
    return { client: createVisClient(offlineVisOptions(fake, clock)), fake };
  }
  const options = {
    region: '05',
    mappings: MAPPINGS,
    hsaIds: OURS,
    unitKey: hsaUnitKey(OURS),
    periodType: 'Year',
    dateFrom: '2024-01-01',
    dateTo: TODAY,
    today: TODAY,
  };

  it('writes a figures file the reader accepts, with the withheld figure marked, and asks for SE, the region and the units', async () => {
    const { client, fake } = offline();
    const result = await fetchRegionFigures(client, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/api/measures/measures',
      '/api/measurements/measurementswithmetadata',
    ]);
    expect((fake.requests[1]!.body as { units: string[] }).units).toEqual(['SE', '05', ...OURS]);
    const reread = parseFigures(result.csv, { today: TODAY });
    expect(reread.ok && reread.rows).toEqual(result.rows);
    expect(
      result.rows.filter((r) => r.missingReason === 'too_few_respondents').map((r) => r.unit?.id),
    ).toEqual(['SE2321000040-SYNT0003']);
    expect(result.rows.map((r) => r.scope)).toContain('riket');
    // Only what was asked for comes back: the unknown unit and the unmapped measure are not among the left-out.
    expect(result.skipped).toHaveLength(4);
  });

  it('refuses a measure whose unit in VIS is not the indicator (a count where we expect a share)', async () => {
    const { client } = offline();
    const result = await fetchRegionFigures(client, {
      ...options,
      mappings: [
        { indicatorId: 'vantetider_telefon_samma_dag', measureId: '5e1f0000-0000-4000-8000-00000000c001' },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      problems: [
        expect.stringMatching(/^vantetider_telefon_samma_dag är en andel i procent, men måttet "Vårdplatser/),
      ],
    });
  });

  it('says so when VIS does not know a mapped measure, or gives nothing to write', async () => {
    const { client } = offline();
    const unknown = await fetchRegionFigures(client, {
      ...options,
      mappings: [
        { indicatorId: 'vantetider_telefon_samma_dag', measureId: '5e1f0000-0000-4000-8000-0000000000ff' },
      ],
    });
    expect(unknown).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/känner inte till måttet/)],
    });
    const vis = offline('vis-ids');
    const nothing = await fetchRegionFigures(vis.client, {
      ...options,
      region: '01',
      mappings: [MAPPINGS[1]!],
    });
    expect(nothing).toMatchObject({ ok: false, problems: ['Vården i siffror gav inga värden att skriva'] });
  });

  it('with VIS own ids, sends the table ids and warns about units it has none for', async () => {
    const { client, fake } = offline('vis-ids');
    const result = await fetchRegionFigures(client, {
      ...options,
      mappings: [MAPPINGS[0]!],
      unitKey: mappedUnitKey([{ hsaId: 'SE2321000040-SYNT0001', visId: '7000001' }]),
    });
    expect((fake.requests[1]!.body as { units: string[] }).units).toEqual(['SE', '05', '7000001']);
    expect(result.warnings).toEqual([
      'SE2321000040-SYNT0002: inget VIS-id i tabellen; enheten efterfrågas inte',
      'SE2321000040-SYNT0003: inget VIS-id i tabellen; enheten efterfrågas inte',
    ]);
    expect(result.ok && result.rows.filter((r) => r.unit).map((r) => r.unit?.id)).toEqual([
      'SE2321000040-SYNT0001',
      'SE2321000040-SYNT0001',
    ]);
  });
});
