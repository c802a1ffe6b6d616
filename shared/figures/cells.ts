// The package's browser build: its Node build ('csv-parse/sync') needs Node's global Buffer.
import { type CsvError, type Info, parse } from 'csv-parse/browser/esm/sync';
import { problem, type RegisterProblem } from '../register/problem';
import { type Delimiter, sniffDelimiter } from '../register/sniff';

/**
 * One row of a table as cells of text, with the line of the file it starts on. This is what any tabular
 * reader hands on (CSV here; an XLSX reader gives the same: the sheet's row number as `line`), so the
 * figures format is checked the same way whatever the file was.
 */
export interface CellRow {
  line: number;
  cells: string[];
}

export interface CellTable {
  rows: CellRow[];
  problems: RegisterProblem[];
  delimiter: Delimiter | null;
}

interface CsvRecord {
  record: string[];
  info: Info;
  raw: string;
}

/**
 * CSV text (already decoded) as cell rows: the delimiter sniffed from the header as the register does,
 * cells trimmed, rows whose cells are all empty left out. A broken quote is a problem on the line where
 * it starts; the rest of the file cannot be read past it.
 *
 * This mirrors the register's CSV reading (shared/register/csv.ts, which keeps its records to itself):
 * the same parser options, line counting and messages.
 */
export function readCsvCells(input: string): CellTable {
  const text = input.replace(/\r\n?/g, '\n');
  const sniffed = sniffDelimiter(text);
  if (sniffed === '\t') {
    return {
      delimiter: null,
      rows: [],
      problems: [
        problem(
          null,
          null,
          'kolumnerna är åtskilda med tabbtecken; filen ska ha semikolon (;) eller komma (,) mellan kolumnerna. Spara filen som ”CSV UTF-8” i kalkylprogrammet',
        ),
      ],
    };
  }
  const delimiter = sniffed ?? ';';
  const problems: RegisterProblem[] = [];
  const rows = parseRecords(text, delimiter, problems)
    .map(({ record, info, raw }) => ({
      line: startLine(info.lines, raw),
      cells: record.map((cell) => cell.trim()),
    }))
    .filter(({ cells }) => cells.some((cell) => cell !== ''));
  return { delimiter, rows, problems };
}

function parseRecords(text: string, delimiter: Delimiter, problems: RegisterProblem[]): CsvRecord[] {
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
