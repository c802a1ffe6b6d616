import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures/kolada/fake-kolada';
import { offlineKolada } from '../fixtures/kolada/offline-kolada';

const BASE = 'https://api.kolada.se/v3';
const HEMTJANST_OUS = ['101', '102', '103', '104', '105', '106'].map((n) => `V21E058100${n}`);
const SABO_OUS = ['V23E058100201', 'V23E058100202', 'V23E058100203'];

describe('ous', () => {
  it('follows next_url across every page and returns the units in order', async () => {
    const { client, fake } = offlineKolada();
    const ous = await client.ous('0581');

    expect(fake.urls()).toEqual([
      `${BASE}/ou?municipality=0581&per_page=5000`,
      `${BASE}/ou?municipality=0581&page=2&per_page=5`,
      // Page 2 links to page 3 relatively ("/v3/ou?…"): resolved against the page it came from.
      `${BASE}/ou?municipality=0581&page=3&per_page=5`,
    ]);
    expect(ous).toHaveLength(15);
    expect(ous[0]).toEqual({
      id: 'V21E058100101',
      municipality: '0581',
      title: 'Hemtjänstgrupp Norr (kommunal hemtjänst)',
    });
    expect(ous.map((o) => o.id)).toContain('V17E058100501');
    expect(fake.unmatched).toEqual([]);
  });

  it('identifies itself and asks for JSON', async () => {
    const { client, fake } = offlineKolada();
    await client.ous('0581');
    expect(fake.requests[0]?.headers).toMatchObject({ accept: 'application/json' });
    expect(fake.requests[0]?.headers['user-agent']).toMatch(/^Utforarkollen\//);
  });
});

describe('ouData', () => {
  it('returns unit figures from every page as flat rows, the total with its respondents', async () => {
    const { client, fake } = offlineKolada();
    const rows = await client.ouData({
      kpis: ['U21468', 'U21466', 'U21467', 'N21608'],
      ous: HEMTJANST_OUS,
      years: [2025, 2026],
    });

    expect(fake.requests).toHaveLength(2);
    expect(fake.unmatched).toEqual([]);
    const recorded = [...fixture(fake.urls()[0]!).body.values, ...fixture(fake.urls()[1]!).body.values] as {
      kpi: string;
      ou: string;
      period: number;
      values: { gender: string; value: number | null; count: number }[];
    }[];
    expect(rows).toHaveLength(recorded.length);
    const first = recorded[0]!;
    const total = first.values.find((v) => v.gender === 'T')!;
    expect(rows[0]).toEqual({
      kpi: first.kpi,
      subjectType: 'ou',
      subject: first.ou,
      period: String(first.period),
      value: total.value,
      respondents: total.count,
      status: null,
      deleted: false,
    });
    expect(rows.every((r) => r.subjectType === 'ou' && !r.deleted)).toBe(true);
    // The unit with 2-4 respondents has no figures shown, but its respondents are kept.
    const small = rows.filter((r) => r.subject === 'V21E058100105' && r.kpi.startsWith('U'));
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((r) => r.value === null && (r.respondents ?? 99) < 5)).toBe(true);
  });

  it('chunks 60 OUs × 30 KPIs into 6 requests of at most 25 ids per segment and merges all rows', async () => {
    const { client, fake } = offlineKolada({ fixtures: false });
    const ous = Array.from({ length: 60 }, (_, i) => `V21E0581${String(i).padStart(5, '0')}`);
    const kpis = Array.from({ length: 30 }, (_, i) => `U${21400 + i}`);
    fake.fallback((request) => {
      const m = /\/oudata\/kpi\/([^/]+)\/ou\/([^/]+)\/year\/2026$/.exec(new URL(request.url).pathname);
      if (!m) return undefined;
      const values = m[1]!
        .split(',')
        .flatMap((kpi) =>
          m[2]!
            .split(',')
            .map((ou) => ({ kpi, ou, period: 2026, values: [{ gender: 'T', count: 9, value: 70 }] })),
        );
      return { body: { values, next_url: null } };
    });

    const rows = await client.ouData({ kpis, ous, years: [2026] });

    expect(fake.requests).toHaveLength(6);
    for (const url of fake.urls()) {
      const [, kpiSegment, ouSegment] = /\/kpi\/([^/]+)\/ou\/([^/]+)/.exec(url)!;
      expect(kpiSegment!.split(',').length).toBeLessThanOrEqual(25);
      expect(ouSegment!.split(',').length).toBeLessThanOrEqual(25);
    }
    expect(rows).toHaveLength(60 * 30);
    expect(new Set(rows.map((r) => `${r.kpi}|${r.subject}`)).size).toBe(60 * 30);
  });

  it('reads an incremental answer: changed figures and deletions, flagged deleted', async () => {
    const { client, fake } = offlineKolada();
    const rows = await client.ouData({
      kpis: ['U21468', 'U21466'],
      ous: HEMTJANST_OUS,
      years: [2026],
      fromDate: '2026-10-01',
    });

    expect(fake.urls()).toEqual([
      `${BASE}/oudata/kpi/U21468,U21466/ou/${HEMTJANST_OUS.join(',')}/year/2026?per_page=5000&from_date=2026-10-01`,
    ]);
    const deleted = rows.filter((r) => r.deleted);
    expect(deleted.map((r) => `${r.kpi} ${r.subject} ${r.period}`)).toEqual([
      'U21468 V21E058100104 2026',
      'U21466 V21E058100104 2026',
    ]);
    expect(deleted.every((r) => r.value === null)).toBe(true);
    expect(rows.filter((r) => !r.deleted)).toHaveLength(4);
  });

  it('tolerates a v2-style answer: next_page, count and is_deleted', async () => {
    const { client, fake } = offlineKolada();
    const rows = await client.ouData({ kpis: ['U23471'], ous: SABO_OUS });

    expect(fake.urls()).toEqual([
      `${BASE}/oudata/kpi/U23471/ou/${SABO_OUS.join(',')}?per_page=5000`,
      `${BASE}/oudata/kpi/U23471/ou/${SABO_OUS.join(',')}?page=2&per_page=2`,
    ]);
    expect(rows.map((r) => [r.subject, r.deleted])).toEqual([
      ['V23E058100201', false],
      ['V23E058100202', false],
      ['V23E058100203', true],
    ]);
    expect(rows.every((r) => r.period === '2025')).toBe(true);
  });

  it('asks for nothing when there are no KPIs or no OUs', async () => {
    const { client, fake } = offlineKolada();
    expect(await client.ouData({ kpis: [], ous: HEMTJANST_OUS })).toEqual([]);
    expect(await client.ouData({ kpis: ['U21468'], ous: [] })).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects bad input before any request', async () => {
    const { client, fake } = offlineKolada();
    await expect(client.ouData({ kpis: ['U21468'], ous: ['V1'], fromDate: '1 oktober' })).rejects.toThrow(
      /from_date/,
    );
    await expect(client.ous('Norrköping')).rejects.toThrow(/fyra siffror/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('municipalityData', () => {
  it('returns kommun and national figures for the same KPIs and periods', async () => {
    const { client, fake } = offlineKolada();
    const kpis = ['U21468', 'U21466', 'U21467', 'N21608', 'U23471', 'U23467', 'N23588'];
    const rows = await client.municipalityData({
      kpis,
      municipalities: ['0581', '0000'],
      years: [2025, 2026],
    });

    expect(fake.unmatched).toEqual([]);
    expect(rows).toHaveLength(kpis.length * 2 * 2);
    expect(rows.every((r) => r.subjectType === 'municipality' && r.value !== null)).toBe(true);
    const kommun = rows.find((r) => r.kpi === 'U21468' && r.subject === '0581' && r.period === '2026');
    const riket = rows.find((r) => r.kpi === 'U21468' && r.subject === '0000' && r.period === '2026');
    expect(kommun?.respondents).toBeGreaterThan(0);
    expect(riket?.respondents).toBeGreaterThan(kommun?.respondents ?? 0);
  });
});

describe('kpis', () => {
  it('reads KPI metadata by id', async () => {
    const { client } = offlineKolada();
    const kpis = await client.kpis(['U21468', 'U23471', 'N21608']);
    expect(kpis.map((k) => [k.id, k.hasOuData, k.isDividedByGender])).toEqual([
      ['U21468', true, true],
      ['U23471', true, true],
      ['N21608', true, false],
    ]);
    expect(kpis[0]?.title).toMatch(/^Brukarbedömning hemtjänst/);
  });
});

describe('ousOf', () => {
  it("asks for up to 25 kommuner's OUs at once and files each OU under its `municipality`, never its id", async () => {
    const { client, fake } = offlineKolada({ fixtures: false });
    fake.fallback((request) => {
      const codes = new URL(request.url).searchParams.get('municipality')!.split(',');
      const values = codes.flatMap((code) => [
        { id: `V15E${code}01`, municipality: code, title: 'Skolan' },
        // A newer id says nothing about the kommun; this one even looks like another's.
        { id: 'V21E058100177', municipality: code === '0580' ? '0580' : 'x', title: 'Hemtjänst' },
      ]);
      return { body: { values: values.filter((v) => v.municipality !== 'x'), next_url: null } };
    });
    const kommuner = Array.from({ length: 30 }, (_, i) => String(100 + i).padStart(4, '0')).concat('0580');
    const byKommun = await client.ousOf(kommuner);

    expect(fake.urls()).toHaveLength(2);
    expect(fake.urls()[0]).toContain(`municipality=${kommuner.slice(0, 25).join(',')}&per_page=5000`);
    expect(byKommun.get('0580')!.map((o) => o.id)).toEqual(['V15E058001', 'V21E058100177']);
    expect(byKommun.get('0100')!.map((o) => o.id)).toEqual(['V15E010001']);
    expect(client.requestCount()).toBe(2);
  });

  it('asks again, kommun by kommun, for any kommun a batched answer says nothing about', async () => {
    const { client, fake } = offlineKolada({ fixtures: false });
    // A server that does not understand a list of kommuner and answers nothing for it.
    fake.fallback((request) => {
      const code = new URL(request.url).searchParams.get('municipality')!;
      return {
        body: {
          values: code.includes(',') ? [] : [{ id: `V23E${code}1`, municipality: code, title: 'Boendet' }],
          next_url: null,
        },
      };
    });
    const byKommun = await client.ousOf(['0581', '0580']);
    expect(fake.urls().map((u) => new URL(u).searchParams.get('municipality'))).toEqual([
      '0581,0580',
      '0581',
      '0580',
    ]);
    expect([...byKommun].map(([k, ous]) => [k, ous.map((o) => o.id)])).toEqual([
      ['0581', ['V23E05811']],
      ['0580', ['V23E05801']],
    ]);
  });
});
