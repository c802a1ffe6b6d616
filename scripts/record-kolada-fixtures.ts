/**
 * Writes test/fixtures/kolada/*.json: answers in Kolada v3's shapes for kommun 0581 (Norrköping),
 * built from the real KPI catalogue and kommun list, with SYNTHETIC values (seeded, reproducible)
 * and invented OU titles. No real unit-level figure is written.
 *   npx tsx scripts/record-kolada-fixtures.ts [path/to/shared/domain] && npx biome format --write test/fixtures/kolada
 *
 * With --check-live (needs internet) it instead asks the real API a few small questions and prints
 * the shapes it sees (keys, where the deletion flag sits, the type of `period`) and whether our schemas
 * accept them. It prints shapes, never values, and writes nothing.
 *   npx tsx scripts/record-kolada-fixtures.ts --check-live
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKoladaClient } from '../api/kolada';

const FIXTURES = 'test/fixtures/kolada';
const BASE = 'https://api.kolada.se/v3';
const KOMMUN = '0581';
const RIKET = '0000';
const SYNTHETIC =
  'SYNTETISKA VÄRDEN: påhittade siffror och enhetsnamn i Koladas v3-format, för tester. Inte verkliga uppgifter.';

type Gender = 'T' | 'K' | 'M';
type GenderValue = {
  gender: Gender;
  count: number | null;
  status: string;
  value: number | null;
  isdeleted?: boolean;
};
type Row = { kpi: string; period: number; values: GenderValue[]; ou?: string; municipality?: string };

/** mulberry32: a tiny seeded generator, so the fixtures are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(581);
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** Invented unit titles, modelled on how kommuner and companies name units. V21 hemtjänst, V23 SÄBO. */
const OUS = [
  { id: 'V21E058100101', title: 'Hemtjänstgrupp Norr (kommunal hemtjänst)' },
  { id: 'V21E058100102', title: 'Hemtjänstgrupp Söder (kommunal hemtjänst)' },
  { id: 'V21E058100103', title: 'Hemtjänst Ängsmyran' },
  { id: 'V21E058100104', title: 'Kvarnbäckens Omsorg AB' },
  { id: 'V21E058100105', title: 'Solvändans Hemtjänst AB' },
  { id: 'V21E058100106', title: 'Hemtjänst Öster & Centrum' },
  { id: 'V23E058100201', title: 'Solgläntans vård- och omsorgsboende' },
  { id: 'V23E058100202', title: 'Åkerbärets äldreboende' },
  { id: 'V23E058100203', title: 'Lärkans demensboende' },
  { id: 'V15E058100301', title: 'Björkdungens skola F-6' },
  { id: 'V11E058100401', title: 'Förskolan Mården' },
  { id: 'V17E058100501', title: 'Kvarngatans gymnasium' },
];
const HEMTJANST_OUS = OUS.filter((o) => o.id.startsWith('V21')).map((o) => o.id);
const SABO_OUS = OUS.filter((o) => o.id.startsWith('V23')).map((o) => o.id);
const HEMTJANST_KPIS = ['U21468', 'U21466', 'U21467', 'N21608'];
const SABO_KPIS = ['U23471', 'U23467', 'N23588'];
const YEARS = [2025, 2026];
/** The unit survey (N…) has one answer per unit and no gender split; the user survey (U…) has both. */
const isUnitSurvey = (kpi: string) => kpi.startsWith('N');

function surveyValues(respondents: number, share: number | null): GenderValue[] {
  const women = Math.round(respondents * 0.68);
  const shown = (n: number) =>
    n >= 5 && share !== null ? Math.min(100, Math.max(0, share + between(-6, 6))) : null;
  return [
    { gender: 'T', count: respondents, status: '', value: respondents >= 5 ? share : null },
    { gender: 'K', count: women, status: '', value: shown(women) },
    { gender: 'M', count: respondents - women, status: '', value: shown(respondents - women) },
  ];
}

function figure(kpi: string, respondents: number): GenderValue[] {
  if (isUnitSurvey(kpi)) return [{ gender: 'T', count: 1, status: '', value: between(35, 95) }];
  return surveyValues(respondents, between(62, 97));
}

