import {
  type FakeKolada,
  type FakeReply,
  type KoladaFixture,
  loadKoladaFixtures,
} from '../fixtures/kolada/fake-kolada';

/**
 * Answers any `/oudata`, `/data` or `/ou` URL from what test/fixtures/kolada records (synthetic
 * figures), filtered by what the URL asks for: the sync asks for every configured KPI at once, for
 * several kommuner and OUs at once, in URLs no recording has. `?from_date=` is answered from the
 * incremental recording. A kommun with no recorded OU list has one school, as every real kommun has
 * schools in Kolada's list (and no elderly care).
 */
export type RawRow = {
  kpi: string;
  ou?: string;
  municipality?: string;
  period: number | string;
  values: { gender: string; value: number | null; count?: number | null; isdeleted?: boolean }[];
};
export type RawOu = { id: string; municipality: string; title: string };

export interface FixtureRows {
  base: RawRow[];
  incremental: RawRow[];
  ous: RawOu[];
}

const isData = (f: KoladaFixture) => /\/v3\/(ou)?data\//.test(f.url);

export function rowsFromFixtures(fixtures = loadKoladaFixtures()): FixtureRows {
  const rowsOf = (match: (f: KoladaFixture) => boolean) =>
    fixtures.filter(match).flatMap((f) => f.body.values as RawRow[]);
  return {
    base: rowsOf((f) => isData(f) && f._role === undefined),
    incremental: rowsOf((f) => isData(f) && f._role === 'incremental'),
    ous: fixtures
      .filter((f) => new URL(f.url).pathname === '/v3/ou')
      .flatMap((f) => f.body.values as RawOu[]),
  };
}

const DATA_PATH = /\/v3\/(oudata|data)\/kpi\/([^/]+)\/(ou|municipality)\/([^/?]+)(?:\/year\/([^/?]+))?$/;

/** The reply for a data or OU-list URL, or undefined when the URL is neither. */
export function answerFromRows(url: string, rows: FixtureRows): FakeReply | undefined {
  const parsed = new URL(url);
  if (parsed.pathname === '/v3/ou') {
    const codes = (parsed.searchParams.get('municipality') ?? '').split(',');
    const values = codes.flatMap((code) => {
      const recorded = rows.ous.filter((ou) => ou.municipality === code);
      return recorded.length > 0
        ? recorded
        : [{ id: `V15E${code}99`, municipality: code, title: `Exempelskolan ${code}` }];
    });
    return { body: { values, count: values.length, next_url: null } };
  }
  const match = DATA_PATH.exec(parsed.pathname);
  if (!match) return undefined;
  const [, , kpis, segment, subjects, years] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string?,
  ];
  const kpiSet = new Set(kpis.split(','));
  const subjectSet = new Set(subjects.split(','));
  const yearSet = years ? new Set(years.split(',')) : null;
  const source = parsed.searchParams.has('from_date') ? rows.incremental : rows.base;
  const values = source.filter((row) => {
    const subject = segment === 'ou' ? row.ou : row.municipality;
    return (
      subject !== undefined &&
      kpiSet.has(row.kpi) &&
      subjectSet.has(subject) &&
      (yearSet === null || yearSet.has(String(row.period)))
    );
  });
  return { body: { values, count: values.length, next_url: null } };
}

/** Lets a fake Kolada answer any data or OU-list URL from the recorded rows (see above). */
export function serveFixtureRows(fake: FakeKolada, rows: FixtureRows = rowsFromFixtures()): void {
  fake.fallback((request) => answerFromRows(request.url, rows));
}
