import { SERVICE_IDS, SERVICES, type Service } from '../domain/service';
import { type Parsed, parseDate, parseEnum, parseWebsite } from '../register/fields';
import { problem, type RegisterProblem } from '../register/problem';
import type { FigureColumn } from './columns';
import { figureKey, figureSetKey } from './keys';
import { PERIOD_KIND_LABEL, type Period, parsePeriod } from './period';
import type { FigureIndicatorRules } from './rules';
import type { FigureReadResult, FigureRow, FigureScope, FigureUnitKey, RawFigureRow } from './types';
import {
  type FigureHuvudman,
  parseCount,
  parseDecimal,
  parseFigureHuvudman,
  parseSourceName,
  parseUnitKey,
} from './values';

export interface ValidateOptions {
  today: string;
  indicators: readonly FigureIndicatorRules[];
  /** Says why a known id that is not in `indicators` cannot be read from a file (e.g. a Kolada KPI). */
  explainUnknown?: (id: string) => string | null;
}

/** Checks every row, then that no figure is there twice. Reports every problem found. */
export function validateFigureRows(
  read: FigureReadResult,
  options: ValidateOptions,
): { rows: FigureRow[]; problems: RegisterProblem[] } {
  const byId = new Map(options.indicators.map((i) => [i.id, i]));
  const problems: RegisterProblem[] = [];
  const rows: FigureRow[] = [];
  const seen = new Map<string, number>();
  for (const raw of read.rows) {
    const checked = checkRow(raw, read.columns, byId, options);
    problems.push(...checked.problems);
    if (!checked.row) continue;
    const earlier = seen.get(checked.row.key);
    if (earlier !== undefined) {
      problems.push(
        problem(
          raw.line,
          checked.row.unit ? 'enhet' : 'huvudman',
          `samma värde (${describeKey(checked.row)}) finns redan på rad ${earlier}; varje enhet, indikator och period får bara finnas en gång`,
        ),
      );
      continue;
    }
    seen.set(checked.row.key, raw.line);
    if (checked.problems.length === 0) rows.push(checked.row);
  }
  return { rows, problems };
}

function describeKey(row: FigureRow): string {
  const who = row.unit
    ? `enhet ${row.unit.id}`
    : row.scope === 'riket'
      ? 'riket'
      : `huvudman ${row.huvudman}`;
  return `${who}, ${row.indicatorId}, ${row.period}`;
}

