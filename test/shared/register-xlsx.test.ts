import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../api/export/xlsx';
import { formatProblem, parseRegister, XLSX_LIMITS } from '../../shared/register';
import { readXlsxRegister } from '../../shared/register/xlsx/reader';
import { fixture, onlyProblem, rowsOf, TODAY } from '../fixtures/register/helpers';

const HEADER = ['huvudman', 'tjanst', 'namn', 'regi', 'verifierad'];
const ROW = ['0581', 'hemtjanst', 'Exempelomsorg AB', 'privat', '2026-10-01'];

/** A workbook with one sheet whose sheetData is given as XML; styles optional. */
function workbook(sheetData: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const rels =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
  return zipSync({
    'xl/workbook.xml': strToU8(
      '<workbook><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`),
    ...extra,
  });
}
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const headerRow = `<row r="1">${HEADER.map((h, i) => inline(`${'ABCDE'[i]}1`, h)).join('')}</row>`;
const validRow = (r: number) =>
  `<row r="${r}">${ROW.map((v, i) => inline(`${'ABCDE'[i]}${r}`, v)).join('')}</row>`;

describe('XLSX from LibreOffice Calc (soffice --convert-to xlsx of libreoffice-källa.csv)', () => {
  const result = parseRegister(fixture('libreoffice.xlsx'), { today: TODAY });

  it('reads the first sheet as the cells show: a kommunkod typed as a number, a date cell, a long number', () => {
    expect(result).toMatchObject({
      ok: false,
      format: 'xlsx',
      sheet: 'libreoffice-register',
      encoding: null,
    });
    // The one problem is real: Calc turned 0111500000 into the number 111500000, and it says so.
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^rad 3, kolumn telefon \(cell J3\): '111500000' är sparat som ett tal/),
    ]);
  });

  it('holds each cell as Calc shows it', () => {
    const read = readXlsxRegister(fixture('libreoffice.xlsx'));
    const byLine = new Map(read.rows.map((r) => [r.line, Object.fromEntries(r.values)]));
    expect(byLine.get(2)).toMatchObject({
      huvudman: '581',
      namn: 'Åkerbloms Äldreomsorg AB',
      verifierad: '2026-10-01',
      organisationsnummer: '5560000001',
      telefon: '011-15 00 00',
      omraden: 'Öster|Söder',
    });
    expect(byLine.get(4)).toMatchObject({
      id: '42',
      namn: 'Exempelboendet Solgläntan',
      verifierad: '2026-08-31',
    });
  });
});

describe('XLSX in the shape Excel saves (make-excel-shaped.ts)', () => {
  it('reads the sheet named Utförare, shared and rich text, number formats, booleans and formulas', () => {
    const result = parseRegister(fixture('excel-shaped.xlsx'), { today: TODAY });
    expect(result).toMatchObject({ ok: true, format: 'xlsx', sheet: 'Utförare' });
    if (!result.ok) return;
    expect(
      result.rows.map((r) => [
        r.line,
        r.huvudman,
        r.name,
        r.regi,
        r.verifiedAt,
        r.organisationsnummer,
        r.phone,
        r.acceptsNewClients,
        r.registerId,
        r.areas,
      ]),
    ).toEqual([
      [
        2,
        '0581',
        'Ålgårdens Hemtjänst & Omsorg',
        'privat',
        '2026-10-01',
        '556000-0001',
        '0111500000',
        true,
        '200',
        ['Norr', 'Söder'],
      ],
      [3, '0581', 'Kommunens hemtjänst Öst', 'egen_regi', '2026-09-10', null, null, false, '300', []],
    ]);
  });
});

