import { FIGURE_COLUMNS, type FigureColumn } from './columns';

/** One row of a figures file as its columns say it; empty, null and undefined all mean an empty cell. */
export type FigureFileRow = Partial<Record<FigureColumn, string | number | null>> &
  Pick<
    Record<FigureColumn, string | number>,
    'huvudman' | 'tjanst' | 'indikator' | 'period' | 'kalla' | 'kalla_url' | 'publicerad'
  >;

export interface WriteOptions {
  /** ";" (default, as Excel writes in Sweden: numbers with a decimal comma) or "," (numbers with a point). */
  delimiter?: ';' | ',';
  /** A UTF-8 byte order mark first, so Excel opens å, ä, ö right. Default true. */
  bom?: boolean;
}

/**
 * Writes rows as a figures CSV file (every column, in the documented order, CRLF line ends), so adapters
 * produce exactly what an editor would. What it writes reads back with parseFigures as the same figures.
 */
export function formatFiguresCsv(rows: readonly FigureFileRow[], options: WriteOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const cell = (value: string | number | null | undefined): string => {
    if (value === null || value === undefined) return '';
    const text = typeof value === 'number' ? formatNumber(value, delimiter) : value;
    const quote = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
    return quote ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [
    FIGURE_COLUMNS.join(delimiter),
    ...rows.map((row) => FIGURE_COLUMNS.map((column) => cell(row[column])).join(delimiter)),
  ];
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/** Plain decimal notation (never 1e-7), with a comma in a semicolon file. */
function formatNumber(value: number, delimiter: ';' | ','): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = Math.abs(value) < 1e-6 && value !== 0 ? value.toFixed(12).replace(/0+$/, '') : String(value);
  return delimiter === ';' ? text.replace('.', ',') : text;
}
