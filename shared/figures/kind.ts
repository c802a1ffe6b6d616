import { foldName } from '../register/columns';
import { readCsvCells } from '../register/csv';
import { decodeRegister } from '../register/decode';
import { REGISTER_FORMAT } from '../register/json';
import { sniffFormat } from '../register/sniff';
import { FIGURES_FORMAT } from './json';

/** The two open formats a huvudman can send: its register of units, or figures about them. */
export type FileKind = 'register' | 'figures';

/**
 * Which format a header row belongs to, from its column names (case and accents ignored): `indikator`
 * and `varde` make it figures, `namn` with `regi` or `tjanst` a register. Null when it is neither, so the
 * caller can say what a header should hold. Pure; for the CLI and the admin route to pick the reader.
 */
export function fileKind(headerCells: readonly string[]): FileKind | null {
  const names = new Set(headerCells.map(foldName));
  if (names.has('indikator') && names.has('varde')) return 'figures';
  if (names.has('namn') && (names.has('regi') || names.has('tjanst'))) return 'register';
  return null;
}

/**
 * The kind of a whole file (bytes or text): JSON by its `format`, CSV by its first non-empty row. Null
 * for anything else, including bytes that are not UTF-8 text (a spreadsheet reader then gives the header
 * cells to fileKind; the reader of the chosen kind explains an unreadable file).
 */
export function detectFileKind(input: Uint8Array | string): FileKind | null {
  const decoded = decodeRegister(input);
  if (!decoded.ok) return null;
  if (sniffFormat(decoded.text) === 'json') {
    try {
      const format = (JSON.parse(decoded.text) as { format?: unknown } | null)?.format;
      if (format === FIGURES_FORMAT) return 'figures';
      if (format === REGISTER_FORMAT) return 'register';
    } catch {
      return null;
    }
    return null;
  }
  const header = readCsvCells(firstLines(decoded.text)).rows[0];
  return header ? fileKind(header.cells) : null;
}

/** The header is on one of the first lines; reading only those keeps detection cheap on a large file. */
function firstLines(text: string): string {
  const lines = text.split(/\r\n|\r|\n/, 20);
  return lines.join('\n');
}
