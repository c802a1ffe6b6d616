import { columnLetter } from '../register/columns';
import type { CellRow } from '../register/csv';
import { problem, type RegisterProblem } from '../register/problem';
import { checkFigureHeader, type FigureColumn } from './columns';
import { fileKind } from './kind';
import type { FigureReadResult, RawFigureRow } from './types';

/**
 * Cell rows (from CSV, or from a spreadsheet reader) as raw figure rows. The first row is the header;
 * rows are expected without all-empty rows. A row with values beyond the header's width is a problem on
 * its line, and so is a value under a column without a name.
 */
export function readFigureTable(
  rows: readonly CellRow[],
  delimiter: ',' | ';' | null = null,
): FigureReadResult {
  const problems: RegisterProblem[] = [];
  const [headerRow, ...dataRows] = rows;
  if (headerRow === undefined) {
    return {
      rows: [],
      columns: new Set(),
      problems: [
        problem(
          null,
          null,
          'filen är tom. Första raden ska vara rubrikraden med kolumnernas namn, och varje följande rad ett värde',
        ),
      ],
    };
  }

  if (fileKind(headerRow.cells) === 'register') {
    return {
      rows: [],
      columns: new Set(),
      problems: [
        problem(
          headerRow.line,
          null,
          'filen är ett utförarregister (den har kolumnerna namn och regi), inte en fil med indikatorvärden; läs in den som register',
        ),
      ],
    };
  }
  const header = checkFigureHeader(headerRow.cells, headerRow.line);
  problems.push(...header.problems);
  if (!header.isHeader) return { rows: [], columns: new Set(), problems };

  const width = headerRow.cells.length;
  const unnamedValues = new Map<number, number>();
  const raw: RawFigureRow[] = [];
  for (const { line, cells } of dataRows) {
    if (cells.slice(width).some((cell) => cell.trim() !== '')) {
      const hint =
        delimiter === null
          ? ''
          : ` Innehåller ett värde ${delimiter === ';' ? 'ett semikolon (;)' : 'ett komma (,), till exempel ett decimalkomma'}? Sätt då värdet inom citattecken ("…")`;
      problems.push(
        problem(line, null, `raden har ${cells.length} värden men rubrikraden har ${width} kolumner.${hint}`),
      );
      continue;
    }
    const values = new Map<FigureColumn, string>();
    cells.forEach((rawCell, index) => {
      const cell = rawCell.trim();
      if (cell === '') return;
      const column = header.columns[index];
      if (column) values.set(column, cell);
      else if (header.unnamed.includes(index) && !unnamedValues.has(index)) unnamedValues.set(index, line);
    });
    raw.push({ line, values });
  }

  for (const [index, line] of unnamedValues) {
    problems.push(
      problem(
        headerRow.line,
        null,
        `kolumn ${columnLetter(index)} har ingen rubrik men innehåller värden (till exempel på rad ${line}); ` +
          'skriv kolumnens namn i rubrikraden eller ta bort kolumnen',
      ),
    );
  }
  return { rows: raw, columns: new Set(header.columns.filter((c) => c !== null)), problems };
}
