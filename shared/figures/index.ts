import { INDICATORS } from '../reference/indicators';
import { VARDCENTRAL_INDICATORS } from '../reference/vardcentral-indicators';
import { type RegisterProblem, todayInSweden } from '../register';
import { type CellRow, readCsvCells } from '../register/csv';
import { decodeRegister } from '../register/decode';
import { problem, sortProblems } from '../register/problem';
import { sniffFormat } from '../register/sniff';
import { readJsonFigures } from './json';
import type { FigureIndicatorRules } from './rules';
import { readFigureTable } from './table';
import type { FigureReadResult, FigureSet, FiguresParseResult } from './types';
import { validateFigureRows } from './validate';

export { formatProblem, type RegisterProblem } from '../register';
export { type CellRow, readCsvCells } from '../register/csv';
export { FIGURE_COLUMNS, type FigureColumn, REQUIRED_FIGURE_COLUMNS } from './columns';
export { FIGURES_FORMAT, FIGURES_VERSION } from './json';
export { figureKey, figureSetKey } from './keys';
export { detectFileKind, type FileKind, fileKind } from './kind';
export { PERIOD_KINDS, type Period, type PeriodKind, parsePeriod } from './period';
export type { FigureIndicatorRules } from './rules';
export { figuresJsonDocument, figuresJsonRow, figuresJsonSchema } from './schema';
export type {
  FigureRow,
  FigureScope,
  FigureSet,
  FiguresParseResult,
  FigureUnitKey,
  UnitKeyKind,
} from './types';
export { RIKET } from './types';
export { type FigureFileRow, formatFiguresCsv, type WriteOptions } from './write';

export interface ParseFiguresOptions {
  /** Sniffed from the content when not given: JSON if it starts with "{" or "[", else CSV. */
  format?: 'csv' | 'json';
  /** YYYY-MM-DD; periods that start and publication dates after it are rejected. Defaults to today in Sweden. */
  today?: string;
  /** The catalogue figures may be given for. Defaults to the vårdcentral catalogue. */
  indicators?: readonly FigureIndicatorRules[];
}

/**
 * Reads a figures file (CSV or JSON, bytes or text) and checks all of it. Either every row is valid and
 * you get them all, with the sets the file replaces, or you get every problem found, each with its line
 * and column. Figures behind fewer than the indicator's reporting threshold come back withheld
 * (`value: null`, `missingReason: 'too_few_respondents'`). Never throws on bad input; throws only on an
 * invalid `options.today`.
 */
export function parseFigures(
  input: Uint8Array | string,
  options: ParseFiguresOptions = {},
): FiguresParseResult {
  const today = checkToday(options.today);
  const decoded = decodeRegister(input);
  if (!decoded.ok) return { ok: false, problems: decoded.problems };
  const format = options.format ?? sniffFormat(decoded.text);
  if (format === 'json') return finish(readJsonFigures(decoded.text), 'json', null, today, options);
  const cells = readCsvCells(decoded.text);
  if (cells.rows.length === 0 && cells.problems.length > 0) return { ok: false, problems: cells.problems };
  const read = readFigureTable(cells.rows, cells.delimiter);
  return finish(
    { ...read, problems: [...cells.problems, ...read.problems] },
    'csv',
    cells.delimiter,
    today,
    options,
  );
}

/**
 * The same checks on rows of cells from any tabular reader (an XLSX sheet: its first row the header,
 * `line` the sheet's row number, all-empty rows left out).
 */
export function parseFigureTable(
  rows: readonly CellRow[],
  options: Omit<ParseFiguresOptions, 'format'> = {},
) {
  const today = checkToday(options.today);
  return finish(readFigureTable(rows), 'table', null, today, options);
}

function finish(
  read: FigureReadResult,
  format: 'csv' | 'json' | 'table',
  delimiter: ',' | ';' | null,
  today: string,
  options: ParseFiguresOptions,
): FiguresParseResult {
  const validated = validateFigureRows(read, {
    today,
    indicators: options.indicators ?? VARDCENTRAL_INDICATORS,
    explainUnknown: koladaIndicator,
  });
  const problems: RegisterProblem[] = sortProblems([...read.problems, ...validated.problems]);
  if (problems.length === 0 && validated.rows.length === 0) {
    problems.push(
      problem(
        null,
        null,
        format === 'json'
          ? 'rows är tom; lägg till ett objekt per värde'
          : 'filen innehåller bara rubrikraden och inga värden; lägg till en rad per värde',
      ),
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  const sets = new Map<string, FigureSet>();
  for (const row of validated.rows) {
    if (!sets.has(row.setKey)) {
      const { huvudman, service, indicatorId, period, setKey: key } = row;
      sets.set(key, { huvudman, service, indicatorId, period, key });
    }
  }
  return { ok: true, rows: validated.rows, sets: [...sets.values()], format, delimiter };
}

function checkToday(today: string | undefined): string {
  const value = today ?? todayInSweden();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new RangeError(`options.today must be YYYY-MM-DD, got ${value}`);
  return value;
}

/** A Kolada KPI the sync fetches is not read from a file: one source per figure. */
function koladaIndicator(id: string): string | null {
  const kpi = INDICATORS.find((i) => i.id === id);
  return kpi
    ? `${id} (${kpi.label}) hämtas från Kolada av synken (npm run sync) och läses inte in från en fil med indikatorvärden`
    : null;
}
