/**
 * Writes test/fixtures/kolada/*.json: answers in Kolada v3's shapes for 0581 (Norrköping, with a
 * register in the tests), 0580 (Linköping, baseline only) and 0117 (Österåker, no elderly-care OUs),
 * built from the real KPI catalogue and kommun list, with SYNTHETIC values (seeded, reproducible)
 * and invented OU titles. No real unit-level figure is written. The shapes follow
 * ../shared/docs/KOLADA.md: next_url absolute and relative, `count` as the items on the page,
 * `period` as number and as string, `isdeleted` on each gender value, OU ids of different lengths,
 * schools and preschools in the OU lists, null values with a count below the threshold, units with
 * figures in some years only, an OU listed without any figure.
 *   npx tsx scripts/record-kolada-fixtures.ts [path/to/shared/domain] && npx biome format --write test/fixtures/kolada
 *
 * With --check-live it runs `npm run kolada:check-live` (scripts/check-kolada-live.ts) instead: the
 * live API's shapes, never its values.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = 'test/fixtures/kolada';
const BASE = 'https://api.kolada.se/v3';
const PAGE = 'per_page=5000';
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
type Row = {
  kpi: string;
  period: number | string;
  values: GenderValue[];
  ou?: string;
  municipality?: string;
};

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
/** Added later, with newer ids of other lengths that do not carry the kommun code; their rows come from another seed. */
const MORE_0581 = [
  { id: 'V21E2210', title: 'Omsorgsgruppen Lind AB, Väst' },
  { id: 'V21E22101', title: 'Omsorgsgruppen Lind AB, Öst' },
  { id: 'V21E3300', title: 'Hemtjänstgrupp Norr, Område 2' },
];
/** Linköping: no register in the tests, so its units are these survey units. */
const OUS_0580 = [
  { id: 'V21E4471', title: 'Hemtjänst Ekholmen' },
  { id: 'V21E44712', title: 'Lindgårdens Hemtjänst AB' },
  { id: 'V21E0580003', title: 'Hemtjänst Ryd, Område 1' },
  { id: 'V21E0580004', title: 'Hemtjänst Ryd, Område 2' },
  { id: 'V23E7788', title: 'Almbackens vård- och omsorgsboende' },
  { id: 'V23E77890', title: 'Ekbackens äldreboende' },
  { id: 'V15E4410', title: 'Ekholmsskolan F-9' },
  { id: 'V11E4411', title: 'Förskolan Tallen' },
  { id: 'V17E0580001', title: 'Berga gymnasium' },
];
/** Österåker: schools and preschools only, no elderly-care unit at all. */
const OUS_0117 = [
  { id: 'V15E0117001', title: 'Solskensskolan' },
  { id: 'V11E0117002', title: 'Förskolan Kotten' },
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
  /** base (default): part of "everything Kolada has"; incremental: a from_date answer; v2: the old envelope. */
  _role?: 'incremental' | 'v2';
  url: string;
  status: number;
  body: Record<string, unknown>;
};

/**
 * One answer per page. Page links are absolute, except where `relativeFrom` says from which page on
 * Kolada's relative form ("/v3/…") is used. v3's `count` is the number of items on the page.
 */
