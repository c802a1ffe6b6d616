import { type FakeKolada, type FakeReply, loadKoladaFixtures } from '../fixtures/kolada/fake-kolada';

/**
 * Answers any `/oudata` or `/data` URL from the rows recorded in test/fixtures/kolada (synthetic
 * figures), filtered by the KPIs, subjects and years the URL asks for: the sync asks for every
 * configured KPI at once, in URLs no recording has. `?from_date=` is answered from the incremental
 * recording. `/ou?municipality=0581` is served by the recordings themselves (three pages).
 */
export type RawRow = {
  kpi: string;
  ou?: string;
  municipality?: string;
  period: number | string;
  values: { gender: string; value: number | null; count?: number | null }[];
};

/** The recordings whose rows make up "everything Kolada has" (not the v2-style and incremental ones). */
function isBase(url: string): boolean {
  if (url.includes('from_date=')) return false;
  return (
    url.includes('/oudata/kpi/U21468,U21466,U21467,N21608/') ||
    url.includes('/oudata/kpi/U23471,U23467,N23588/') ||
    url.includes('/data/kpi/')
  );
}

export function rowsFromFixtures(): { base: RawRow[]; incremental: RawRow[] } {
  const fixtures = loadKoladaFixtures();
  const rowsOf = (match: (url: string) => boolean) =>
    fixtures.filter((f) => match(f.url)).flatMap((f) => f.body.values as RawRow[]);
  return { base: rowsOf(isBase), incremental: rowsOf((url) => url.includes('from_date=')) };
}

const DATA_PATH = /\/v3\/(oudata|data)\/kpi\/([^/]+)\/(ou|municipality)\/([^/?]+)(?:\/year\/([^/?]+))?$/;

/** The reply for a data URL, or undefined when the URL is not one. */
export function answerFromRows(
  url: string,
  rows: { base: RawRow[]; incremental: RawRow[] },
): FakeReply | undefined {
  const parsed = new URL(url);
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
  return { body: { values, next_url: null } };
}

/** Lets a fake Kolada answer any data URL from the recorded rows (see above). */
export function serveFixtureRows(fake: FakeKolada): void {
  const rows = rowsFromFixtures();
  fake.fallback((request) => answerFromRows(request.url, rows));
}
