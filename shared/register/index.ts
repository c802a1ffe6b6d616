import { todayInSweden } from '../domain/date';
import { readCsvRegister } from './csv';
import { decodeRegister } from './decode';
import { fileKind } from './file-kind';
import { readJsonRegister } from './json';
import { ProblemList, problem } from './problem';
import { sniffFormat } from './sniff';
import type { ReadResult, RegisterFileInfo, RegisterFormat, RegisterParseResult } from './types';
import { validateRows } from './validate';
import { readXlsxRegister } from './xlsx/reader';

export {
  editDistance,
  foldName,
  isListColumn,
  LIST_COLUMNS,
  LIST_SEPARATOR,
  REGISTER_COLUMNS,
  REQUIRED_COLUMNS,
  type RegisterColumn,
} from './columns';
export { type CellRow, type CsvCells, readCsvCells } from './csv';
export type { RegisterEncoding } from './decode';
export { COLUMN_DEFINITIONS, type ColumnDefinition } from './definitions';
export { describeRegisterFile } from './describe-file';
export { identityKey, identityName } from './identity';
export { REGISTER_FORMAT, REGISTER_VERSION } from './json';
export { formatProblem, MAX_LISTED_PROBLEMS, type RegisterProblem } from './problem';
export { registerJsonDocument, registerJsonRow, registerJsonSchema } from './schema';
export type { RegisterFileInfo, RegisterFormat, RegisterParseResult, RegisterRow } from './types';
export { XLSX_LIMITS } from './xlsx/limits';
export { REGISTER_SHEET, readXlsxCells, type XlsxCells } from './xlsx/reader';
/** Moved to shared/domain/date.ts; still exported here for the register's callers. */
export { todayInSweden };

export interface ParseRegisterOptions {
  /** Sniffed from the content when not given: XLSX by its zip signature, JSON if it starts with "{" or "[", else CSV. */
  format?: RegisterFormat;
  /** YYYY-MM-DD; dates after it are rejected. Defaults to today in Sweden. */
  today?: string;
}

/**
 * Reads a register file (CSV, JSON or XLSX; bytes, or text already decoded) and checks all of it. Either
 * every row is valid and you get them all, or you get the problems found (the first
 * MAX_LISTED_PROBLEMS, and how many there were), each with its line and column. Either way the result
 * says how the file was read (format, encoding, delimiter, sheet). Never throws on bad input; throws
 * only on an invalid `options.today`.
 */
export function parseRegister(
  input: Uint8Array | string,
  options: ParseRegisterOptions = {},
): RegisterParseResult {
  const today = options.today ?? todayInSweden();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new RangeError(`options.today must be YYYY-MM-DD, got ${today}`);

  const unread: RegisterFileInfo = { format: null, encoding: null, delimiter: null, sheet: null };
  const fail = (info: RegisterFileInfo, problems: ProblemList): RegisterParseResult => ({
    ok: false,
    problems: problems.listed(),
    problemCount: problems.length,
    ...info,
  });
  const failWith = (message: string) => {
    const problems = new ProblemList();
    problems.push(problem(null, null, message));
    return fail(unread, problems);
  };

  const kind = typeof input === 'string' ? ({ kind: 'text' } as const) : fileKind(input);
  if (kind.kind === 'other') return failWith(kind.message);
  if (kind.kind === 'zip' && typeof input !== 'string') {
    const read = readXlsxRegister(input);
    return checkRead(
      read,
      { format: 'xlsx', encoding: null, delimiter: null, sheet: read.sheet ?? null },
      today,
    );
  }
  if (options.format === 'xlsx') {
    return failWith(
      'filen skickades som en Excel-arbetsbok (.xlsx) men är ingen; skicka den som CSV eller JSON, eller spara den som .xlsx igen',
    );
  }

  const decoded = decodeRegister(input);
  if (!decoded.ok) {
    const problems = new ProblemList();
    problems.push(...decoded.problems);
    return fail(unread, problems);
  }
  const format = options.format ?? sniffFormat(decoded.text);
  const read = format === 'json' ? readJsonRegister(decoded.text) : readCsvRegister(decoded.text);
  return checkRead(
    read,
    { format, encoding: decoded.encoding, delimiter: read.delimiter, sheet: null },
    today,
  );
}

function checkRead(
  read: ReadResult,
  info: RegisterFileInfo & { format: RegisterFormat },
  today: string,
): RegisterParseResult {
  const rows = validateRows(read, today);
  const problems = read.problems;
  if (problems.length === 0 && rows.length === 0) {
    problems.push(
      problem(null, null, info.format === 'json' ? 'rows är tom; lägg till en rad per utförare' : headerOnly),
    );
  }
  if (problems.length > 0) {
    return { ok: false, problems: problems.listed(), problemCount: problems.length, ...info };
  }
  return { ok: true, rows, ...info };
}

const headerOnly = 'filen innehåller bara rubrikraden och inga utförare; lägg till en rad per utförare';
