/**
 * Limits on a spreadsheet before and while it is read, so that a small file cannot unpack into gigabytes
 * (a zip bomb) or a sheet into millions of cells. A real register is a few hundred rows of 20 columns:
 * about 20 kB packed, well under a megabyte unpacked.
 */
export const XLSX_LIMITS = {
  /** The file as uploaded. */
  compressedBytes: 10 * 1024 * 1024,
  /** Entries in the zip's directory. */
  entries: 10_000,
  /** One part (a sheet, the shared strings) unpacked. */
  partBytes: 50 * 1024 * 1024,
  /** Every part read, unpacked, together. */
  totalBytes: 100 * 1024 * 1024,
  /** Rows of the sheet, counted by their row numbers. */
  rows: 20_000,
  /** Columns, counted by letter: A-CV. */
  columns: 100,
  /** Cells with a value. */
  cells: 500_000,
  /** Entries in the shared strings table. */
  sharedStrings: 500_000,
};

export type SpreadsheetLimits = typeof XLSX_LIMITS;

/** A limit was reached: the message is for the editor, in Swedish. */
export class SpreadsheetLimitError extends Error {}

/** The file is not a spreadsheet the reader can open (broken, encrypted, another kind of zip). */
export class SpreadsheetFormatError extends Error {}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
