// The package's browser build: its Node build ('csv-parse/sync') needs Node's global Buffer.
import { type CsvError, type Info, parse } from 'csv-parse/browser/esm/sync';
import { trimValue } from './cell-rules';
import { ProblemList, problem, type RegisterProblem } from './problem';
import { type Delimiter, sniffDelimiter } from './sniff';
import { readTable } from './table';
import type { ReadResult } from './types';

interface CsvRecord {
  record: string[];
  info: Info;
  raw: string;
}

/**
 * One row of a table as cells of text, with the line of the file it starts on. This is what any tabular
 * reader hands on (CSV here; the XLSX reader gives the same, the sheet's row number as `line`), so a
 * format is checked the same way whatever the file was.
 */
export interface CellRow {
  line: number;
  cells: string[];
}

export interface CsvCells {
  /** Null when the file cannot be read as CSV at all (tab-separated). */
  delimiter: Delimiter | null;
  /** Rows whose cells are all empty are left out. */
  rows: CellRow[];
  problems: RegisterProblem[];
}

/** Where problems go: an array, or a ProblemList that keeps only the first few hundred. */
type ProblemSink = { push(...problems: RegisterProblem[]): unknown };

/**
 * CSV text (already decoded) as cell rows, the one CSV reading of both open formats (the register and
 * the figures): the delimiter sniffed from the header, cells trimmed, an export's formula guard dropped,
 * rows whose cells are all empty left out, each row with the line it starts on as a text editor counts
 * lines. A broken quote is a problem on the line where it starts; the rest of the file cannot be read.
 */
export function readCsvCells(input: string): CsvCells {
  const problems: RegisterProblem[] = [];
  const { delimiter, rows } = readCells(input, problems);
  return { delimiter, rows, problems };
}

/** Reads CSV text (already decoded) into raw register rows, each with the line it starts on. */
export function readCsvRegister(input: string): ReadResult {
  const problems = new ProblemList();
  const { delimiter, rows } = readCells(input, problems);
  if (delimiter === null) return { delimiter, rows: [], columns: new Set(), problems };
  const table = readTable(rows, problems, {
    tooWide: (_line, values, width) =>
      `raden har ${values} värden men rubrikraden har ${width} kolumner. ` +
      `Innehåller ett värde ${delimiterName(delimiter)}? Sätt då värdet inom citattecken ("…")`,
  });
  return { delimiter, ...table, problems };
}

function readCells(input: string, problems: ProblemSink): { delimiter: Delimiter | null; rows: CellRow[] } {
  // One line-break style, so that line numbers count the same way as a text editor does.
  const text = input.replace(/\r\n?/g, '\n');
  const sniffed = sniffDelimiter(text);
  if (sniffed === '\t') {
    problems.push(
      problem(
        null,
        null,
        'kolumnerna är åtskilda med tabbtecken; filen ska ha semikolon (;) eller komma (,) mellan kolumnerna. Spara filen som ”CSV UTF-8” i kalkylprogrammet',
      ),
    );
    return { delimiter: null, rows: [] };
  }
  const delimiter = sniffed ?? ';';
  const shielded = !/[\uFDDB\uFDDC]/.test(text);
  const rows = parseRecords(shielded ? shield(text) : text, delimiter, problems)
    .map(({ record, info, raw }) => ({
      line: startLine(info.lines, raw),
      cells: record.map((cell) => withoutFormulaGuard(trimValue(shielded ? unshield(cell) : cell))),
    }))
    .filter(({ cells }) => cells.some((cell) => cell !== ''));
  return { delimiter, rows };
}

/**
 * csv-parse trims U+000B and U+000C as white space, which would hide them from the check that refuses
 * control characters; they pass the parser as two noncharacters (U+FDDB, U+FDDC) and come back after it.
 * A text that already holds one of those is not shielded: the noncharacter itself is refused.
 */
function shield(text: string): string {
  return text.replace(/[\v\f]/g, (c) => (c === '\v' ? '\uFDDB' : '\uFDDC'));
}

function unshield(cell: string): string {
  return cell.replace(/[\uFDDB\uFDDC]/g, (c) => (c === '\uFDDB' ? '\v' : '\f'));
}

/**
 * A CSV export for Excel puts ' before text that a spreadsheet would run as a formula (=, +, -, @; see
 * api/export/csv.ts). That ' is protection, not data: it is dropped, so an exported register reads
 * back unchanged ('+46 11 15 00 00 is the phone number +46 11 15 00 00).
 */
function withoutFormulaGuard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function parseRecords(text: string, delimiter: Delimiter, problems: ProblemSink): CsvRecord[] {
  try {
    return parse(text, {
      delimiter,
      record_delimiter: '\n',
      quote: '"',
      escape: '"',
      bom: false,
      info: true,
      raw: true,
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error, raw) => {
        problems.push(syntaxProblem(error, raw));
        return undefined;
      },
    }) as unknown as CsvRecord[];
  } catch (error) {
    problems.push(syntaxProblem(error as CsvError, undefined));
    return [];
  }
}

/** csv-parse counts the line a record ends on, and its raw text starts with any blank lines skipped before it. */
function startLine(endLine: number, raw: string | undefined): number {
  if (raw === undefined) return endLine;
  const own = raw.replace(/^(?:[ \t]*\n)+/, '').replace(/\n$/, '');
  return endLine - (own.match(/\n/g)?.length ?? 0);
}

function syntaxProblem(error: CsvError | undefined, raw: string | undefined): RegisterProblem {
  const line = typeof error?.lines === 'number' ? startLine(error.lines, raw) : null;
  const rest = 'så resten av filen från den här raden kan inte läsas';
  switch (error?.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return problem(
        line,
        null,
        `ett citattecken (") öppnas på den här raden men stängs aldrig, ${rest}. ` +
          'Sätt ett citattecken efter värdet, eller ta bort det inledande citattecknet',
      );
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return problem(
        line,
        null,
        `ett värde inom citattecken följs av fler tecken före nästa avgränsare, ${rest}. ` +
          'Sätt hela värdet inom citattecken och skriv citattecken inuti värdet som två ("")',
      );
    default:
      return problem(line, null, `raden kunde inte läsas som CSV (${error?.code ?? 'okänt fel'}), ${rest}`);
  }
}

function delimiterName(delimiter: Delimiter): string {
  return delimiter === ';' ? 'ett semikolon (;)' : 'ett komma (,)';
}
