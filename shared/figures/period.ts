/**
 * The period a figure covers, as the figures format writes it: a year (`2025`), a half-year (`2025-H1`),
 * a quarter (`2025-Q3`) or a month (`2025-10`). Pure functions; no I/O.
 */

export const PERIOD_KINDS = ['year', 'half', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  /** Canonical form: "2025", "2025-H1", "2025-Q3", "2025-10". */
  id: string;
  kind: PeriodKind;
  year: number;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

export const PERIOD_KIND_LABEL: Record<PeriodKind, string> = {
  year: 'år (2025)',
  half: 'halvår (2025-H1)',
  quarter: 'kvartal (2025-Q3)',
  month: 'månad (2025-10)',
};

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The period spanning months `first`..`last` (1-12) of `year`. */
function span(id: string, kind: PeriodKind, year: number, first: number, last: number): Period {
  return { id, kind, year, start: `${year}-${pad(first)}-01`, end: lastDay(year, last) };
}

export type ParsedPeriod = { ok: true; period: Period } | { ok: false; message: string };

const EXAMPLES = '2025 (år), 2025-H1 (halvår), 2025-Q3 (kvartal) eller 2025-10 (månad)';

/**
 * Reads a period, forgiving where nothing else can be meant: lower case (`2025-h1`, `2025-q3`), no hyphen
 * (`2025H1`), the Swedish K for kvartal (`2025-K3`), a month without its zero (`2025-3`).
 */
export function parsePeriod(value: string): ParsedPeriod {
  const text = value.trim().toUpperCase();
  const fail = (hint = ''): ParsedPeriod => ({
    ok: false,
    message: `'${value}' är ingen period; skriv ${EXAMPLES}${hint}`,
  });

  let match = /^(\d{4})$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    return checkYear(year, value) ?? { ok: true, period: span(String(year), 'year', year, 1, 12) };
  }
  match = /^(\d{4})-?H([12])$/.exec(text);
  if (match) {
    const [year, half] = [Number(match[1]), Number(match[2])];
    return (
      checkYear(year, value) ?? {
        ok: true,
        period: span(`${year}-H${half}`, 'half', year, half * 6 - 5, half * 6),
      }
    );
  }
  match = /^(\d{4})-?[QK]([1-4])$/.exec(text);
  if (match) {
    const [year, quarter] = [Number(match[1]), Number(match[2])];
    return (
      checkYear(year, value) ?? {
        ok: true,
        period: span(`${year}-Q${quarter}`, 'quarter', year, quarter * 3 - 2, quarter * 3),
      }
    );
  }
  match = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return fail(`; ${match[2]} är ingen månad`);
    return (
      checkYear(year, value) ?? {
        ok: true,
        period: span(`${year}-${pad(month)}`, 'month', year, month, month),
      }
    );
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return fail(`. Ett datum är ingen period; gäller värdet månaden, skriv ${text.slice(0, 7)}`);
  }
  if (/^\d{5}$/.test(text)) {
    return fail(
      ' (kalkylprogrammet har troligen gjort om perioden till ett datum; formatera kolumnen som text)',
    );
  }
  return fail();
}

/** Figures in the format start in 2000: anything earlier is a typing error, not a figure anyone publishes. */
function checkYear(year: number, value: string): ParsedPeriod | null {
  return year >= 2000 && year <= 2100
    ? null
    : { ok: false, message: `'${value}' har ett år (${year}) som inte kan stämma` };
}

/**
 * Orders periods by when they end, and of two that end on the same day the longer first counts as later
 * (a year before its December): the figure of the latest period is the one a unit shows. Periods that
 * are not in the format (none should be stored) order by their text, after every period that is.
 */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa.ok || !pb.ok) return pa.ok ? -1 : pb.ok ? 1 : a < b ? -1 : a > b ? 1 : 0;
  const { start: sa, end: ea } = pa.period;
  const { start: sb, end: eb } = pb.period;
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (sa !== sb) return sa < sb ? 1 : -1;
  return 0;
}
