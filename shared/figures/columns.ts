import { columnLetter, editDistance, foldName } from '../register/columns';
import { problem, type RegisterProblem } from '../register/problem';

/** Every column of the figures format, required ones first. */
export const FIGURE_COLUMNS = [
  'huvudman',
  'tjanst',
  'enhet',
  'indikator',
  'period',
  'varde',
  'kalla',
  'kalla_url',
  'publicerad',
  'antal',
  'ki_lag',
  'ki_hog',
] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

/** Columns the header must have. `enhet` must be there, but its cell is empty on a comparison figure. */
export const REQUIRED_FIGURE_COLUMNS = [
  'huvudman',
  'tjanst',
  'enhet',
  'indikator',
  'period',
  'varde',
  'kalla',
  'kalla_url',
  'publicerad',
] as const satisfies readonly FigureColumn[];

export function isFigureColumn(name: string): name is FigureColumn {
  return (FIGURE_COLUMNS as readonly string[]).includes(name);
}

/**
 * A header cell as a column name: case, accents, spaces and hyphens do not matter, so "Värde",
 * "Källa URL" and "KI-låg" are read as varde, kalla_url and ki_lag.
 */
export function figureColumnOf(cell: string): FigureColumn | null {
  const folded = foldName(cell);
  return isFigureColumn(folded) ? folded : null;
}

export interface FigureHeader {
  /** The column of each header cell, or null for a cell that is empty, unknown or repeated. */
  columns: (FigureColumn | null)[];
  /** Indexes of empty header cells: their column is ignored unless it holds values. */
  unnamed: number[];
  /** False when the row is clearly not a header; rows are then not read. */
  isHeader: boolean;
  problems: RegisterProblem[];
}

const ALLOWED = FIGURE_COLUMNS.join(', ');

/** Checks the header row: unknown, repeated and missing columns, each reported on the header line. */
export function checkFigureHeader(cells: readonly string[], line: number): FigureHeader {
  const columns: (FigureColumn | null)[] = [];
  const unnamed: number[] = [];
  const problems: RegisterProblem[] = [];
  const seen = new Map<FigureColumn, number>();
  const unknown: { cell: string; index: number }[] = [];

  cells.forEach((raw, index) => {
    const cell = raw.trim();
    const column = figureColumnOf(cell);
    if (cell === '') {
      unnamed.push(index);
      columns.push(null);
    } else if (column === null) {
      unknown.push({ cell, index });
      columns.push(null);
    } else if (seen.has(column)) {
      problems.push(
        problem(
          line,
          column,
          `kolumnen ${column} finns två gånger i rubrikraden (kolumn ${columnLetter(seen.get(column)!)} och ${columnLetter(index)}); ta bort den ena`,
          cell,
        ),
      );
      columns.push(null);
    } else {
      seen.set(column, index);
      columns.push(column);
    }
  });

  if (seen.size === 0) {
    const found = unknown
      .slice(0, 3)
      .map(({ cell }) => `'${cell}'`)
      .join(', ');
    problems.push(
      problem(
        line,
        null,
        `första raden ska vara rubrikraden med kolumnernas namn (${REQUIRED_FIGURE_COLUMNS.join(', ')} …), men den innehåller ${found}`,
      ),
    );
    return { columns, unnamed, isHeader: false, problems };
  }

  for (const { cell, index } of unknown) {
    const suggestion = suggestFigureColumn(cell);
    const hint = suggestion !== null && !seen.has(suggestion) ? ` Menade du '${suggestion}'?` : '';
    problems.push(
      problem(
        line,
        cell,
        `okänd kolumn '${cell}' (kolumn ${columnLetter(index)}).${hint} Tillåtna kolumner: ${ALLOWED}`,
        cell,
      ),
    );
  }
  for (const column of REQUIRED_FIGURE_COLUMNS) {
    if (!seen.has(column)) {
      problems.push(problem(line, column, `kolumnen ${column} saknas i rubrikraden; den måste finnas`));
    }
  }
  return { columns, unnamed, isHeader: true, problems };
}

/** The column the editor most likely meant, for a "Menade du …?" hint: at most two letters off. */
export function suggestFigureColumn(name: string): FigureColumn | null {
  const folded = foldName(name);
  let best: { column: FigureColumn; distance: number } | null = null;
  for (const column of FIGURE_COLUMNS) {
    const distance = editDistance(folded, column);
    if (distance <= Math.min(2, column.length - 2) && (best === null || distance < best.distance)) {
      best = { column, distance };
    }
  }
  return best?.column ?? null;
}
