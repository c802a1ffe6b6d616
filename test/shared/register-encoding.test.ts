import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseRegister } from '../../shared/register';
import { firstInvalidUtf8 } from '../../shared/register/decode';
import { csv, fixture, onlyProblem, rowsOf, TODAY, VALID } from '../fixtures/register/helpers';

const text = csv([VALID, { ...VALID, namn: 'Demohemtjänst Norr AB' }], { eol: '\r\n' });
const bytes = (value: Buffer | number[]) => new Uint8Array(value);
const parsed = (input: Uint8Array) => parseRegister(input, { today: TODAY });

describe('encodings that are decoded (issue 14)', () => {
  it('reads UTF-8 with and without BOM, and says so', () => {
    const plain = bytes(Buffer.from(text, 'utf8'));
    const withBom = bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]));
    expect(rowsOf(plain).map((row) => row.name)).toEqual(['Exempelomsorg AB', 'Demohemtjänst Norr AB']);
    expect(rowsOf(withBom)).toEqual(rowsOf(plain));
    expect(parsed(withBom)).toMatchObject({ ok: true, delimiter: ';', encoding: 'utf-8', format: 'csv' });
  });

  it('decodes a Swedish Excel "CSV (semikolonavgränsad)" export in Windows-1252', () => {
    const result = parsed(fixture('excel-ansi-semikolon.csv'));
    expect(result).toMatchObject({ ok: true, encoding: 'windows-1252', delimiter: ';' });
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.name, r.areas, r.extraServices, r.address])).toEqual([
      ['Åkerbloms Äldreomsorg AB', ['Öster', 'Söder'], ['Fönsterputs'], 'Exempelgatan 1, 600 00 Norrköping'],
      ['Café Öster – hemtjänst', ['Centrum'], [], 'Ängsvägen 2; uppgång B'],
      ['Müller & Søn Omsorg AB', ['Norr'], ['Storstädning „Extra”'], null],
      ['Egen regi hemtjänst Väst', ['Väst', 'Öster'], [], null],
    ]);
  });

  it('decodes ISO-8859-1 (no bytes 0x80-0x9F) and names it', () => {
    const result = parsed(bytes(Buffer.from(text, 'latin1')));
    expect(result).toMatchObject({ ok: true, encoding: 'iso-8859-1' });
    if (result.ok) expect(result.rows[1]!.name).toBe('Demohemtjänst Norr AB');
  });

  it('decodes UTF-16 LE and BE with a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(parsed(bytes(le))).toMatchObject({ ok: true, encoding: 'utf-16le' });
    expect(parsed(bytes(be))).toMatchObject({ ok: true, encoding: 'utf-16be' });
    expect(rowsOf(bytes(be))).toEqual(rowsOf(text));
  });

  it('reports a control byte in a Windows-1252 file on its line and column, like any other', () => {
    const file = Buffer.concat([
      Buffer.from(`${csv([VALID])}0581;hemtjanst;Åby`, 'latin1'),
      Buffer.from([0x00]),
      Buffer.from('omsorg;privat;2026-10-01\r\n', 'latin1'),
    ]);
    expect(onlyProblem(bytes(file))).toMatchObject({ line: 3, column: 'namn' });
  });
});

