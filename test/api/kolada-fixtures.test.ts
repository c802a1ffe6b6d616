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

  it('use only real KPI ids, real kommun codes and OU ids in Kolada’s form for that kommun', () => {
    for (const f of fixtures) {
      const { pathname, searchParams } = new URL(f.url);
      for (const row of f.body.values as Record<string, unknown>[]) {
        const kpi = pathname.startsWith('/v3/kpi') ? row.id : row.kpi;
        if (kpi !== undefined) expect(realKpis, `${kpi} in ${f.url}`).toContain(kpi);
        if (typeof row.municipality === 'string') expect(realMunicipalities).toContain(row.municipality);
        const ou = pathname === '/v3/ou' ? row.id : row.ou;
        if (typeof ou === 'string') {
          expect(ou).toMatch(/^V\d{2}E\d{9}$/);
          expect(ou.slice(4, 8)).toBe(searchParams.get('municipality') ?? '0581');
        }
      }
    }
  });

  it('answer each URL once', () => {
    const urls = fixtures.map((f) => f.url);
    expect(new Set(urls).size).toBe(urls.length);
  });
});
