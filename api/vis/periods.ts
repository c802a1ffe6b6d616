import { type Period, parsePeriod } from '../../shared/figures';

/**
 * The figures format's period for a VIS measurement's `{ start, end }`, read from the dates alone (the
 * names of VIS's period types other than "Year" are not documented): a whole calendar year, half-year,
 * quarter or month. `end` may be the last day or the first day after (both forms are seen in APIs like
 * this); anything else (a rolling twelve months, a week) is null, and the figure is left out rather
 * than placed in a period it does not cover.
 */
export function periodOf(range: { start: string; end: string }): Period | null {
  const start = range.start.slice(0, 10);
  const end = range.end.slice(0, 10);
  const match = /^(\d{4})-(\d{2})-01$/.exec(start);
  if (!match || !/^\d{4}-\d{2}-\d{2}$/.test(end)) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const candidates = [
    month === 1 ? `${year}` : null,
    month === 1 || month === 7 ? `${year}-H${month === 1 ? 1 : 2}` : null,
    (month - 1) % 3 === 0 ? `${year}-Q${(month + 2) / 3}` : null,
    `${year}-${match[2]}`,
  ];
  for (const id of candidates) {
    if (id === null) continue;
    const parsed = parsePeriod(id);
    if (parsed.ok && (parsed.period.end === end || dayAfter(parsed.period.end) === end)) return parsed.period;
  }
  return null;
}

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