describe('problems in a spreadsheet', () => {
  it('name the row and the cell', () => {
    const bad = workbook(
      `${headerRow}<row r="2">${inline('A2', '0581')}${inline('B2', 'hemtjanst')}${inline('C2', 'X AB')}${inline('D2', 'privt')}${inline('E2', '2026-10-01')}</row>`,
    );
    const problem = onlyProblem(bad);
    expect(problem).toMatchObject({ line: 2, column: 'regi', cell: 'D2' });
    expect(formatProblem(problem)).toMatch(/^rad 2, kolumn regi \(cell D2\): 'privt'/);
  });

  it('report a formula error once, not also as a missing value', () => {
    const bad = workbook(
      `${headerRow}<row r="2">${inline('A2', '0581')}${inline('B2', 'hemtjanst')}<c r="C2" t="e"><f>VLOOKUP(1,Z:Z,2)</f><v>#N/A</v></c>${inline('D2', 'privat')}${inline('E2', '2026-10-01')}</row>`,
    );
    const problem = onlyProblem(bad);
    expect(problem).toMatchObject({ line: 2, cell: 'C2', value: '#N/A' });
  });

  it('skip empty styled rows far down, as Excel writes for formatted columns', () => {
    const sheet = workbook(
      `${headerRow}${validRow(2)}<row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/></row>`,
    );
    expect(rowsOf(sheet)).toHaveLength(1);
  });
});

describe('limits: zip bombs and huge sheets get a clear message', () => {
  it('a sheet that unpacks beyond the limit is stopped while unpacking', () => {
    const padding = ' '.repeat(XLSX_LIMITS.partBytes + 1);
    const bomb = workbook(`${headerRow}${validRow(2)}${padding}`);
    expect(bomb.length).toBeLessThan(200_000);
    const problem = onlyProblem(bomb);
    expect(problem.message).toContain('packas upp till mer än 50 MB');
  });

  it('rows, columns and cells beyond the limits', () => {
    const limits = { ...XLSX_LIMITS, rows: 10, columns: 5, cells: 12 };
    const message = (bytes: Uint8Array) => readXlsxRegister(bytes, limits).problems.listed()[0]?.message;
    expect(message(workbook(`${headerRow}${validRow(11)}`))).toContain('värden på rad 11; högst 10 rader');
    expect(message(workbook(`${headerRow}<row r="2">${inline('F2', 'x')}</row>`))).toContain(
      'kolumn F; högst 5 kolumner',
    );
    expect(message(workbook(`${headerRow}${validRow(2)}${validRow(3)}`))).toContain(
      'fler än 12 ifyllda celler',
    );
    expect(readXlsxRegister(workbook(`${headerRow}${validRow(2)}`), limits).problems.length).toBe(0);
  });

  it('a file larger than allowed is not opened', () => {
    const big = new Uint8Array(XLSX_LIMITS.compressedBytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(onlyProblem(big).message).toMatch(/kalkylbladsfilen är 10 MB; högst 10 MB/);
  });
});

describe('zip files that are not a workbook, or not whole', () => {
  it('names an OpenDocument spreadsheet, a Word document and another zip', () => {
    const ods = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8('<x/>'),
    });
    expect(onlyProblem(ods).message).toContain('.ods');
    expect(onlyProblem(zipSync({ 'word/document.xml': strToU8('<w/>') })).message).toContain('Word');
    expect(onlyProblem(zipSync({ 'register.csv': strToU8('a;b') })).message).toContain('packa upp');
  });

  it('names a truncated workbook (a cut-off upload)', () => {
    const whole = fixture('excel-shaped.xlsx');
    expect(onlyProblem(whole.subarray(0, Math.floor(whole.length / 2))).message).toMatch(
      /trasig eller ofullständig/,
    );
  });

  it('refuses a DOCTYPE, so no entity can expand', () => {
    const laughs = workbook(`</sheetData></worksheet>`, {
      'xl/worksheets/sheet1.xml': strToU8(
        '<!DOCTYPE lol [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>',
      ),
    });
    expect(onlyProblem(laughs).message).toContain('DOCTYPE');
  });

  it('a format given as xlsx for a file that is not one', () => {
    expect(onlyProblem(new TextEncoder().encode('huvudman;tjanst'), 'xlsx' as never).message).toContain(
      'ingen',
    );
  });
});

describe('the workbook writer', () => {
  it('writes what the reader reads back, text staying text', () => {
    const bytes = writeXlsx([
      {
        name: 'Utförare',
        rows: [HEADER, ['0581', 'hemtjanst', 'Ström & Söner <AB> "Öst"', 'privat', '2026-10-01']],
      },
      { name: 'Förklaring', rows: [['Kolumn'], ['huvudman']] },
    ]);
    const rows = rowsOf(bytes);
    expect(rows.map((r) => [r.huvudman, r.name, r.verifiedAt])).toEqual([
      ['0581', 'Ström & Söner <AB> "Öst"', '2026-10-01'],
    ]);
  });
});