describe('files that are not read as text, with a message that names what they are', () => {
  it('names a text that is neither UTF-8 nor plausibly Windows-1252 (an old DOS code page)', () => {
    // "Småland Hemtjänst Östra" in code page 850: å = 0x86, ä = 0x84, Ö = 0x99. As Windows-1252 these
    // are † „ ™ in the middle of words, which Swedish text never has.
    const dos = Buffer.concat([
      Buffer.from(`${csv([VALID])}0581;hemtjanst;Sm`, 'latin1'),
      Buffer.from([0x86]),
      Buffer.from('land Hemtj', 'latin1'),
      Buffer.from([0x84]),
      Buffer.from('nst ', 'latin1'),
      Buffer.from([0x99]),
      Buffer.from('stra;privat;2026-10-01\r\n', 'latin1'),
    ]);
    const problem = onlyProblem(bytes(dos));
    expect(problem).toMatchObject({ line: 3, column: null });
    expect(problem.message).toContain('varken UTF-8 eller Windows-1252');
    expect(problem.message).toContain('CSV UTF-8');
  });

  it('names bytes that are undefined in Windows-1252 as not text', () => {
    const file = Buffer.concat([Buffer.from(`${csv([VALID])}0581;x`, 'latin1'), Buffer.from([0x81, 0x8d])]);
    expect(onlyProblem(bytes(file)).message).toContain('varken UTF-8 eller Windows-1252');
  });

  it('names a file that mixes UTF-8 and another encoding', () => {
    const file = Buffer.concat([
      Buffer.from(`${csv([VALID, { ...VALID, namn: 'Ålö Omsorg' }])}0581;hemtjanst;Sm`, 'utf8'),
      Buffer.from([0xe5]),
      Buffer.from('land AB;privat;2026-10-01\r\n', 'latin1'),
    ]);
    const problem = onlyProblem(bytes(file));
    expect(problem).toMatchObject({ line: 4 });
    expect(problem.message).toContain('blandning');
  });

  it('names binary data', () => {
    const noise = Uint8Array.from({ length: 600 }, (_, i) => (i * 7919 + 13) % 256);
    expect(onlyProblem(noise).message).toMatch(/inte ut som en textfil|varken UTF-8/);
  });

  it('names a gzip-compressed file (issue 16)', () => {
    const problem = onlyProblem(bytes(gzipSync(Buffer.from(text))));
    expect(problem.message).toContain('gzip');
    expect(problem.message).toMatch(/packa upp/i);
  });

  it('names UTF-32 with and without a byte order mark (issue 16)', () => {
    const utf32le = (s: string) =>
      Buffer.from([...s].flatMap((ch) => [ch.codePointAt(0)! & 0xff, ch.codePointAt(0)! >> 8, 0, 0]));
    const le = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32le(text)]);
    const be = Buffer.from(le);
    be.swap32();
    expect(onlyProblem(bytes(le)).message).toContain('UTF-32 LE');
    expect(onlyProblem(bytes(be)).message).toContain('UTF-32 BE');
    expect(onlyProblem(bytes(utf32le(text))).message).toContain('UTF-32 LE');
  });

  it('names UTF-16 without a byte order mark (by the NUL bytes between ASCII letters)', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le);
    be.swap16();
    expect(onlyProblem(bytes(le)).message).toContain('UTF-16 LE');
    expect(onlyProblem(bytes(be)).message).toContain('UTF-16 BE');
  });

  it('recognises an old .xls, a PDF and an OpenDocument spreadsheet', () => {
    expect(onlyProblem(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])).message).toContain('.xls');
    expect(onlyProblem(bytes(Buffer.from('%PDF-1.7\n'))).message).toContain('PDF');
  });

  it('reports letters already destroyed by a wrong encoding (U+FFFD) on their line', () => {
    const broken = `${csv([VALID])}0581;hemtjanst;Hemtj\uFFFDnst AB;privat;2026-10-01\n`;
    for (const input of [broken, bytes(Buffer.from(broken, 'utf8'))]) {
      const problem = onlyProblem(input);
      expect(problem).toMatchObject({ line: 3, column: null });
      expect(problem.message).toContain('å, ä, ö');
    }
  });

  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(bytes(Buffer.from('åäö €𝄞', 'utf8')))).toBeNull();
    expect(firstInvalidUtf8(bytes([0x61, 0xe5, 0x62]))).toBe(1); // Latin-1 å
    expect(firstInvalidUtf8(bytes([0x61, 0xc3]))).toBe(1); // truncated sequence
    expect(firstInvalidUtf8(bytes([0xc0, 0x80]))).toBe(0); // overlong NUL
    expect(firstInvalidUtf8(bytes([0xed, 0xa0, 0x80]))).toBe(0); // UTF-16 surrogate
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // beyond U+10FFFF
  });
});
