import { type FiguresParseResult, parseFigures, parseFigureTable } from '../../shared/figures';
import { readXlsxCells } from '../../shared/register';
import { sortProblems } from '../../shared/register/problem';

/** The sheet a figures workbook is read from when it has one; otherwise its first sheet. */
export const FIGURES_SHEET = 'Indikatorvärden';

export type FiguresFormat = 'csv' | 'json' | 'xlsx';

export interface FiguresFileInfo {
  format: FiguresFormat | null;
  /** The sheet read, for XLSX. */
  sheet: string | null;
}

/** An XLSX file is a zip archive: it starts with "PK\x03\x04". */
export function isZip(bytes: Uint8Array | string): boolean {
  return (
    typeof bytes !== 'string' &&
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

/**
 * Reads and checks a whole figures file, CSV, JSON or XLSX (the register's XLSX reader gives the sheet's
 * cells, parseFigureTable checks them the same way as a CSV file's). `format` as the caller knows it (a
 * file name, a media type); sniffed from the content when not given.
 */
export function readFiguresFile(
  input: Uint8Array | string,
  options: { format?: FiguresFormat; today: string },
): FiguresParseResult & { file: FiguresFileInfo } {
  const format = options.format ?? (isZip(input) ? 'xlsx' : undefined);
  if (format === 'xlsx') {
    const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
    const cells = readXlsxCells(bytes, [FIGURES_SHEET]);
    const file = { format: 'xlsx' as const, sheet: cells.sheet };
    if (cells.problems.length > 0 && cells.rows.length === 0)
      return { ok: false, problems: cells.problems, file };
    const parsed = parseFigureTable(cells.rows, { today: options.today });
    if (cells.problems.length === 0) return { ...parsed, file };
    const problems = sortProblems([...cells.problems, ...(parsed.ok ? [] : parsed.problems)]);
    return { ok: false, problems, file };
  }
  const parsed = parseFigures(input, { format, today: options.today });
  return {
    ...parsed,
    file: { format: parsed.ok ? (parsed.format as FiguresFormat) : (format ?? null), sheet: null },
  };
}
