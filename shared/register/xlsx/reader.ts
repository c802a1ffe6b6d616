import { trimValue } from '../cell-rules';
import { columnLetter, foldName } from '../columns';
import { ProblemList, problem, type RegisterProblem } from '../problem';
import { readTable, type TableRecord } from '../table';
import type { ReadResult } from '../types';
import { SpreadsheetFormatError, SpreadsheetLimitError, type SpreadsheetLimits, XLSX_LIMITS } from './limits';
import { type CellFormat, cellFormat, formatNumber, general } from './number-format';
import { readXml } from './xml';
import { ZipReader } from './zip';

/** The sheet read when a workbook has it; otherwise the first sheet. */
export const REGISTER_SHEET = 'Utförare';

/**
 * Reads the register from an XLSX workbook: the sheet named "Utförare" or else the first, header in its
 * first non-empty row, every cell as the spreadsheet shows it (see number-format.ts). A problem's line
 * is the row number and names the cell ("C7"). Limits (limits.ts) guard against zip bombs and huge
 * sheets; a file that is not an XLSX workbook gets a message saying what it is.
 */
export function readXlsxRegister(bytes: Uint8Array, limits: SpreadsheetLimits = XLSX_LIMITS): ReadResult {
  const problems = new ProblemList();
  const read = readWorkbookRecords(bytes, [REGISTER_SHEET], problems, limits);
  if (read === null) return { rows: [], columns: new Set(), problems, delimiter: null, sheet: null };
  const table = readTable(read.records, problems, { tooWide: null, cellNames: true });
  return { ...table, problems, delimiter: null, sheet: read.sheet };
}

export interface XlsxCells {
  /** The sheet read; null when the workbook could not be read. */
  sheet: string | null;
  /** Its rows with a value, `line` the row number; cells as the spreadsheet shows them. */
  rows: { line: number; cells: string[] }[];
  problems: RegisterProblem[];
}

/**
 * The cells of one sheet of an XLSX workbook, for a format other than the register (the figures format
 * reads them with parseFigureTable): the first of `sheetNames` the workbook has (case and accents
 * ignored), or else its first sheet; the same limits, cell display and messages as the register's.
 */
export function readXlsxCells(
  bytes: Uint8Array,
  sheetNames: readonly string[] = [],
  limits: SpreadsheetLimits = XLSX_LIMITS,
): XlsxCells {
  const problems = new ProblemList();
  const read = readWorkbookRecords(bytes, sheetNames, problems, limits);
  const rows = (read?.records ?? []).map(({ line, cells }) => ({ line, cells: [...cells] }));
  return { sheet: read?.sheet ?? null, rows, problems: problems.listed() };
}

/** The chosen sheet's records, or null (with the reason in `problems`) when the workbook cannot be read. */
function readWorkbookRecords(
  bytes: Uint8Array,
  sheetNames: readonly string[],
  problems: ProblemList,
  limits: SpreadsheetLimits,
): { records: TableRecord[]; sheet: string } | null {
  try {
    const zip = new ZipReader(bytes, limits);
    const notWorkbook = otherZipKind(zip);
    if (notWorkbook !== null) {
      problems.push(problem(null, null, notWorkbook));
      return null;
    }
    const workbook = readWorkbook(zip, sheetNames, limits);
    return { records: readSheet(zip, workbook, problems, limits), sheet: workbook.sheet.name };
  } catch (error) {
    if (error instanceof SpreadsheetLimitError || error instanceof SpreadsheetFormatError) {
      problems.push(problem(null, null, error.message));
      return null;
    }
    throw error;
  }
}

function otherZipKind(zip: ZipReader): string | null {
  if (zip.has('xl/workbook.xml')) return null;
  const mimetype = zip.has('mimetype')
    ? new TextDecoder().decode(zip.read('mimetype') ?? new Uint8Array())
    : '';
  if (mimetype.includes('opendocument.spreadsheet')) {
    return 'filen är ett OpenDocument-kalkylblad (.ods); spara den som Excel-arbetsbok (.xlsx) eller som ”CSV UTF-8” och läs in den igen';
  }
  if (zip.has('word/document.xml')) return 'filen är ett Word-dokument, inte ett register';
  return 'filen är ett zip-arkiv men ingen Excel-arbetsbok (.xlsx); packa upp den, eller spara registret som .xlsx eller ”CSV UTF-8”';
}

