import { describe, isObject, readJsonEnvelope } from '../register/json-document';
import { problem, type RegisterProblem } from '../register/problem';
import { FIGURE_COLUMNS, type FigureColumn, isFigureColumn } from './columns';
import type { FigureReadResult, RawFigureRow } from './types';

export const FIGURES_FORMAT = 'indikatorvarden';
export const FIGURES_VERSION = 1;

/** Columns whose JSON value may be a number as well as text. */
const NUMERIC: readonly FigureColumn[] = ['varde', 'antal', 'ki_lag', 'ki_hog', 'period'];

/**
 * Reads the JSON form `{ "format": "indikatorvarden", "version": 1, "rows": [ … ] }` into raw rows. Only
 * the shape is checked here; values are checked by the same rules as in CSV. A problem's line is the
 * row's position in `rows`, counted from 1.
 */
export function readJsonFigures(text: string): FigureReadResult {
  const empty = (problems: RegisterProblem[]): FigureReadResult => ({
    rows: [],
    columns: new Set(),
    problems,
  });
  const envelope = readJsonEnvelope(text, {
    format: FIGURES_FORMAT,
    version: FIGURES_VERSION,
    rowNoun: 'ett värde',
    levels: 'en fil med indikatorvärden har tre: objektet, listan rows och en rad',
  });
  const problems = [...envelope.problems];
  if (envelope.rows === null) return empty(problems);

  const rows: RawFigureRow[] = [];
  envelope.rows.forEach((item: unknown, index: number) => {
    const line = index + 1;
    if (!isObject(item)) {
      problems.push(problem(line, null, 'raden ska vara ett objekt med kolumnernas namn som nycklar'));
      return;
    }
    const values = new Map<FigureColumn, string>();
    const unreadable = new Set<FigureColumn>();
    for (const [key, value] of Object.entries(item)) {
      if (!isFigureColumn(key)) {
        problems.push(
          problem(
            line,
            key,
            `okänd nyckel '${key}'. Tillåtna nycklar: ${FIGURE_COLUMNS.join(', ')}`,
            describe(value),
          ),
        );
        continue;
      }
      if (value === null || value === undefined) continue;
      if (typeof value === 'string') {
        if (value.trim() !== '') values.set(key, value.trim());
      } else if (typeof value === 'number' && NUMERIC.includes(key) && Number.isFinite(value)) {
        values.set(key, String(value));
      } else {
        const expected = NUMERIC.includes(key) ? 'ett tal eller en text' : 'en text inom citattecken';
        problems.push(problem(line, key, `${key} ska vara ${expected}`, describe(value)));
        unreadable.add(key);
      }
    }
    rows.push({ line, values, unreadable });
  });
  return { rows, columns: new Set(FIGURE_COLUMNS), problems };
}
