import { describe, expect, it } from 'vitest';
import { formatProblem, parseFigures, parseFigureTable } from '../../shared/figures';
import { csv, fixture, onlyProblem, problemsOf, rowsOf, TODAY, VALID } from '../fixtures/figures/helpers';

describe('reading a figures CSV file', () => {
  it('reads what Excel writes: BOM, semicolons, CRLF, display-spelled headers, quoted cells', () => {
    const rows = rowsOf(fixture('excel-semikolon.csv'));
    expect(rows.map((r) => [r.line, r.scope, r.huvudman, r.unit?.id ?? null, r.value])).toEqual([
      [2, 'unit', '05', 'SE2321000040-SYNT0001', 84.6],
      [3, 'unit', '05', 'SE2321000040-SYNT0002', null],
      [5, 'region', '05', null, 81.9],
      [6, 'riket', 'riket', null, 82.4],
      [7, 'unit', '05', 'SE2321000040-SYNT0001', 91.2],
    ]);
    expect(rows[0]).toMatchObject({
      confidenceInterval: { low: 82.1, high: 87.1 },
      count: 212,
      source: { name: 'Nationell Patientenkät 2023 (SYNTETISKT)', url: 'https://exempel.invalid/npe-2023' },
      publishedAt: '2024-03-01',
    });
    expect(rows[4]).toMatchObject({
      period: '2025-Q3',
      periodKind: 'quarter',
      count: 1204,
      source: { name: 'Väntetider i vården; export "telefon"' },
    });
  });

  it('reads comma-separated files, with a decimal comma inside quotes and points elsewhere', () => {
    const result = parseFigures(fixture('komma.csv'), { today: TODAY });
    expect(result).toMatchObject({ ok: true, format: 'csv', delimiter: ',' });
    if (!result.ok) return;
    expect(
      result.rows.map((r) => [r.unit?.kind ?? null, r.unit?.id ?? null, r.value, r.missingReason]),
    ).toEqual([
      ['register_id', 'demo-og-vc-1', 84.1, null],
      ['register_id', 'demo-og-vc-2', null, 'too_few_respondents'],
      [null, null, 81, null],
    ]);
  });

  it('says which sets the file replaces: one per huvudman, tjänst, indikator and period, riket its own', () => {
    const result = parseFigures(fixture('excel-semikolon.csv'), { today: TODAY });
    expect(result.ok && result.sets.map((s) => s.key)).toEqual([
      '05/vardcentral/npe_helhetsintryck_andel/2023',
      'riket/vardcentral/npe_helhetsintryck_andel/2023',
      '05/vardcentral/vantetider_telefon_samma_dag/2025-Q3',
    ]);
  });

  it('rejects the whole file and lists every problem, with line and column, in file order', () => {
    const problems = problemsOf(fixture('manga-fel.csv')).map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(/^rad 1, kolumn anmärkning: okänd kolumn 'anmärkning' \(kolumn M\)/),
      expect.stringMatching(
        /^rad 2, kolumn tjanst: vardcentral hör till en region, men huvudman 0581 är en kommun/,
      ),
      expect.stringMatching(/^rad 3, kolumn varde: 82 ligger utanför skalan 0–1/),
      expect.stringMatching(
        /^rad 4, kolumn period: npe_vard_och_behandling_medel redovisas per år \(2025\), inte per halvår/,
      ),
      expect.stringMatching(/^rad 5, kolumn period: npe_tillganglighet_andel finns bara för åren 2015–2024/),
      expect.stringMatching(/^rad 6, kolumn varde: värdet 0,8 ligger utanför konfidensintervallet 0,85–0,9$/),
      expect.stringMatching(
        /^rad 7, kolumn enhet: samma värde \(enhet SE2321000040-SYNT0001, npe_vard_och_behandling_medel, 2025\) finns redan på rad 3/,
      ),
      expect.stringMatching(
        /^rad 8, kolumn enhet: en siffra för riket gäller hela landet och har ingen enhet/,
      ),
      expect.stringMatching(/^rad 9, kolumn enhet: 'SE23-FEL' har inte formen för ett HSA-id/),
      expect.stringMatching(/^rad 9, kolumn antal: '12,5' ska vara ett heltal/),
    ]);
  });

  it('counts lines as a text editor does: blank lines and multi-line cells move the next row down', () => {
    const text = `${csv([VALID]).trimEnd()}\n\n"${['05', 'vardcentral', 'X', 'npe_x', '2025', '0,8', '1', 'NPE\nrad två', 'https://a.se', '2026-01-01'].join('";"')}"\n05;vardcentral;Y;npe_y;2025;0,8;1;NPE;https://a.se;2026-01-01\n`;
    expect(problemsOf(text).map((p) => [p.line, p.column])).toEqual([
      [4, 'indikator'],
      [6, 'indikator'],
    ]);
  });

  it('refuses a row with more values than the header has columns, hinting at an unquoted decimal comma', () => {
    const text = `${Object.keys(VALID).join(',')}\n${Object.values(VALID).join(',')}\n`;
    expect(onlyProblem(text).message).toMatch(
      /^raden har 11 värden men rubrikraden har 10 kolumner\. .*decimalkomma/,
    );
  });

  it('reports a missing required column once, on the header, not on every row', () => {
    const { kalla_url: _dropped, ...rest } = VALID;
    expect(onlyProblem(csv([rest, rest]))).toEqual({
      line: 1,
      column: 'kalla_url',
      message: 'kolumnen kalla_url saknas i rubrikraden; den måste finnas',
    });
  });

  it('suggests the column an editor probably meant', () => {
    const { varde, ...rest } = VALID;
    const problems = problemsOf(csv([{ ...rest, vrade: varde! }]));
    expect(problems[0]?.message).toMatch(/^okänd kolumn 'vrade' \(kolumn J\)\. Menade du 'varde'\?/);
  });

  it('says what is wrong with a file that is a register, empty, only a header, or tab-separated', () => {
    expect(
      onlyProblem('huvudman;tjanst;namn;regi;verifierad\n0581;hemtjanst;A;privat;2026-01-01\n').message,
    ).toMatch(/^filen är ett utförarregister .* läs in den som register$/);
    expect(onlyProblem('Namn på enheten;Siffra\nA;1\n').message).toMatch(
      /^första raden ska vara rubrikraden .* men den innehåller 'Namn på enheten', 'Siffra'$/,
    );
    expect(onlyProblem('').message).toMatch(/^filen är tom/);
    expect(onlyProblem(`${Object.keys(VALID).join(';')}\n`).message).toMatch(/bara rubrikraden/);
    expect(onlyProblem(`${Object.keys(VALID).join('\t')}\n`).message).toMatch(/tabbtecken/);
  });

  it('decodes what a Swedish Excel writes (Windows-1252) and refuses what is not text, as the register does', () => {
    const text = csv([VALID]);
    const windows1252 = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    expect(text).toMatch(/[åäö]/);
    expect(rowsOf(windows1252).map((r) => r.source.name)).toEqual(rowsOf(text).map((r) => r.source.name));
    expect(onlyProblem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])).message).toMatch(
      /inte ut som en textfil/,
    );
  });

  it('reports an unclosed quote on the line where it opens', () => {
    const text = `${csv([VALID]).trimEnd()}\n05;"vardcentral;X\n`;
    expect(problemsOf(text).map((p) => [p.line, p.message.slice(0, 40)])).toEqual([
      [3, 'ett citattecken (") öppnas på den här ra'],
    ]);
  });
});

describe('rows of cells from another reader (an XLSX sheet)', () => {
  it('checks them with the same rules, lines as the sheet numbers them', () => {
    const header = Object.keys(VALID);
    const result = parseFigureTable(
      [
        { line: 1, cells: header },
        { line: 2, cells: Object.values(VALID) },
        { line: 4, cells: Object.values({ ...VALID, enhet: 'SE2321000040-SYNT0009', varde: '1,5' }) },
      ],
      { today: TODAY },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          line: 4,
          column: 'varde',
          value: '1,5',
          message: expect.stringMatching(/^1,5 ligger utanför skalan 0–1/),
        },
      ],
    });
  });

  it('gives the same rows as the CSV of the same table, with format "table"', () => {
    const cells = [Object.keys(VALID), Object.values(VALID)].map((c, i) => ({ line: i + 1, cells: c }));
    const table = parseFigureTable(cells, { today: TODAY });
    expect(table.ok && table.format).toBe('table');
    expect(table.ok && table.rows).toEqual(rowsOf(csv([VALID])));
  });
});
