import { problem, type RegisterProblem } from './problem';

export type DecodeResult = { ok: true; text: string } | { ok: false; problems: RegisterProblem[] };

const SAVE_AS_UTF8 =
  'Spara filen som ”CSV UTF-8” och läs in den igen: i Excel Arkiv > Spara som > ”CSV UTF-8 (kommaavgränsad)”; ' +
  'i LibreOffice Spara som > Text CSV och teckenuppsättning ”Unicode (UTF-8)”; ' +
  'Google Kalkylark sparar alltid UTF-8 (Arkiv > Ladda ned > CSV).';

/**
 * Turns the file's bytes into text. Only UTF-8 (with or without BOM) is accepted; anything else gets a
 * problem that names the likely encoding, because guessing would silently turn å, ä, ö into other letters.
 */
export function decodeRegister(input: Uint8Array | string): DecodeResult {
  if (typeof input === 'string') return checkText(input.replace(/^\uFEFF/, ''));

  const other = otherFileKind(input);
  if (other !== null) {
    return fail(null, `filen är ${other}, inte en CSV-fil. ${SAVE_AS_UTF8}`);
  }
  const utf16 = utf16Kind(input);
  if (utf16 !== null) {
    return fail(null, `filen är sparad som ${utf16}, men registret ska vara UTF-8. ${SAVE_AS_UTF8}`);
  }

  const bytes = hasUtf8Bom(input) ? input.subarray(3) : input;
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt !== null) {
    const encoding = bytes.some((byte) => byte >= 0x80 && byte <= 0x9f)
      ? 'Windows-1252 (det som Excel på svenska Windows skriver när man väljer ”CSV (semikolonavgränsad)”)'
      : 'ISO-8859-1 (Latin-1)';
    return fail(
      lineAt(bytes, invalidAt),
      `filen är inte sparad som UTF-8 utan troligen som ${encoding}; här är första tecknet som inte kan läsas. ${SAVE_AS_UTF8}`,
    );
  }
  return checkText(new TextDecoder('utf-8').decode(bytes));
}

/** U+FFFD in decoded text means å, ä, ö were already lost when the file was saved with the wrong encoding. */
function checkText(text: string): DecodeResult {
  const broken = text.indexOf('\uFFFD');
  if (broken === -1) return { ok: true, text };
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

function otherFileKind(bytes: Uint8Array): string | null {
  const startsWith = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) return 'en kalkylbladsfil (.xlsx eller .ods)';
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0)) return 'en kalkylbladsfil (.xls)';
  if (startsWith(0x25, 0x50, 0x44, 0x46)) return 'en PDF-fil';
  return null;
}

/** UTF-16 by its byte order mark, or by the NUL bytes that ASCII letters get in UTF-16 without one. */
function utf16Kind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 LE (”Unicode-text” i Excel)';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 BE';
  const sample = bytes.subarray(0, 1024);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs === 0) return null;
  if (oddNuls > pairs / 4 && oddNuls > evenNuls * 4) return 'UTF-16 LE (”Unicode-text” i Excel)';
  if (evenNuls > pairs / 4 && evenNuls > oddNuls * 4) return 'UTF-16 BE';
  return null;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or null if all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let codePoint = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return null;
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as line breaks. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}