function checkRow(
  raw: RawFigureRow,
  columns: ReadonlySet<FigureColumn>,
  indicators: ReadonlyMap<string, FigureIndicatorRules>,
  options: ValidateOptions,
): { row: FigureRow | null; problems: RegisterProblem[] } {
  const problems: RegisterProblem[] = [];
  const report = (column: FigureColumn, message: string, value?: string) =>
    problems.push(problem(raw.line, column, message, value));
  const text = (column: FigureColumn) => raw.values.get(column)?.trim() || null;
  const checked = <T>(column: FigureColumn, value: string, parse: (v: string) => Parsed<T>): T | null => {
    const result = parse(value);
    if (result.ok) return result.value;
    report(column, result.message, value);
    return null;
  };
  const optional = <T>(column: FigureColumn, parse: (v: string) => Parsed<T>): T | null => {
    const value = text(column);
    return value === null ? null : checked(column, value, parse);
  };
  const required = <T>(column: FigureColumn, parse: (v: string) => Parsed<T>): T | null => {
    const value = text(column);
    if (value !== null) return checked(column, value, parse);
    if (columns.has(column) && !raw.unreadable?.has(column))
      report(column, 'värde saknas; kolumnen är obligatorisk');
    return null;
  };

  const huvudman = required('huvudman', parseFigureHuvudman);
  const service = required('tjanst', (v) => parseEnum(v, SERVICE_IDS));
  const unit = optional('enhet', parseUnitKey);
  const indicator = required('indikator', (v) => findIndicator(v, indicators, service, options));
  const period = required('period', (v) => checkPeriod(v, options.today));
  const value = optional('varde', (v) => parseDecimal(v, 'varde'));
  const count = optional('antal', parseCount);
  const sourceName = required('kalla', parseSourceName);
  const sourceUrl = required('kalla_url', parseWebsite);
  const publishedAt = required('publicerad', (v) =>
    parseDate(v, options.today, 'publicerad är dagen då källan publicerade värdet'),
  );
  const low = optional('ki_lag', (v) => parseDecimal(v, 'ki_lag'));
  const high = optional('ki_hog', (v) => parseDecimal(v, 'ki_hog'));

  const scope = huvudman && service ? checkScope(huvudman, service, unit, report) : null;
  if (indicator && service && indicator.service !== service) {
    report(
      'indikator',
      `${indicator.id} gäller ${indicator.service}, men raden har tjanst ${service}`,
      indicator.id,
    );
  }
  if (indicator && period) checkPeriodFits(indicator, period, report);
  if (period && publishedAt && publishedAt < period.start) {
    report(
      'publicerad',
      `'${publishedAt}' ligger före periodens början (${period.start}); ett värde kan inte publiceras innan perioden har börjat`,
      publishedAt,
    );
  }

  const withheld = indicator !== null && count !== null && count < indicator.minCount;
  if (indicator && !withheld) {
    if (value === null && text('varde') === null && !raw.unreadable?.has('varde')) {
      report(
        'varde',
        count === null
          ? 'värde saknas. Har källan inte redovisat värdet för att för få svarade: skriv antal så visas det som för få svarande; finns inget värde alls, ta bort raden'
          : `värde saknas, men antal (${count}) når upp till gränsen för att redovisas (${indicator.minCount}); ta bort raden om källan inte har något värde`,
      );
    }
    if (value !== null) checkScale(indicator, 'varde', value, report);
  }

  let confidenceInterval: FigureRow['confidenceInterval'] = null;
  const bothBounds = 'konfidensintervallet anges med båda gränserna, ki_lag och ki_hog';
  if (high !== null && text('ki_lag') === null) report('ki_lag', `värde saknas; ${bothBounds}`);
  if (low !== null && text('ki_hog') === null) report('ki_hog', `värde saknas; ${bothBounds}`);
  if (low !== null && high !== null && indicator) {
    checkScale(indicator, 'ki_lag', low, report);
    checkScale(indicator, 'ki_hog', high, report);
    if (low > high)
      report('ki_lag', `ki_lag (${sv(low)}) är större än ki_hog (${sv(high)})`, text('ki_lag') ?? undefined);
    else if (value !== null && !withheld && (value < low || value > high)) {
      report(
        'varde',
        `värdet ${sv(value)} ligger utanför konfidensintervallet ${sv(low)}–${sv(high)}`,
        text('varde') ?? undefined,
      );
    }
    confidenceInterval = withheld ? null : { low, high };
  }

  if (!huvudman || !service || !scope || !indicator || !period || !sourceName || !sourceUrl || !publishedAt) {
    return { row: null, problems };
  }
  if (!withheld && value === null) return { row: null, problems };
  const identity = {
    huvudman: huvudman.code,
    service,
    unit: scope === 'unit' ? unit : null,
    indicatorId: indicator.id,
    period: period.id,
  };
  return {
    problems,
    row: {
      line: raw.line,
      scope,
      ...identity,
      periodKind: period.kind,
      value: withheld ? null : value,
      missingReason: withheld ? 'too_few_respondents' : null,
      count,
      confidenceInterval,
      source: { name: sourceName, url: sourceUrl },
      publishedAt,
      setKey: figureSetKey(identity),
      key: figureKey(identity),
    },
  };
}

