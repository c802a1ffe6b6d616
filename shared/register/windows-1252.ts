/**
 * Windows-1252, the "ANSI" code page Excel on a Swedish Windows machine writes for "CSV
 * (semikolonavgränsad)", and ISO-8859-1 (Latin-1), which it extends: both read the same except for the
 * bytes 0x80-0x9F, which Windows-1252 uses for – — ’ “ ” € … and Latin-1 leaves as control codes.
 * Decoded here from the table, so that the result does not depend on the runtime's ICU data.
 */

/** Windows-1252's characters for the bytes 0x80-0x9F; null where the code page defines none. */
const HIGH_CONTROLS: (string | null)[] = [
  '€',
  null,
  '‚',
  'ƒ',
  '„',
  '…',
  '†',
  '‡',
  'ˆ',
  '‰',
  'Š',
  '‹',
  'Œ',
  null,
  'Ž',
  null,
  null,
  '‘',
  '’',
  '“',
  '”',
  '•',
  '–',
  '—',
  '˜',
  '™',
  'š',
  '›',
  'œ',
  null,
  'ž',
  'Ÿ',
];

export type SingleByteEncoding = 'windows-1252' | 'iso-8859-1';

/** Windows-1252 when any byte 0x80-0x9F is used (Latin-1 has only control codes there), else ISO-8859-1. */
export function singleByteEncoding(bytes: Uint8Array): SingleByteEncoding {
  return bytes.some((byte) => byte >= 0x80 && byte <= 0x9f) ? 'windows-1252' : 'iso-8859-1';
}

/** The byte offset of the first byte Windows-1252 does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D), or null. */
export function firstUndefinedByte(bytes: Uint8Array): number | null {
  const index = bytes.findIndex(
    (byte) => byte >= 0x80 && byte <= 0x9f && HIGH_CONTROLS[byte - 0x80] === null,
  );
  return index === -1 ? null : index;
}

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const chunk: number[] = [];
  const flush = () => {
    text += String.fromCharCode(...chunk);
    chunk.length = 0;
  };
  for (const byte of bytes) {
    const high = byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROLS[byte - 0x80] : undefined;
    chunk.push(high ? high.charCodeAt(0) : byte);
    if (chunk.length === 8192) flush();
  }
  flush();
  return text;
}

/**
 * Where decoded text stops looking like text in a Latin script, or null if it looks like text.
 * In Swedish (and other European) text the non-ASCII characters are letters (å ä ö é ü ø …) or
 * punctuation between words (– ” …). A symbol inside a word ("Sm†land", "Hemtj„nst") is what a file in
 * another code page (DOS 437/850, where å is 0x86 and ä 0x84) looks like when read as Windows-1252.
 * Returns the offset of the first such symbol when they are at least as many as the non-ASCII letters.
 */
export function implausibleTextAt(text: string): number | null {
  let letters = 0;
  let insideWords = 0;
  let first: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char < '\u0080') continue;
    if (/\p{L}/u.test(char)) {
      letters++;
    } else if (char !== '’' && isLetter(text[i - 1]) && isLetter(text[i + 1])) {
      insideWords++;
      first ??= i;
    }
  }
  return insideWords > 0 && insideWords >= letters ? first : null;
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /\p{L}/u.test(char);
}
