/**
 * What a file is, by its first bytes, when it is not text: a spreadsheet the reader can open (XLSX), or
 * something it cannot, with a message that says what it is and what to do instead.
 */
export type FileKind = { kind: 'text' } | { kind: 'zip' } | { kind: 'other'; message: string };

const SAVE =
  'Spara registret som ”CSV UTF-8” eller som Excel-arbetsbok (.xlsx) i kalkylprogrammet och läs in den filen.';

const MAGIC: { bytes: number[]; message: string }[] = [
  {
    bytes: [0x1f, 0x8b],
    message:
      'filen är gzip-komprimerad (.gz), inte en CSV-fil. Packa upp den först (till exempel med gunzip eller 7-Zip) och läs in filen som finns i den',
  },
  { bytes: [0x42, 0x5a, 0x68], message: 'filen är bzip2-komprimerad (.bz2); packa upp den först' },
  {
    bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    message: 'filen är xz-komprimerad (.xz); packa upp den först',
  },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], message: 'filen är zstd-komprimerad (.zst); packa upp den först' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], message: 'filen är ett 7z-arkiv; packa upp den först' },
  { bytes: [0x52, 0x61, 0x72, 0x21], message: 'filen är ett RAR-arkiv; packa upp den först' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    message: `filen är en äldre kalkylbladsfil (.xls) eller ett Word-dokument, som inte kan läsas. ${SAVE}`,
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: `filen är en PDF-fil, inte en CSV-fil. ${SAVE}` },
  { bytes: [0x89, 0x50, 0x4e, 0x47], message: 'filen är en bild (PNG), inte ett register' },
  { bytes: [0xff, 0xd8, 0xff], message: 'filen är en bild (JPEG), inte ett register' },
];

export function fileKind(bytes: Uint8Array): FileKind {
  const startsWith = (magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (startsWith([0x50, 0x4b, 0x03, 0x04]) || startsWith([0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  const known = MAGIC.find((m) => startsWith(m.bytes));
  return known ? { kind: 'other', message: known.message } : { kind: 'text' };
}
