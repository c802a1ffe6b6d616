import { describe, expect, it } from 'vitest';
import { parseRegister } from '../../shared/register';
import { firstInvalidUtf8 } from '../../shared/register/decode';
import { csv, onlyProblem, rowsOf, TODAY, VALID } from '../fixtures/register/helpers';

const text = csv([VALID, { ...VALID, namn: 'Demohemtjänst Norr AB' }], { eol: '\r\n' });
const bytes = (value: Buffer | number[]) => new Uint8Array(value);

describe('encodings', () => {
  it('reads UTF-8 with and without BOM', () => {
    const plain = bytes(Buffer.from(text, 'utf8'));
    const withBom = bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]));
    expect(rowsOf(plain).map((row) => row.name)).toEqual(['Exempelomsorg AB', 'Demohemtjänst Norr AB']);
    expect(rowsOf(withBom)).toEqual(rowsOf(plain));
    expect(parseRegister(withBom, { today: TODAY })).toMatchObject({ ok: true, delimiter: ';' });
  });

  it('names Windows-1252 when bytes 0x80-0x9F appear, as Excel on Swedish Windows writes', () => {
    // "Omsorg – Åby": the en dash is 0x96 in Windows-1252; Å is 0xC5.
    const file = Buffer.concat([
      Buffer.from(`${csv([VALID])}0581;hemtjanst;Omsorg `, 'latin1'),
      Buffer.from([0x96]),
      Buffer.from(' Åby;privat;2026-10-01\r\n', 'latin1'),
    ]);
    const problem = onlyProblem(bytes(file));
    expect(problem).toMatchObject({ line: 3, column: null });
    expect(problem.message).toContain('Windows-1252');
    expect(problem.message).toContain('CSV UTF-8');
  });

  it('names ISO-8859-1 when the bytes are Latin-1 without 0x80-0x9F', () => {
    const problem = onlyProblem(bytes(Buffer.from(text, 'latin1')));
    expect(problem).toMatchObject({ line: 3, column: null });
    expect(problem.message).toContain('ISO-8859-1');
    expect(problem.message).not.toContain('Windows-1252');
  });

  it('names UTF-16 LE and BE by their byte order marks', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(0));
    be.swap16();
    expect(onlyProblem(bytes(le)).message).toContain('UTF-16 LE');
    expect(onlyProblem(bytes(be)).message).toContain('UTF-16 BE');
  });

  it('names UTF-16 LE and BE without a BOM by the NUL bytes between ASCII letters', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le);
    be.swap16();
    expect(onlyProblem(bytes(le)).message).toContain('UTF-16 LE');
    expect(onlyProblem(bytes(be)).message).toContain('UTF-16 BE');
  });

  it('recognises a spreadsheet or PDF uploaded instead of CSV', () => {
    expect(onlyProblem(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])).message).toContain('.xlsx');
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