function unitRows(kpis: string[], ous: string[], years: number[]): Row[] {
  const rows: Row[] = [];
  for (const kpi of kpis) {
    for (const ou of ous) {
      for (const period of years) {
        // One unit started in 2026, so Kolada has nothing for it in 2025.
        if (ou === 'V21E058100106' && period === 2025) continue;
        rows.push({
          kpi,
          ou,
          period,
          values: figure(kpi, ou === 'V21E058100105' ? between(2, 4) : between(12, 80)),
        });
      }
    }
  }
  return rows;
}

function municipalityRows(kpis: string[], municipalities: string[], years: number[]): Row[] {
  return kpis.flatMap((kpi) =>
    municipalities.flatMap((municipality) =>
      years.map((period) => ({
        kpi,
        municipality,
        period,
        values: isUnitSurvey(kpi)
          ? [
              {
                gender: 'T' as const,
                count: municipality === RIKET ? 4120 : 38,
                status: '',
                value: between(45, 80),
              },
            ]
          : surveyValues(
              municipality === RIKET ? between(60_000, 90_000) : between(900, 1600),
              between(78, 92),
            ),
      })),
    ),
  );
}

/** One recorded answer: the request URL, and Kolada's body with a `_comment` (extra fields are allowed). */
type Fixture = {
  _comment: string;
  _synthetic: boolean;
  url: string;
  status: number;
  body: Record<string, unknown>;
};

