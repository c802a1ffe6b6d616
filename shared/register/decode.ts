import { problem, type RegisterProblem } from './problem';
import { decodeWindows1252, firstUndefinedByte, implausibleTextAt, singleByteEncoding } from './windows-1252';

/** The text encodings a register file is read in. The result of parseRegister says which one it was. */
export type RegisterEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-1' | 'utf-16le' | 'utf-16be';

export type DecodeResult =
  | { ok: true; text: string; encoding: RegisterEncoding | null }
  | { ok: false; problems: RegisterProblem[] };

export const SAVE_AS_UTF8 =
  'Spara filen som ”CSV UTF-8” och läs in den igen: i Excel Arkiv > Spara som > ”CSV UTF-8 (kommaavgränsad)”; ' +
  'i LibreOffice Spara som > Text CSV och teckenuppsättning ”Unicode (UTF-8)”; ' +
  'Google Kalkylark sparar alltid UTF-8 (Arkiv > Ladda ned > CSV).';

/**
 * Turns a text file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a byte order mark, or,
 * when the bytes are not UTF-8, Windows-1252 / ISO-8859-1 if the result reads as text in a Latin script
 * (see windows-1252.ts). Anything else gets a problem that names what the file seems to be.
 * A string is taken as already decoded (encoding null).
 */
export function decodeRegister(input: Uint8Array | string): DecodeResult {
  if (typeof input === 'string') return checkText(input.replace(/^\uFEFF/, ''), null);

  const wide = wideEncoding(input);
  if (wide === 'utf-16le' || wide === 'utf-16be') return decodeUtf16(input.subarray(2), wide);
  if (wide !== null)
    return fail(null, `filen är sparad som ${wide}, men registret ska vara UTF-8. ${SAVE_AS_UTF8}`);

  const binaryAt = controlBytesAt(input);
  if (binaryAt !== null) {
    return fail(
      null,
      'filen ser inte ut som en textfil (den innehåller många osynliga styrtecken); registret ska vara en CSV-, ' +
        `JSON- eller XLSX-fil. ${SAVE_AS_UTF8}`,
    );
  }

  const bytes = hasUtf8Bom(input) ? input.subarray(3) : input;
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt === null) return checkText(new TextDecoder('utf-8').decode(bytes), 'utf-8');
  return decodeSingleByte(bytes, invalidAt);
}

function decodeSingleByte(bytes: Uint8Array, invalidAt: number): DecodeResult {
  if (countUtf8Sequences(bytes) >= 2) {
    return fail(
      lineAt(bytes, invalidAt),
      'filen är en blandning av UTF-8 och en annan teckenkodning (troligen har delar kopierats in från olika ' +
        `program); här är första tecknet som inte är UTF-8. Kontrollera å, ä och ö i kalkylprogrammet. ${SAVE_AS_UTF8}`,
    );
  }
  const notText = (offset: number) =>
    fail(
      lineAt(bytes, offset),
      'filen är varken UTF-8 eller Windows-1252/ISO-8859-1 (kanske en äldre DOS- eller Mac-teckenkodning), så ' +
        `bokstäverna kan inte läsas säkert; här är första tecknet som inte går att tolka. ${SAVE_AS_UTF8}`,
    );
  const undefinedAt = firstUndefinedByte(bytes);
  if (undefinedAt !== null) return notText(undefinedAt);
  const text = decodeWindows1252(bytes);
  const implausible = implausibleTextAt(text);
  // One character per byte, so the text offset is the byte offset.
  if (implausible !== null) return notText(implausible);
  return checkText(text, singleByteEncoding(bytes));
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  const even = bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1);
  const little = encoding === 'utf-16le' ? even : swapPairs(even);
  try {
    const text = new TextDecoder('utf-16le', { fatal: true }).decode(little);
    if (even !== bytes) throw new Error('odd length');
    return checkText(text, encoding);
  } catch {
    return fail(
      null,
      `filen börjar som UTF-16 men är trasig (ofullständiga tecken, troligen avkortad); spara den igen. ${SAVE_AS_UTF8}`,
    );
  }
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return swapped;
}

/** U+FFFD in decoded text means å, ä, ö were already lost when the file was saved with the wrong encoding. */
function checkText(text: string, encoding: RegisterEncoding | null): DecodeResult {
  const broken = text.indexOf('\uFFFD');
  if (broken === -1) return { ok: true, text, encoding };
  const line = text.slice(0, broken).split(/\r\n|\r|\n/).length;
  return fail(
    line,
    'texten innehåller tecknet �, som betyder att bokstäver (oftast å, ä, ö) har förstörts när filen sparades ' +
      `eller lästes med fel teckenkodning. Rätta bokstäverna i kalkylprogrammet. ${SAVE_AS_UTF8}`,
  );
}

function fail(line: number | null, message: string): DecodeResult {
  return { ok: false, problems: [problem(line, null, message)] };
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * UTF-16 or UTF-32, by the byte order mark or, without one, by the NUL bytes that ASCII letters get in
 * them. 'utf-16le' / 'utf-16be' only with a BOM (those are decoded); otherwise a description to report.
 */
function wideEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | string | null {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32 LE';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32 BE';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';

  const sample = bytes.subarray(0, 1024);
  const nuls = [0, 0, 0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) nuls[i % 4]!++;
  const quads = Math.floor(sample.length / 4);
  if (quads === 0) return null;
  const mostly = (n: number) => n > quads * 0.75;
  const rarely = (n: number) => n < quads * 0.25;
  if (rarely(nuls[0]!) && mostly(nuls[1]!) && mostly(nuls[2]!) && mostly(nuls[3]!)) return 'UTF-32 LE';
  if (mostly(nuls[0]!) && mostly(nuls[1]!) && mostly(nuls[2]!) && rarely(nuls[3]!)) return 'UTF-32 BE';
  const even = nuls[0]! + nuls[2]!;
  const odd = nuls[1]! + nuls[3]!;
  const pairs = quads * 2;
  if (odd > pairs / 4 && odd > even * 4) return 'UTF-16 LE utan byteordningsmärke (BOM)';
  if (even > pairs / 4 && even > odd * 4) return 'UTF-16 BE utan byteordningsmärke (BOM)';
  return null;
}

/** A byte offset when control bytes (other than tab, line feed, carriage return) make up over 2 % of the file. */
function controlBytesAt(bytes: Uint8Array): number | null {
  let count = 0;
  let first: number | null = null;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) {
      count++;
      first ??= i;
    }
  }
  return count > Math.max(2, bytes.length * 0.02) ? first : null;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or null if all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceAt(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return null;
}

/** How many well-formed multi-byte UTF-8 sequences the bytes hold (skipping bytes that are not UTF-8). */
function countUtf8Sequences(bytes: Uint8Array): number {
  let count = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceAt(bytes, i);
    if (length > 1) count++;
    i += Math.max(1, length);
  }
  return count;
}

/** The length of the well-formed UTF-8 sequence starting at `i`, or 0 if none starts there. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  let length: number;
  let min: number;
  if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
  else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
  else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
  else return 0;
  let codePoint = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const next = bytes[i + k];
    if (next === undefined || (next & 0xc0) !== 0x80) return 0;
    codePoint = (codePoint << 6) | (next & 0x3f);
  }
  if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return 0;
  return length;
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as line breaks. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}
