import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertIsoDate, chunk, dataUrls, kpiUrls, ouListUrl } from '../../api/kolada/urls';

const BASE = 'https://api.kolada.se/v3';
const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`);

/** Reads the id lists back out of a data URL. */
function segments(url: string) {
  const m = /\/kpi\/([^/?]+)\/(?:ou|municipality)\/([^/?]+)(?:\/year\/([^/?]+))?/.exec(new URL(url).pathname);
  if (!m) throw new Error(`not a data URL: ${url}`);
  return { kpis: m[1]!.split(','), subjects: m[2]!.split(','), years: m[3]?.split(',') ?? [] };
}

describe('chunk', () => {
  it('cuts a list into consecutive pieces of at most the given size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 25)).toEqual([]);
  });
});

describe('dataUrls', () => {
  it('asks for 60 OUs × 30 KPIs in 6 requests of at most 25 ids per segment', () => {
    const urls = dataUrls({
      baseUrl: BASE,
      endpoint: 'oudata',
      kpis: ids('U', 30),
      subjects: ids('V21E0581', 60),
    });
    expect(urls).toHaveLength(6);
    for (const url of urls) {
      const { kpis, subjects } = segments(url);
      expect(kpis.length).toBeLessThanOrEqual(25);
      expect(subjects.length).toBeLessThanOrEqual(25);
    }
  });

  it('builds the v3 paths, with years and from_date', () => {
    expect(
      dataUrls({
        baseUrl: `${BASE}/`,
        endpoint: 'data',
        kpis: ['U21468'],
        subjects: ['0581', '0000'],
        years: [2025, 2026],
        fromDate: '2026-10-01',
      }),
    ).toEqual([
      `${BASE}/data/kpi/U21468/municipality/0581,0000/year/2025,2026?per_page=5000&from_date=2026-10-01`,
    ]);
    expect(
      dataUrls({ baseUrl: BASE, endpoint: 'oudata', kpis: ['U21468'], subjects: ['V21E058100101'] }),
    ).toEqual([`${BASE}/oudata/kpi/U21468/ou/V21E058100101?per_page=5000`]);
  });

  it('covers every KPI × subject × year exactly once, whatever the sizes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 27 }),
        (nKpis, nOus, nYears) => {
          const years = nYears === 0 ? undefined : Array.from({ length: nYears }, (_, i) => 2000 + i);
          const urls = dataUrls({
            baseUrl: BASE,
            endpoint: 'oudata',
            kpis: ids('U', nKpis),
            subjects: ids('V', nOus),
            years,
          });
          const cells = new Set<string>();
          let visits = 0;
          for (const url of urls) {
            const s = segments(url);
            if (Math.max(s.kpis.length, s.subjects.length, s.years.length) > 25) return false;
            for (const k of s.kpis)
              for (const o of s.subjects)
                for (const y of s.years.length ? s.years : ['*']) {
                  cells.add(`${k}|${o}|${y}`);
                  visits++;
                }
          }
          const expected = nKpis * nOus * (nYears || 1);
          const requests = Math.ceil(nKpis / 25) * Math.ceil(nOus / 25) * Math.ceil((nYears || 1) / 25);
          return cells.size === expected && visits === expected && urls.length === requests;
        },
      ),
      { numRuns: 40 },
    );
  });

  it('asks for nothing when a dimension is empty, and drops duplicate ids', () => {
    expect(dataUrls({ baseUrl: BASE, endpoint: 'oudata', kpis: [], subjects: ['V1'] })).toEqual([]);
    expect(
      dataUrls({ baseUrl: BASE, endpoint: 'oudata', kpis: ['U1'], subjects: ['V1'], years: [] }),
    ).toEqual([]);
    expect(dataUrls({ baseUrl: BASE, endpoint: 'oudata', kpis: ['U1', 'U1'], subjects: ['V1'] })).toEqual([
      `${BASE}/oudata/kpi/U1/ou/V1?per_page=5000`,
    ]);
  });

  it('refuses ids and dates that would change the URL', () => {
    const query = { baseUrl: BASE, endpoint: 'oudata' as const, subjects: ['V1'] };
    expect(() => dataUrls({ ...query, kpis: ['U1,U2'] })).toThrow(/Ogiltigt Kolada-id/);
    expect(() => dataUrls({ ...query, kpis: ['../kpi'] })).toThrow(/Ogiltigt Kolada-id/);
    expect(() => dataUrls({ ...query, kpis: ['U1'], years: [25] })).toThrow(/Ogiltigt år/);
    expect(() => dataUrls({ ...query, kpis: ['U1'], fromDate: '2026-02-30' })).toThrow(/from_date/);
  });
});

describe('other URLs', () => {
  it('lists the OUs of one kommun, or of up to 25 at once, by their four-digit codes, in large pages', () => {
    expect(ouListUrl(BASE, '0581')).toBe(`${BASE}/ou?municipality=0581&per_page=5000`);
    expect(ouListUrl(BASE, ['0581', '0580', '0581'])).toBe(`${BASE}/ou?municipality=0581,0580&per_page=5000`);
    const many = Array.from({ length: 26 }, (_, i) => String(100 + i).padStart(4, '0'));
    expect(ouListUrl(BASE, many.slice(0, 25)).split('=')[1]!.split('&')[0]!.split(',')).toHaveLength(25);
    expect(() => ouListUrl(BASE, many)).toThrow(/1–25 kommuner/);
    expect(() => ouListUrl(BASE, [])).toThrow(/1–25 kommuner/);
    expect(() => ouListUrl(BASE, '581')).toThrow(/fyra siffror/);
    expect(() => ouListUrl(BASE, ['0581', '0580&x=1'])).toThrow(/fyra siffror/);
  });

  it('asks for the KPI catalogue whole or in chunks of 25', () => {
    expect(kpiUrls(BASE)).toEqual([`${BASE}/kpi?per_page=5000`]);
    expect(
      kpiUrls(BASE, ids('N', 26)).map((u) => new URL(u).pathname.split('/').pop()!.split(',').length),
    ).toEqual([25, 1]);
  });

  it('accepts only real calendar dates as from_date', () => {
    expect(() => assertIsoDate('2026-10-01')).not.toThrow();
    for (const bad of ['2026-13-01', '2026-1-01', '20261001', '2026-10-01T00:00']) {
      expect(() => assertIsoDate(bad)).toThrow();
    }
  });
});
