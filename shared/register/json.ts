import { isListColumn, isRegisterColumn, REGISTER_COLUMNS, type RegisterColumn } from './columns';
import { describe, isObject, readJsonEnvelope } from './json-document';
import { ProblemList, problem, type RegisterProblem, shorten } from './problem';
import type { RawRow, ReadResult } from './types';

export const REGISTER_FORMAT = 'utforarregister';
export const REGISTER_VERSION = 1;

/**
 * Reads the JSON form `{ "format": "utforarregister", "version": 1, "rows": [ … ] }` into raw rows.
 * Only the shape is checked here (text, lists, yes/no); values are checked by the same rules as CSV.
 * A problem's line is the row's position in `rows`, counted from 1.
 */
export function readJsonRegister(text: string): ReadResult {
  const empty = (problems: RegisterProblem[] | ProblemList): ReadResult => {
    const list = problems instanceof ProblemList ? problems : new ProblemList();
    if (Array.isArray(problems)) list.push(...problems);
    return { rows: [], columns: new Set(), problems: list, delimiter: null };
  };
  const envelope = readJsonEnvelope(text, {
    format: REGISTER_FORMAT,
    version: REGISTER_VERSION,
    rowNoun: 'en utförare',
    levels: 'ett register har fyra: objektet, listan rows, en rad och en lista i raden',
  });
  const problems = new ProblemList();
  problems.push(...envelope.problems);
  if (envelope.rows === null) return empty(problems);

  const rows: RawRow[] = [];
  envelope.rows.forEach((item: unknown, index: number) => {
    const line = index + 1;
    if (!isObject(item)) {
      problems.push(problem(line, null, 'raden ska vara ett objekt med kolumnernas namn som nycklar'));
      return;
    }
    const values = new Map<RegisterColumn, string | readonly string[]>();
    const unreadable = new Set<RegisterColumn>();
    for (const [key, value] of Object.entries(item)) {
      const shaped = shapeValue(key, value);
      if (shaped === null) continue;
      if (typeof shaped === 'object' && 'message' in shaped) {
        problems.push(problem(line, key, shaped.message, describe(value)));
        if (isRegisterColumn(key)) unreadable.add(key);
      } else {
        values.set(key as RegisterColumn, shaped);
      }
    }
    rows.push({ line, values, unreadable });
  });
  return { rows, columns: new Set(REGISTER_COLUMNS), problems, delimiter: null };
}

/** The value in raw-row form, null for "not given", or a message when its JSON type is wrong. */
function shapeValue(key: string, value: unknown): string | readonly string[] | null | { message: string } {
  if (!isRegisterColumn(key)) {
    return { message: `okänd nyckel '${shorten(key)}'. Tillåtna nycklar: ${REGISTER_COLUMNS.join(', ')}` };
  }
  if (value === null || value === undefined) return null;
  if (isListColumn(key)) {
    return Array.isArray(value) && value.every((item) => typeof item === 'string')
      ? value
      : { message: `${key} ska vara en lista med texter, till exempel ["första", "andra"]` };
  }
  if (key === 'tar_emot_nya' && typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'string') return value;
  return {
    message: `${key} ska vara en text inom citattecken${key === 'tar_emot_nya' ? ', true eller false' : ''}`,
  };
}