function pages(
  file: string,
  url: string,
  rows: unknown[],
  perPage: number,
  options: { v2?: boolean; relativeFrom?: number; role?: Fixture['_role'] } = {},
): [string, Fixture][] {
  const out: [string, Fixture][] = [];
  const count = Math.max(1, Math.ceil(rows.length / perPage));
  const base = url.replace(/([?&])per_page=\d+&?/, '$1').replace(/[?&]$/, '');
  const pageUrl = (n: number) => `${base}${base.includes('?') ? '&' : '?'}page=${n}&per_page=${perPage}`;
  for (let i = 0; i < count; i++) {
    const here = i === 0 ? url : pageUrl(i + 1);
    let next = i + 1 < count ? pageUrl(i + 2) : null;
    if (next && options.relativeFrom !== undefined && i + 1 >= options.relativeFrom) {
      const target = new URL(next);
      next = `${target.pathname}${target.search}`;
    }
    const values = rows.slice(i * perPage, (i + 1) * perPage);
    const body = options.v2
      ? { _comment: SYNTHETIC, count: rows.length, values, next_page: next, previous_page: null }
      : { _comment: SYNTHETIC, values, count: values.length, next_url: next, previous_url: null };
    const name = count === 1 ? `${file}.json` : `${file}.p${i + 1}.json`;
    out.push([
      name,
      {
        _comment: SYNTHETIC,
        _synthetic: true,
        ...(options.role ? { _role: options.role } : {}),
        url: here,
        status: 200,
        body,
      },
    ]);
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
        url: `${BASE}/kpi/${ids.join(',')}?${PAGE}`,
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

/** Rows for the OUs added later, from their own seed so the older fixtures keep their values. */
const later = seeded(580);
const laterBetween = (lo: number, hi: number) => lo + Math.floor(later() * (hi - lo + 1));

/**
 * v3's shape as public sources show it: `isdeleted: false` on each gender value, and (in 0580's
 * answers) `period` as a string on some rows. `only` limits an OU to some years; `few` gives it
 * 2-4 respondents, so Kolada withholds its values (null, with the count).
 */
function laterRows(
  kpis: string[],
  ous: readonly string[],
  years: number[],
  shape: { only?: Record<string, number[]>; few?: string[]; none?: string[]; stringPeriods?: boolean },
): Row[] {
  const rows: Row[] = [];
  for (const kpi of kpis) {
    for (const ou of ous) {
      if (shape.none?.includes(ou)) continue;
      for (const year of years) {
        if (shape.only?.[ou] && !shape.only[ou]!.includes(year)) continue;
        const respondents = shape.few?.includes(ou) ? laterBetween(2, 4) : laterBetween(12, 80);
        const share = laterBetween(60, 97);
        const values: GenderValue[] = isUnitSurvey(kpi)
          ? [{ gender: 'T', count: 1, status: '', value: laterBetween(35, 95) }]
          : [
              { gender: 'T', count: respondents, status: '', value: respondents >= 5 ? share : null },
              { gender: 'K', count: Math.round(respondents * 0.6), status: '', value: null },
              { gender: 'M', count: respondents - Math.round(respondents * 0.6), status: '', value: null },
            ];
        rows.push({
          kpi,
          ou,
          period: shape.stringPeriods && year % 2 === 1 ? String(year) : year,
          values: values.map((v) => ({ ...v, isdeleted: false })),
        });
      }
    }
  }
  return rows;
}

function write(domain: string): void {
  const kommuner = JSON.parse(readFileSync('shared/reference/kommuner.json', 'utf8')) as { code: string }[];
  if (!kommuner.some((k) => k.code === KOMMUN)) throw new Error(`${KOMMUN} is not a kommun code`);
  const ouList = [...OUS, ...MORE_0581].map((o) => ({ id: o.id, municipality: KOMMUN, title: o.title }));
  const years = YEARS.join(',');
  const files: [string, Fixture][] = [
    ...pages('ou-0581', `${BASE}/ou?municipality=${KOMMUN}&${PAGE}`, ouList, 5, { relativeFrom: 2 }),
    ...pages(
      'oudata-hemtjanst-0581',
      `${BASE}/oudata/kpi/${HEMTJANST_KPIS.join(',')}/ou/${HEMTJANST_OUS.join(',')}/year/${years}?${PAGE}`,
      unitRows(HEMTJANST_KPIS, HEMTJANST_OUS, YEARS),
      30,
    ),
    ...pages(
      'oudata-sabo-0581',
      `${BASE}/oudata/kpi/${SABO_KPIS.join(',')}/ou/${SABO_OUS.join(',')}/year/2026?${PAGE}`,
      unitRows(SABO_KPIS, SABO_OUS, [2026]),
      5000,
    ),
    ...pages(
      'data-0581-riket',
      `${BASE}/data/kpi/${[...HEMTJANST_KPIS, ...SABO_KPIS].join(',')}/municipality/${KOMMUN},${RIKET}/year/${years}?${PAGE}`,
      municipalityRows([...HEMTJANST_KPIS, ...SABO_KPIS], [KOMMUN, RIKET], YEARS),
      5000,
    ),
    ...pages(
      'oudata-incremental-0581',
      `${BASE}/oudata/kpi/U21468,U21466/ou/${HEMTJANST_OUS.join(',')}/year/2026?${PAGE}&from_date=2026-10-01`,
      incrementalRows(),
      5000,
      { role: 'incremental' },
    ),
    ...pages('oudata-v2-style', `${BASE}/oudata/kpi/U23471/ou/${SABO_OUS.join(',')}?${PAGE}`, v2Rows(), 2, {
      v2: true,
      role: 'v2',
    }),
    ...kpiMetadata(domain, ['U21468', 'U23471', 'N21608']),
    ...laterFixtures(),
  ];
  for (const [name, fixture] of files) {
    writeFileSync(join(FIXTURES, name), `${JSON.stringify(fixture, null, 2)}\n`);
    console.log(`${name}: ${(fixture.body.values as unknown[]).length} rows`);
  }
}

/** The answers added with the national baseline: more of 0581, and 0580 and 0117. */
function laterFixtures(): [string, Fixture][] {
  const ht = MORE_0581.map((o) => o.id);
  const list = (kommun: string, ous: { id: string; title: string }[]) =>
    ous.map((o) => ({ id: o.id, municipality: kommun, title: o.title }));
  const ht0580 = OUS_0580.filter((o) => o.id.startsWith('V21')).map((o) => o.id);
  const sb0580 = OUS_0580.filter((o) => o.id.startsWith('V23')).map((o) => o.id);
  return [
    ...pages(
      'oudata-more-0581',
      `${BASE}/oudata/kpi/${HEMTJANST_KPIS.join(',')}/ou/${ht.join(',')}?${PAGE}`,
      laterRows(HEMTJANST_KPIS, ht, YEARS, {}),
      10,
      { relativeFrom: 1 },
    ),
    ...pages('ou-0580', `${BASE}/ou?municipality=0580&${PAGE}`, list('0580', OUS_0580), 5000),
    ...pages(
      'oudata-hemtjanst-0580',
      `${BASE}/oudata/kpi/${HEMTJANST_KPIS.join(',')}/ou/${ht0580.join(',')}?${PAGE}`,
      laterRows(HEMTJANST_KPIS, ht0580, YEARS, {
        only: { V21E44712: [2025] },
        few: ['V21E0580003'],
        none: ['V21E0580004'],
        stringPeriods: true,
      }),
      5000,
    ),
    ...pages(
      'oudata-sabo-0580',
      `${BASE}/oudata/kpi/${SABO_KPIS.join(',')}/ou/${sb0580.join(',')}?${PAGE}`,
      laterRows(SABO_KPIS, sb0580, YEARS, { only: { V23E77890: [2026] } }),
      5000,
    ),
    ...pages(
      'data-0580',
      `${BASE}/data/kpi/${[...HEMTJANST_KPIS, ...SABO_KPIS].join(',')}/municipality/0580?${PAGE}`,
      [...HEMTJANST_KPIS, ...SABO_KPIS].flatMap((kpi) =>
        YEARS.map((period) => ({
          kpi,
          municipality: '0580',
          period,
          values: [{ gender: 'T', count: 1200, status: '', value: laterBetween(75, 92), isdeleted: false }],
        })),
      ),
      5000,
    ),
    ...pages('ou-0117', `${BASE}/ou?municipality=0117&${PAGE}`, list('0117', OUS_0117), 5000),
  ];
}

if (process.argv.includes('--check-live')) {
  // Its successor: scripts/check-kolada-live.ts (npm run kolada:check-live).
  await import('./check-kolada-live');
} else {
  write(process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? '../shared/domain');
}
