import { describe, expect, it } from 'vitest';
import {
  koladaKpi,
  koladaMunicipalityDataRow,
  koladaOu,
  koladaOuDataRow,
  koladaPage,
} from '../../api/kolada/types';
import koladaKpis from '../../shared/reference/kolada-kpis.json';
import kommuner from '../../shared/reference/kommuner.json';
import { loadKoladaFixtures } from '../fixtures/kolada/fake-kolada';

/** The recorded answers are only useful if they look like Kolada's and are honestly labelled. */
const fixtures = loadKoladaFixtures();
const realKpis = new Set(Object.keys(koladaKpis));
const realMunicipalities = new Set(['0000', ...kommuner.map((k) => k.code)]);

function schemaFor(url: string) {
  const path = new URL(url).pathname;
  if (path.startsWith('/v3/oudata/')) return koladaPage(koladaOuDataRow);
  if (path.startsWith('/v3/data/')) return koladaPage(koladaMunicipalityDataRow);
  if (path.startsWith('/v3/ou')) return koladaPage(koladaOu);
  if (path.startsWith('/v3/kpi')) return koladaPage(koladaKpi);
  throw new Error(`no schema for ${url}`);
}

describe('Kolada fixtures', () => {
  it('exist', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures.map((f) => [new URL(f.url).pathname + new URL(f.url).search, f] as const))(
    '%s parses with the client’s schemas and is labelled',
    (_, f) => {
      expect(schemaFor(f.url).safeParse(f.body).success).toBe(true);
      expect(f._comment).toBeTruthy();
      expect(f.body._comment).toBeTruthy();
      const hasFigures = /\/v3\/(ou)?data\//.test(f.url);
      if (hasFigures) expect(f._synthetic).toBe(true);
      if (f._synthetic) expect(f._comment).toMatch(/SYNTETISKA/);
    },
  );

  it('use only real KPI ids, real kommun codes and OU ids in Kolada’s form, each OU in a kommun it was asked for', () => {
    for (const f of fixtures) {
      const { pathname, searchParams } = new URL(f.url);
      const asked = searchParams.get('municipality')?.split(',');
      for (const row of f.body.values as Record<string, unknown>[]) {
        const kpi = pathname.startsWith('/v3/kpi') ? row.id : row.kpi;
        if (kpi !== undefined) expect(realKpis, `${kpi} in ${f.url}`).toContain(kpi);
        if (typeof row.municipality === 'string') expect(realMunicipalities).toContain(row.municipality);
        if (pathname === '/v3/ou' && asked) expect(asked).toContain(row.municipality);
        const ou = pathname === '/v3/ou' ? row.id : row.ou;
        if (typeof ou === 'string') expect(ou).toMatch(/^V\d{2}E[0-9A-Z]{4,}$/);
      }
    }
  });

  /** What ../shared/docs/KOLADA.md says real answers look like, each shape present at least once. */
  describe('cover the shapes Kolada really sends', () => {
    const v3 = fixtures.filter((f) => f._role !== 'v2');
    const bodies = v3.map((f) => f.body as { values: unknown[]; next_url?: string | null; count?: number });
    const dataRows = v3
      .filter((f) => /\/v3\/(ou)?data\//.test(f.url))
      .flatMap(
        (f) =>
          f.body.values as { kpi: string; ou?: string; period: unknown; values: Record<string, unknown>[] }[],
      );
    const ous = fixtures
      .filter((f) => new URL(f.url).pathname === '/v3/ou')
      .flatMap((f) => f.body.values as { id: string; municipality: string }[]);

    it('next_url absolute and relative; count as the items on the page', () => {
      expect(bodies.some((b) => b.next_url?.startsWith('https://'))).toBe(true);
      expect(bodies.some((b) => b.next_url?.startsWith('/v3/'))).toBe(true);
      for (const b of bodies) if (b.count !== undefined) expect(b.count).toBe(b.values.length);
      expect(bodies.some((b) => b.next_url && b.count !== undefined && b.count < 5000)).toBe(true);
    });

    it('period as a number and as a string; isdeleted as a boolean on each gender value', () => {
      expect(dataRows.some((r) => typeof r.period === 'number')).toBe(true);
      expect(dataRows.some((r) => typeof r.period === 'string')).toBe(true);
      const flagged = dataRows.filter((r) => r.values.every((v) => typeof v.isdeleted === 'boolean'));
      expect(flagged.some((r) => r.values.some((v) => v.isdeleted === true))).toBe(true);
      expect(flagged.some((r) => r.values.every((v) => v.isdeleted === false))).toBe(true);
    });

    it('OU ids of different lengths; schools and preschools in the lists; a kommun without elderly care', () => {
      const elderly = ous.filter((o) => /^V2[13]/.test(o.id));
      expect(new Set(elderly.map((o) => o.id.length)).size).toBeGreaterThanOrEqual(3);
      expect(ous.some((o) => o.id.startsWith('V11'))).toBe(true);
      expect(ous.some((o) => o.id.startsWith('V15'))).toBe(true);
      const kommuner = new Set(ous.map((o) => o.municipality));
      expect([...kommuner].some((k) => !elderly.some((o) => o.municipality === k))).toBe(true);
    });

    it('null values with a count below the threshold; units with figures in some years only; an OU without figures', () => {
      const totals = dataRows.map((r) => r.values.find((v) => v.gender === 'T')!);
      expect(totals.some((t) => t.value === null && typeof t.count === 'number' && t.count < 10)).toBe(true);
      const yearsOf = new Map<string, Set<string>>();
      for (const r of dataRows)
        if (r.ou) yearsOf.set(r.ou, new Set([...(yearsOf.get(r.ou) ?? []), String(r.period)]));
      const all = new Set(dataRows.map((r) => String(r.period)));
      expect([...yearsOf.values()].some((years) => years.size < all.size)).toBe(true);
      expect(ous.some((o) => /^V2[13]/.test(o.id) && !yearsOf.has(o.id))).toBe(true);
    });
  });

  it('answer each URL once', () => {
    const urls = fixtures.map((f) => f.url);
    expect(new Set(urls).size).toBe(urls.length);
  });
});
