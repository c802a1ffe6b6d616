import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkKoladaLive, type Finding, formatFindings } from '../../api/kolada/live-check';
import { loadKoladaFixtures } from '../fixtures/kolada/fake-kolada';
import { rowsFromFixtures } from './kolada-sync.fake';

/**
 * The live check, against a stand-in for Kolada on a local port: one that behaves as KOLADA.md says,
 * and one that differs on every point the sync depends on. Figures in the stand-in are marked with
 * an unusual value, so the test can see that none is printed.
 */
const MARK = 73.125;
type Behaviour = 'documented' | 'different';

function standIn(behaviour: Behaviour): Server {
  const rows = rowsFromFixtures();
  const catalogue = loadKoladaFixtures().find((f) => f.url.includes('/kpi/'))!.body.values as Record<
    string,
    unknown
  >[];
  const documented = behaviour === 'documented';
  const page = (values: unknown[], perPage: number, url: URL) => {
    const n = Number(url.searchParams.get('page') ?? 1);
    const slice = values.slice((n - 1) * perPage, n * perPage);
    const more = n * perPage < values.length;
    const next = new URL(url);
    next.searchParams.set('page', String(n + 1));
    return {
      values: slice,
      count: documented ? slice.length : values.length,
      next_url: more ? (documented ? `${next.pathname}${next.search}` : next.href) : null,
      previous_url: null,
    };
  };
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const { pathname, searchParams } = url;
    const perPage = Number(searchParams.get('per_page') ?? 5000);
    if (pathname.startsWith('/v2/')) return reply(documented ? 410 : 200, {});
    if (perPage > 5000 && documented) return reply(400, { error: 'per_page' });
    if (pathname === '/v3/openapi.json')
      return reply(200, {
        paths: documented
          ? { '/ou': {}, '/oudata/kpi/{kpi}/ou/{ou}': {}, '/data/kpi/{kpi}/municipality/{m}': {} }
          : {},
      });
    if (pathname === '/v3/ou') {
      const codes = (searchParams.get('municipality') ?? '').split(',');
      if (!documented && codes.length > 1) return reply(200, page([], perPage, url));
      return reply(
        200,
        page(
          rows.ous.filter((o) => codes.includes(o.municipality)),
          perPage,
          url,
        ),
      );
    }
    const segments = pathname.split('/');
    if (segments.some((s) => s.split(',').length > 25)) return reply(documented ? 400 : 200, { values: [] });
    if (pathname.startsWith('/v3/kpi/')) {
      const ids = segments[3]!.split(',');
      const values = ids.map((id) => ({
        ...(catalogue.find((k) => k.id === id) ?? { id, title: id, auspice: 'T', has_ou_data: 1 }),
        ...(id === 'U21555' ? { description: 'För enhetsnivå anges värdet som Ja=1 och Nej=0.' } : {}),
      }));
      return reply(200, page(values, perPage, url));
    }
    const oudata = /^\/v3\/oudata\/kpi\/([^/]+)(?:\/ou\/([^/]+))?(?:\/year\/([^/]+))?$/.exec(pathname);
    if (oudata) {
      const [, kpi, ous, year] = oudata;
      const wanted = ous?.split(',');
      const municipality = searchParams.get('municipality');
      const listed = new Set(rows.ous.filter((o) => o.municipality === municipality).map((o) => o.id));
      const found = rows.base
        .filter((r) => r.ou && (!wanted || wanted.includes(r.ou)) && (!year || String(r.period) === year))
        .filter((r) => !municipality || !documented || listed.has(r.ou!))
        .map((r) => ({
          kpi,
          ou: r.ou,
          period: documented ? Number(r.period) : String(r.period),
          ...(documented ? {} : { is_deleted: 0 }),
          values: r.values.map((v) => ({
            gender: v.gender,
            count: v.count ?? 1,
            status: '',
            value: kpi === 'U23522' ? (documented ? 100 : 50) : v.value === null ? null : MARK,
            ...(documented ? { isdeleted: false } : {}),
          })),
        }));
      return reply(200, page(found, perPage, url));
    }
    return reply(200, page([], perPage, url));
  });
}

async function run(behaviour: Behaviour) {
  const server = standIn(behaviour);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    // Linköping's list in the fixtures has an OU without figures; Norrköping is the second kommun.
    return await checkKoladaLive({
      baseUrl: `http://127.0.0.1:${port}/v3`,
      pauseMs: 0,
      kommun: '0580',
      otherKommun: '0581',
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const verdicts = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.id, f.verdict]));

describe('the live check of Kolada (against a stand-in)', () => {
  let documented: Finding[];
  let different: Finding[];
  beforeAll(async () => {
    documented = await run('documented');
    different = await run('different');
  });

  it('confirms every assumption against a Kolada that behaves as KOLADA.md says', () => {
    expect(verdicts(documented)).toMatchObject({
      envelope: 'confirmed',
      count: 'confirmed',
      'ou-fields': 'confirmed',
      'ou-series': 'confirmed',
      'ou-ids': 'confirmed',
      'ou-batch': 'confirmed',
      'next-url': 'confirmed',
      'page-size': 'confirmed',
      period: 'confirmed',
      gender: 'confirmed',
      isdeleted: 'confirmed',
      withheld: 'confirmed',
      'listed-without-figures': 'confirmed',
      'segment-limit': 'confirmed',
      'oudata-without-ou': 'confirmed',
      'oudata-municipality-filter': 'confirmed',
      u23522: 'confirmed',
      'kpi-flags': 'confirmed',
      auspice: 'confirmed',
      'coded-kpi': 'confirmed',
      openapi: 'confirmed',
      'v2-gone': 'confirmed',
    });
    expect(documented.find((f) => f.id === 'next-url')?.seen).toMatch(/^relative/);
  });

  it('says what differs when Kolada does not', () => {
    expect(verdicts(different)).toMatchObject({
      count: 'differs',
      'ou-batch': 'differs',
      period: 'differs',
      isdeleted: 'differs',
      'segment-limit': 'differs',
      'oudata-municipality-filter': 'differs',
      u23522: 'differs',
      openapi: 'differs',
      'v2-gone': 'differs',
    });
    expect(different.find((f) => f.id === 'next-url')?.seen).toMatch(/^absolute/);
  });

  it('prints shapes and counts, never a figure', () => {
    const printed = formatFindings([...documented, ...different]).join('\n');
    expect(printed).toContain('stämmer');
    expect(printed).toContain('AVVIKER');
    expect(printed).not.toContain(String(MARK));
    expect(printed).not.toMatch(/73[,.]1/);
  });
});
