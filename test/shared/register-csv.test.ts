import { describe, expect, it } from 'vitest';
import { parseRegister } from '../../shared/register';
import { csv, fixture, onlyProblem, problemsOf, rowsOf, TODAY, VALID } from '../fixtures/register/helpers';

describe('reading CSV as spreadsheets write it', () => {
  it('reads an Excel file: semicolons, BOM, CRLF, quotes, a line break inside a cell, empty rows', () => {
    const result = parseRegister(fixture('excel-semikolon.csv'), { today: TODAY });
    expect(result).toMatchObject({ ok: true, format: 'csv', delimiter: ';' });
    const rows = rowsOf(fixture('excel-semikolon.csv'));
    expect(rows.map((row) => [row.line, row.name])).toEqual([
      [2, 'Exempelomsorg AB'],
      [3, 'Demohemtjänst "Norr" AB'],
      // The row on line 3 spans two lines; an all-empty row (;;;) on line 5 is skipped.
      [6, 'Demoboendet; Solsidan'],
    ]);
    expect(rows[0]).toMatchObject({
      huvudman: '0581',
      address: 'Exempelgatan 1, 600 00 Norrköping',
      extraServices: ['Storstädning', 'Fönsterputs'],
      phone: '070-174 06 05',
    });
    expect(rows[1]).toMatchObject({ regi: 'egen_regi', address: 'Demovägen 12, 600 01 Norrköping' });
    expect(rows[2]).toMatchObject({ service: 'sarskilt_boende', regi: 'ideburen' });
  });

  it('reads a comma file with commas inside quoted cells', () => {
    const result = parseRegister(fixture('komma.csv'), { today: TODAY });
    expect(result).toMatchObject({ ok: true, delimiter: ',' });
    const rows = rowsOf(fixture('komma.csv'));
    expect(rows.map((row) => row.name)).toEqual(['Exempelomsorg AB', 'Demohemtjänst, Norr AB']);
    expect(rows[0]).toMatchObject({
      address: 'Exempelgatan 1, 600 00 Norrköping',
      areas: ['Centrum', 'Norr'],
    });
  });

  it('sniffs the delimiter from the header only, so commas in later semicolon rows do not confuse it', () => {
    const text = csv([{ ...VALID, adress: 'Storgatan 1, 2, 3, 4, 5, 6, 7' }]);
    expect(parseRegister(text, { today: TODAY })).toMatchObject({ ok: true, delimiter: ';' });
    expect(rowsOf(text)[0]!.address).toBe('Storgatan 1, 2, 3, 4, 5, 6, 7');
  });

  it('keeps the line where a row starts when earlier cells hold line breaks (LF, CRLF, lone CR)', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = [
        'huvudman;tjanst;namn;regi;verifierad;adress',
        `0581;hemtjanst;A;privat;2026-10-01;"rad ett${eol}rad två${eol}rad tre"`,
        `0581;hemtjanst;B;privt;2026-10-01;`,
      ].join(eol);
      expect(onlyProblem(text)).toMatchObject({ line: 5, column: 'regi', value: 'privt' });
    }
  });

  it('counts blank lines at the top and between rows, and ignores trailing empty lines', () => {
    const text = `\n\n${csv([VALID])}\n\n0581;hemtjanst;B;privt;2026-10-01\n\n\n\n`;
    // Lines 1-2 blank, header 3, row 4, lines 5-6 blank.
    expect(onlyProblem(text)).toMatchObject({ line: 7, column: 'regi' });
  });

  it('trims cells and skips rows that are entirely empty or blank', () => {
    const text = `huvudman ; tjanst ;namn;regi;verifierad\n  0581 ;hemtjanst; Exempelomsorg AB ;privat;2026-10-01\n ; ;;;\n`;
    expect(rowsOf(text)).toEqual([expect.objectContaining({ huvudman: '0581', name: 'Exempelomsorg AB' })]);
  });

  it('accepts trailing empty columns that spreadsheets add', () => {
    const text = 'huvudman;tjanst;namn;regi;verifierad;;\n0581;hemtjanst;A;privat;2026-10-01;;\n';
    expect(rowsOf(text)).toHaveLength(1);
  });

  it('reads a text input with a BOM the same as bytes', () => {
    expect(rowsOf(`\uFEFF${csv([VALID])}`)).toHaveLength(1);
  });

  it('reports a row with more values than the header has columns, naming the delimiter', () => {
    const text = `${csv([VALID])}0581;hemtjanst;A;privat;2026-10-01;Storgatan 1; Norrköping\n`;
    const problem = onlyProblem(text);
    expect(problem).toMatchObject({ line: 3, column: null });
    expect(problem.message).toContain('raden har 7 värden men rubrikraden har 5 kolumner');
    expect(problem.message).toContain('semikolon');
  });

  it('treats missing trailing cells as empty', () => {
    const text = 'huvudman;tjanst;namn;regi;verifierad;adress;telefon\n0581;hemtjanst;A;privat;2026-10-01\n';
    expect(rowsOf(text)[0]).toMatchObject({ address: null, phone: null });
  });

  it('reports a quote that is never closed on the line where it opens', () => {
    const text = `${csv([VALID])}0581;hemtjanst;Annat AB;privat;2026-10-01\n0581;hemtjanst;"Öppen;privat;2026-10-01\n0581;x;y;z;w\n`;
    const problem = onlyProblem(text);
    expect(problem).toMatchObject({ line: 4, column: null });
    expect(problem.message).toContain('öppnas på den här raden men stängs aldrig');
  });

  it('reports text after a closing quote on its line', () => {
    const text = `${csv([VALID])}0581;hemtjanst;"Demo" AB;privat;2026-10-01\n`;
    const problem = onlyProblem(text);
    expect(problem).toMatchObject({ line: 3, column: null });
    expect(problem.message).toContain('citattecken');
  });

  it('accepts quotes inside an unquoted cell as they are', () => {
    const text = `${csv([{ ...VALID, namn: 'Demoboendet "Solsidan" AB' }])}`;
    expect(rowsOf(text)[0]!.name).toBe('Demoboendet "Solsidan" AB');
  });

  it('explains a tab-separated file', () => {
    const problem = onlyProblem(csv([VALID], { delimiter: '\t' }));
    expect(problem).toMatchObject({ line: null, column: null });
    expect(problem.message).toContain('tabbtecken');
  });

  it('rejects an empty file and a file with only the header', () => {
    expect(onlyProblem('').message).toContain('filen är tom');
    expect(onlyProblem('\r\n \r\n;;;\r\n').message).toContain('filen är tom');
    expect(onlyProblem('huvudman;tjanst;namn;regi;verifierad\r\n').message).toContain('bara rubrikraden');
  });

  it('reads CSV when told to even if it starts like JSON', () => {
    expect(problemsOf('{huvudman};tjanst\n', 'csv')[0]!.column).toBe('{huvudman}');
  });
});

describe('portability', () => {
  it('works without Node’s Buffer, as in a browser', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${csv([VALID, { ...VALID, namn: '"Demo ""Norr"" AB"' }])}`);
    const saved = globalThis.Buffer;
    Reflect.deleteProperty(globalThis, 'Buffer');
    try {
      const result = parseRegister(bytes, { today: TODAY });
      expect(result.ok && result.rows.map((row) => row.name)).toEqual(['Exempelomsorg AB', 'Demo "Norr" AB']);
    } finally {
      globalThis.Buffer = saved;
    }
  });
});