interface Workbook {
  sheet: { name: string; path: string };
  date1904: boolean;
  sharedStrings: string[];
  formats: CellFormat[];
}

const decoder = new TextDecoder('utf-8');
const text = (zip: ZipReader, path: string): string | null => {
  const bytes = zip.read(path);
  return bytes === null ? null : decoder.decode(bytes);
};

function readWorkbook(zip: ZipReader, sheetNames: readonly string[], limits: SpreadsheetLimits): Workbook {
  const sheets: { name: string; id: string }[] = [];
  let date1904 = false;
  readXml(text(zip, 'xl/workbook.xml') ?? '', {
    open(name, a) {
      if (name === 'sheet' && a.name !== undefined && a.id !== undefined)
        sheets.push({ name: a.name, id: a.id });
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  const targets = new Map<string, { target: string; type: string }>();
  readXml(text(zip, 'xl/_rels/workbook.xml.rels') ?? '', {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target)
        targets.set(a.Id, { target: a.Target, type: a.Type ?? '' });
    },
  });
  const preferred = sheetNames.map(foldName);
  const chosen =
    preferred.map((name) => sheets.find((s) => foldName(s.name) === name)).find((s) => s !== undefined) ??
    sheets[0];
  const target = chosen && targets.get(chosen.id)?.target;
  if (!chosen || !target) throw new SpreadsheetFormatError('arbetsboken har inget kalkylblad som kan läsas');
  const sharedTarget = [...targets.values()].find((t) => t.type.endsWith('/sharedStrings'))?.target;
  const stylesTarget = [...targets.values()].find((t) => t.type.endsWith('/styles'))?.target;
  return {
    sheet: { name: chosen.name, path: partPath(target) },
    date1904,
    sharedStrings: readSharedStrings(text(zip, partPath(sharedTarget ?? 'sharedStrings.xml')), limits),
    formats: readFormats(text(zip, partPath(stylesTarget ?? 'styles.xml'))),
  };
}

/** A relationship target, relative to xl/ unless it starts with "/". */
function partPath(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

function readSharedStrings(xml: string | null, { sharedStrings: max }: SpreadsheetLimits): string[] {
  const strings: string[] = [];
  if (xml === null) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  readXml(xml, {
    open(name) {
      if (name === 'si') {
        current = '';
        if (strings.length >= max) {
          throw new SpreadsheetLimitError(
            `arbetsboken har fler än ${max} olika texter; ett register har mycket färre`,
          );
        }
      } else if (name === 't') inText = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      } else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
    },
    text(t) {
      if (inText && phonetic === 0 && current !== null) current += t;
    },
  });
  return strings;
}

/** The number format of every cell style (the `s` attribute of a cell indexes this list). */
function readFormats(xml: string | null): CellFormat[] {
  if (xml === null) return [];
  const codes = new Map<number, string>();
  const formats: CellFormat[] = [];
  let inCellXfs = false;
  readXml(xml, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        formats.push(cellFormat(id, codes.get(id)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats;
}

/** "C7" -> 2 (0-based column); null when the reference has no letters. */
function columnIndex(reference: string): number | null {
  const letters = /^([A-Z]+)/i.exec(reference)?.[1];
  if (!letters) return null;
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

function readSheet(
  zip: ZipReader,
  workbook: Workbook,
  problems: ProblemList,
  limits: SpreadsheetLimits,
): TableRecord[] {
  const xml = text(zip, workbook.sheet.path);
  if (xml === null) throw new SpreadsheetFormatError(`kalkylbladet ”${workbook.sheet.name}” saknas i filen`);
  const records: TableRecord[] = [];
  let row: { line: number; cells: string[]; numeric: Set<number>; unreadable: Set<number> } | null = null;
  let rowNumber = 0;
  let cell: { index: number; type: string; style: number } | null = null;
  let column = -1;
  let value = '';
  let inline = '';
  let inValue = false;
  let inInlineText = false;
  let cellCount = 0;

  const finishCell = () => {
    if (row === null || cell === null) return;
    const shown = cellText(cell, value, inline, workbook);
    if (shown.text === '') return;
    if (rowNumber > limits.rows) {
      throw new SpreadsheetLimitError(
        `kalkylbladet har värden på rad ${rowNumber}; högst ${limits.rows} rader läses`,
      );
    }
    if (cell.index >= limits.columns) {
      throw new SpreadsheetLimitError(
        `kalkylbladet har värden i kolumn ${columnLetter(cell.index)}; högst ${limits.columns} kolumner läses`,
      );
    }
    if (++cellCount > limits.cells) {
      throw new SpreadsheetLimitError(
        `kalkylbladet har fler än ${limits.cells} ifyllda celler; ett register har mycket färre`,
      );
    }
    if (shown.error) {
      problems.push({
        line: rowNumber,
        column: null,
        cell: cellName(cell.index, rowNumber),
        value: shown.text,
        message: `cellen visar felet ${shown.text} (en formel som inte kan räknas ut); skriv in värdet i stället`,
      });
      row.unreadable.add(cell.index);
      return;
    }
    while (row.cells.length < cell.index) row.cells.push('');
    row.cells[cell.index] = trimValue(shown.text);
    if (shown.numeric) row.numeric.add(cell.index);
  };

  readXml(xml, {
    open(name, a, selfClosing) {
      if (name === 'row') {
        rowNumber = a.r !== undefined ? Number(a.r) : rowNumber + 1;
        if (!Number.isInteger(rowNumber) || rowNumber < 1)
          throw new SpreadsheetFormatError('kalkylbladet har ett ogiltigt radnummer');
        row = { line: rowNumber, cells: [], numeric: new Set(), unreadable: new Set() };
        column = -1;
      } else if (name === 'c' && row !== null) {
        column = (a.r !== undefined ? columnIndex(a.r) : null) ?? column + 1;
        cell = { index: column, type: a.t ?? 'n', style: Number(a.s ?? 0) };
        value = '';
        inline = '';
        if (selfClosing) cell = null;
      } else if (name === 'v') inValue = true;
      else if (name === 't' && cell !== null) inInlineText = true;
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 't') inInlineText = false;
      else if (name === 'c') {
        finishCell();
        cell = null;
      } else if (name === 'row' && row !== null) {
        if (row.cells.length > 0 || row.unreadable.size > 0) records.push(row);
        row = null;
      }
    },
    text(t) {
      if (inValue) value += t;
      else if (inInlineText) inline += t;
    },
  });
  return records;
}

function cellName(index: number, row: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

function cellText(
  cell: { type: string; style: number },
  value: string,
  inline: string,
  workbook: Workbook,
): { text: string; numeric?: boolean; error?: boolean } {
  switch (cell.type) {
    case 's': {
      const shared = workbook.sharedStrings[Number(value)];
      if (shared === undefined)
        throw new SpreadsheetFormatError('kalkylbladet hänvisar till en text som saknas i filen');
      return { text: shared };
    }
    case 'inlineStr':
      return { text: inline };
    case 'str':
      return { text: value };
    case 'b':
      return { text: value === '' ? '' : value === '1' || value === 'true' ? 'ja' : 'nej' };
    case 'e':
      return { text: value, error: true };
    case 'd':
      return { text: value.slice(0, 10) };
    default: {
      if (value.trim() === '') return { text: '' };
      const number = Number(value);
      if (!Number.isFinite(number)) return { text: value };
      const format = workbook.formats[cell.style] ?? { kind: 'general' };
      return {
        text: format.kind === 'general' ? general(number) : formatNumber(number, format, workbook.date1904),
        numeric: true,
      };
    }
  }
}
