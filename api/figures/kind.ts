import { detectFileKind, type FileKind, fileKind } from '../../shared/figures';
import { REGISTER_SHEET, readXlsxCells } from '../../shared/register';
import { FIGURES_SHEET, isZip } from './read';

/**
 * Which of the two open formats a file is, from its header (an XLSX workbook's from the register's or the
 * figures' sheet, else its first): null when it is neither, and the register's reader then says what a
 * register's header should hold.
 */
export function kindOfFile(bytes: Uint8Array): FileKind | null {
  if (!isZip(bytes)) return detectFileKind(bytes);
  const cells = readXlsxCells(bytes, [FIGURES_SHEET, REGISTER_SHEET]);
  const header = cells.rows[0];
  return header ? fileKind(header.cells) : null;
}
