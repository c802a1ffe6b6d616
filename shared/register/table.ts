import { checkHeader, columnLetter, type RegisterColumn } from './columns';
import { type ProblemList, problem } from './problem';
import type { RawRow } from './types';

/** One row of a table (a CSV record or a spreadsheet row): its line or row number and trimmed cells. */
export interface TableRecord {
  line: number;
  cells: readonly string[];
  /** Spreadsheet only: the cells that held a number, by index. */
  numeric?: ReadonlySet<number>;
  /** Spreadsheet only: cells already reported as unreadable (an error value), by index. */
  unreadable?: ReadonlySet<number>;
}

export interface TableOptions {
  /** How to report a row with values beyond the header's last column; null treats them as a column without header. */
  tooWide: ((line: number, values: number, width: number) => string) | null;
  /** Spreadsheet only: problems name the cell ("C7"). */
  cellNames?: boolean;
}

export interface TableResult {
  rows: RawRow[];
  columns: ReadonlySet<RegisterColumn>;
}

/**
 * The rows of a table whose first non-empty row is the header: the same rules for CSV and XLSX.
 * Rows whose cells are all empty are skipped; a column without a header must hold no values.
 */
export function readTable(
  records: readonly TableRecord[],
  problems: ProblemList,
  options: TableOptions,
): TableResult {
  const nonEmpty = records.filter(({ cells }) => cells.some((cell) => cell !== ''));
  const [headerRecord, ...dataRecords] = nonEmpty;
  if (headerRecord === undefined) {
    if (problems.length === 0) problems.push(problem(null, null, emptyFileMessage));
    return { rows: [], columns: new Set() };
  }

  const header = checkHeader(headerRecord.cells, headerRecord.line);
  problems.push(...header.problems);
  if (!header.isHeader) return { rows: [], columns: new Set() };

  const width = headerRecord.cells.length;
  const unnamed = new Set(header.unnamed);
  const unnamedValues = new Map<number, number>();
  const rows: RawRow[] = [];
  for (const { line, cells, numeric, unreadable: unreadableCells } of dataRecords) {
    const extra = cells.slice(width).filter((cell) => cell !== '');
    if (extra.length > 0 && options.tooWide) {
      problems.push(problem(line, null, options.tooWide(line, cells.length, width)));
      continue;
    }
    const values = new Map<RegisterColumn, string>();
    const row: RawRow = { line, values };
    cells.forEach((cell, index) => {
      if (cell === '') return;
      const column = header.columns[index];
      if (column) {
        values.set(column, cell);
        if (options.cellNames) {
          row.cells ??= new Map();
          row.cells.set(column, `${columnLetter(index)}${line}`);
        }
        if (numeric?.has(index)) {
          row.numeric ??= new Set();
          (row.numeric as Set<RegisterColumn>).add(column);
        }
      } else if ((unnamed.has(index) || index >= width) && !unnamedValues.has(index)) {
        unnamedValues.set(index, line);
      }
    });
    const unreadable = new Set<RegisterColumn>();
    for (const index of unreadableCells ?? []) {
      const column = header.columns[index];
      if (column) unreadable.add(column);
    }
    if (unreadable.size > 0) row.unreadable = unreadable;
    rows.push(row);
  }

  for (const [index, line] of unnamedValues) {
    problems.push(
      problem(
        headerRecord.line,
        null,
        `kolumn ${columnLetter(index)} har ingen rubrik men innehåller värden (till exempel på rad ${line}); ` +
          'skriv kolumnens namn i rubrikraden eller ta bort kolumnen',
      ),
    );
  }
  return { rows, columns: new Set(header.columns.filter((c) => c !== null)) };
}

export const emptyFileMessage =
  'filen är tom. Första raden ska vara rubrikraden med kolumnernas namn, och varje följande rad en utförare';
