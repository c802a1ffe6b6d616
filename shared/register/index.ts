import { todayInSweden } from '../domain/date';
import { readCsvRegister } from './csv';
import { decodeRegister } from './decode';
import { readJsonRegister } from './json';
import { problem, sortProblems } from './problem';
import { sniffFormat } from './sniff';
import type { RegisterParseResult } from './types';
import { validateRows } from './validate';

export {
  isListColumn,
  LIST_COLUMNS,
  LIST_SEPARATOR,
  REGISTER_COLUMNS,
  REQUIRED_COLUMNS,
  type RegisterColumn,
} from './columns';
export { identityKey, identityName } from './identity';
export { REGISTER_FORMAT, REGISTER_VERSION } from './json';
export { formatProblem, type RegisterProblem } from './problem';
export { registerJsonDocument, registerJsonRow, registerJsonSchema } from './schema';
export type { RegisterParseResult, RegisterRow } from './types';
/** Moved to shared/domain/date.ts; still exported here for the register's callers. */
export { todayInSweden };

export interface ParseRegisterOptions {
  /** Sniffed from the content when not given: JSON if it starts with "{" or "[", else CSV. */
  format?: 'csv' | 'json';
  /** YYYY-MM-DD; dates after it are rejected. Defaults to today in Sweden. */
  today?: string;
}

/**
 * Reads a register file (CSV or JSON, bytes or text) and checks all of it. Either every row is valid and
 * you get them all, or you get every problem found, each with its line and column. Never throws on bad
 * input; throws only on an invalid `options.today`.
 */
export function parseRegister(
  input: Uint8Array | string,
  options: ParseRegisterOptions = {},
): RegisterParseResult {
  const today = options.today ?? todayInSweden();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new RangeError(`options.today must be YYYY-MM-DD, got ${today}`);

  const decoded = decodeRegister(input);
  if (!decoded.ok) return { ok: false, problems: decoded.problems };

  const format = options.format ?? sniffFormat(decoded.text);
  const read = format === 'json' ? readJsonRegister(decoded.text) : readCsvRegister(decoded.text);
  const validated = validateRows(read, today);
  const problems = sortProblems([...read.problems, ...validated.problems]);
  if (problems.length === 0 && validated.rows.length === 0) {
    problems.push(
      problem(null, null, format === 'json' ? 'rows är tom; lägg till en rad per utförare' : headerOnly),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, rows: validated.rows, format, delimiter: read.delimiter };
}

const headerOnly = 'filen innehåller bara rubrikraden och inga utförare; lägg till en rad per utförare';