function findIndicator(
  value: string,
  indicators: ReadonlyMap<string, FigureIndicatorRules>,
  service: Service | null,
  options: ValidateOptions,
): Parsed<FigureIndicatorRules> {
  const id = value.trim();
  const found = indicators.get(id) ?? indicators.get(id.toLowerCase());
  if (found) return { ok: true, value: found };
  const why = options.explainUnknown?.(id) ?? options.explainUnknown?.(id.toUpperCase());
  if (why) return { ok: false, message: why };
  const candidates = [...indicators.values()].filter((i) => service === null || i.service === service);
  const list = candidates.length > 0 ? candidates.map((i) => i.id).join(', ') : 'inga';
  return {
    ok: false,
    message: `'${value}' är ingen indikator i Utförarkollens katalog. Indikatorer${service ? ` för ${service}` : ''}: ${list}`,
  };
}

function checkPeriod(value: string, today: string): Parsed<Period> {
  const parsed = parsePeriod(value);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.period.start > today) {
    return {
      ok: false,
      message: `perioden ${parsed.period.id} har inte börjat än (i dag är det ${today})`,
    };
  }
  return { ok: true, value: parsed.period };
}

function checkPeriodFits(
  indicator: FigureIndicatorRules,
  period: Period,
  report: (column: FigureColumn, message: string, value?: string) => void,
) {
  if (!indicator.periodKinds.includes(period.kind)) {
    const allowed = indicator.periodKinds.map((kind) => PERIOD_KIND_LABEL[kind]).join(', ');
    report(
      'period',
      `${indicator.id} redovisas per ${allowed}, inte per ${PERIOD_KIND_LABEL[period.kind]}`,
      period.id,
    );
  }
  const { from, until } = indicator.years;
  if ((from !== null && period.year < from) || (until !== null && period.year > until)) {
    const span = `${from ?? ''}–${until ?? ''}`;
    report(
      'period',
      `${indicator.id} finns bara för åren ${span}; ${period.year} mättes på ett annat sätt eller inte alls, så det är ett annat mått`,
      period.id,
    );
  }
}

function checkScale(
  indicator: FigureIndicatorRules,
  column: FigureColumn,
  value: number,
  report: (column: FigureColumn, message: string, value?: string) => void,
) {
  const { min, max } = indicator.scale;
  if (value >= min && value <= max) return;
  const hint =
    indicator.unit === 'mean' && value > max
      ? ` (${indicator.id} är ett medelvärde mellan ${min} och ${max}, inte en procentsats)`
      : indicator.unit === 'percent'
        ? ' (andelar skrivs i procent)'
        : '';
  report(column, `${sv(value)} ligger utanför skalan ${min}–${max}${hint}`, sv(value));
}

/**
 * Whose figure the row is. Riket has no unit; a unit's and a huvudman's figure must be of a service that
 * huvudman runs (vardcentral: a region; hemtjanst, sarskilt_boende: a kommun).
 */
function checkScope(
  huvudman: FigureHuvudman,
  service: Service,
  unit: FigureUnitKey | null,
  report: (column: FigureColumn, message: string, value?: string) => void,
): FigureScope | null {
  if (huvudman.kind === 'riket') {
    if (unit) {
      report('enhet', 'en siffra för riket gäller hela landet och har ingen enhet; lämna enhet tom', unit.id);
      return null;
    }
    return 'riket';
  }
  const owner = SERVICES[service].huvudman;
  if (owner !== huvudman.kind) {
    const code = owner === 'kommun' ? 'kommunkod med fyra siffror' : 'länskod med två siffror';
    report(
      'tjanst',
      `${service} hör till en ${owner}, men huvudman ${huvudman.code} är en ${huvudman.kind} (${huvudman.name}); ange ${owner}ens ${code}`,
      service,
    );
    return null;
  }
  return unit ? 'unit' : huvudman.kind;
}

/** A number as written in Swedish messages: 0,82. */
function sv(value: number): string {
  return String(value).replace('.', ',');
}
