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
 * Reads CSV text (already decoded) into raw rows, each with the line it starts on. Values are trimmed;
 * rows whose cells are all empty are skipped. The header is the first row that is not empty.
 */
export function readCsvRegister(input: string): ReadResult {
  // One line-break style, so that line numbers count the same way as a text editor does.
  const text = input.replace(/\r\n?/g, '\n');
  const sniffed = sniffDelimiter(text);
  if (sniffed === '\t') {
    return {
      delimiter: null,
      rows: [],
      columns: new Set(),
      problems: listOf(
        problem(
          null,
          null,
          'kolumnerna är åtskilda med tabbtecken; registret ska ha semikolon (;) eller komma (,) mellan kolumnerna. Spara filen som ”CSV UTF-8” i kalkylprogrammet',
        ),
      ),
    };
  }
  const delimiter = sniffed ?? ';';
  const problems = new ProblemList();
  const shielded = !/[\uFDDB\uFDDC]/.test(text);
  const records = parseRecords(shielded ? shield(text) : text, delimiter, problems).map((r) => ({
    ...r,
    record: r.record.map((cell) => withoutFormulaGuard(trimValue(shielded ? unshield(cell) : cell))),
  }));

  const table = readTable(
    records.map(({ record, info, raw }) => ({ line: startLine(info.lines, raw), cells: record })),
    problems,
    {
      tooWide: (_line, values, width) =>
        `raden har ${values} värden men rubrikraden har ${width} kolumner. ` +
        `Innehåller ett värde ${delimiterName(delimiter)}? Sätt då värdet inom citattecken ("…")`,
    },
  );
  return { delimiter, ...table, problems };
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

function listOf(...problems: RegisterProblem[]): ProblemList {
  const list = new ProblemList();
  list.push(...problems);
  return list;
}

function parseRecords(text: string, delimiter: Delimiter, problems: ProblemList): CsvRecord[] {
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