function pages(file: string, url: string, rows: unknown[], perPage: number, v2 = false): [string, Fixture][] {
  const out: [string, Fixture][] = [];
  const count = Math.max(1, Math.ceil(rows.length / perPage));
  for (let i = 0; i < count; i++) {
    const pageUrl = i === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}page=${i + 1}&per_page=${perPage}`;
    const next =
      i + 1 < count ? `${url}${url.includes('?') ? '&' : '?'}page=${i + 2}&per_page=${perPage}` : null;
    const values = rows.slice(i * perPage, (i + 1) * perPage);
    const body = v2
      ? { _comment: SYNTHETIC, count: rows.length, values, next_page: next, previous_page: null }
      : { _comment: SYNTHETIC, values, next_url: next };
    const name = count === 1 ? `${file}.json` : `${file}.p${i + 1}.json`;
    out.push([name, { _comment: SYNTHETIC, _synthetic: true, url: pageUrl, status: 200, body }]);
  }
  return out;
}

function kpiMetadata(domain: string, ids: string[]): [string, Fixture][] {
  const catalogue = JSON.parse(
    readFileSync(join(domain, 'kolada/kpi_aldreomsorg_ou_level.json'), 'utf8'),
  ) as {
    values: Record<string, unknown>[];
  };
  const values = ids.map((id) => {
    const kpi = catalogue.values.find((k) => k.id === id);
    if (!kpi) throw new Error(`KPI ${id} is not in the catalogue`);
    return Object.fromEntries(Object.entries(kpi).filter(([key]) => !key.startsWith('_')));
  });
  const note = 'Verklig metadata ur Koladas KPI-katalog (Källa: Kolada), inga värden.';
  return [
    [
      'kpi-selected.json',
      {
        _comment: `${note} Sidformen är återskapad, inte inspelad.`,
        _synthetic: false,
        url: `${BASE}/kpi/${ids.join(',')}`,
        status: 200,
        body: { _comment: note, values, next_url: null },
      },
    ],
  ];
}

function incrementalRows(): Row[] {
  const changed = unitRows(['U21468', 'U21466'], ['V21E058100101', 'V21E058100103'], [2026]).map((row) => ({
    ...row,
    values: row.values.map((v) => ({ ...v, isdeleted: false })),
  }));
  const deleted: Row[] = ['U21468', 'U21466'].map((kpi) => ({
    kpi,
    ou: 'V21E058100104',
    period: 2026,
    values: (['T', 'K', 'M'] as const).map((gender) => ({
      gender,
      count: null,
      status: '',
      value: null,
      isdeleted: true,
    })),
  }));
  return [...changed, ...deleted];
}

function v2Rows(): Record<string, unknown>[] {
  return SABO_OUS.map((ou, i) => ({
    kpi: 'U23471',
    ou,
    period: 2025,
    is_deleted: i === 2,
    values: surveyValues(between(14, 40), between(70, 95)).map(({ gender, count, status, value }) => ({
      gender,
      count,
      status,
      value: i === 2 ? null : value,
    })),
  }));
}

function write(domain: string): void {
  const kommuner = JSON.parse(readFileSync('shared/reference/kommuner.json', 'utf8')) as { code: string }[];
  if (!kommuner.some((k) => k.code === KOMMUN)) throw new Error(`${KOMMUN} is not a kommun code`);
  const ouList = OUS.map((o) => ({ id: o.id, municipality: KOMMUN, title: o.title }));
  const years = YEARS.join(',');
  const files: [string, Fixture][] = [
    ...pages('ou-0581', `${BASE}/ou?municipality=${KOMMUN}`, ouList, 5),
    ...pages(
      'oudata-hemtjanst-0581',
      `${BASE}/oudata/kpi/${HEMTJANST_KPIS.join(',')}/ou/${HEMTJANST_OUS.join(',')}/year/${years}`,
      unitRows(HEMTJANST_KPIS, HEMTJANST_OUS, YEARS),
      30,
    ),
    ...pages(
      'oudata-sabo-0581',
      `${BASE}/oudata/kpi/${SABO_KPIS.join(',')}/ou/${SABO_OUS.join(',')}/year/2026`,
      unitRows(SABO_KPIS, SABO_OUS, [2026]),
      5000,
    ),
    ...pages(
      'data-0581-riket',
      `${BASE}/data/kpi/${[...HEMTJANST_KPIS, ...SABO_KPIS].join(',')}/municipality/${KOMMUN},${RIKET}/year/${years}`,
      municipalityRows([...HEMTJANST_KPIS, ...SABO_KPIS], [KOMMUN, RIKET], YEARS),
      5000,
    ),
    ...pages(
      'oudata-incremental-0581',
      `${BASE}/oudata/kpi/U21468,U21466/ou/${HEMTJANST_OUS.join(',')}/year/2026?from_date=2026-10-01`,
      incrementalRows(),
      5000,
    ),
    ...pages('oudata-v2-style', `${BASE}/oudata/kpi/U23471/ou/${SABO_OUS.join(',')}`, v2Rows(), 2, true),
    ...kpiMetadata(domain, ['U21468', 'U23471', 'N21608']),
  ];
  for (const [name, fixture] of files) {
    writeFileSync(join(FIXTURES, name), `${JSON.stringify(fixture, null, 2)}\n`);
    console.log(`${name}: ${(fixture.body.values as unknown[]).length} rows`);
  }
}

/** Prints the shapes the live API returns, never the values. */
async function checkLive(): Promise<void> {
  const urls = [
    `${BASE}/ou?municipality=${KOMMUN}`,
    `${BASE}/oudata/kpi/U21468/ou/${HEMTJANST_OUS[0]}`,
    `${BASE}/data/kpi/U21468/municipality/${KOMMUN},${RIKET}/year/2025`,
    `${BASE}/data/kpi/U21468/municipality/${KOMMUN}?from_date=2025-01-01`,
  ];
  const keys = (o: unknown) => (o && typeof o === 'object' ? Object.keys(o).sort().join(',') : typeof o);
  for (const url of urls) {
    const body = (await (await fetch(url, { headers: { Accept: 'application/json' } })).json()) as {
      values?: { values?: unknown[]; period?: unknown }[];
    };
    const first = body.values?.[0];
    console.log(url);
    console.log(`  envelope: ${keys(body)}\n  row: ${keys(first)}\n  value: ${keys(first?.values?.[0])}`);
    console.log(`  period: ${typeof first?.period}`);
  }
  const kolada = createKoladaClient();
  const ous = await kolada.ous(KOMMUN);
  const rows = await kolada.municipalityData({
    kpis: ['U21468'],
    municipalities: [KOMMUN, RIKET],
    years: [2025],
  });
  console.log(`schemas accept: ${ous.length} OUs, ${rows.length} rows`);
}

if (process.argv.includes('--check-live')) await checkLive();
else write(process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? '../shared/domain');
