import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, MAX_LISTED_PROBLEMS, parseRegister } from '../../shared/register';
import { withColumnTables } from '../../shared/register/docs';
import { csv, onlyProblem, problemsOf, rowsOf, TODAY, VALID } from '../fixtures/register/helpers';

const document = (rows: unknown[]) => JSON.stringify({ format: 'utforarregister', version: 1, rows });

describe('field lengths (issue 16, defect 2)', () => {
  it('rejects a name longer than 200 characters, by line and column, naming the limit', () => {
    const problem = onlyProblem(csv([VALID, { ...VALID, namn: `Långnamnsomsorg ${'x'.repeat(1_500)}` }]));
    expect(problem).toMatchObject({ line: 3, column: 'namn' });
    expect(problem.message).toContain('1 516 tecken');
    expect(problem.message).toContain('högst 200');
  });

  it('accepts a name of exactly the limit', () => {
    expect(rowsOf(csv([{ ...VALID, namn: `Omsorg ${'y'.repeat(193)}` }]))[0]!.name).toHaveLength(200);
  });

  it('limits the number of aliases and the length of each, in CSV and JSON alike', () => {
    const many = Array.from({ length: 25 }, (_, i) => `Alias ${i}`);
    const csvProblem = onlyProblem(csv([{ ...VALID, alias: many.join('|') }]));
    expect(csvProblem).toMatchObject({ line: 2, column: 'alias' });
    expect(csvProblem.message).toMatch(/25 värden.*högst 20/);

    const jsonProblem = onlyProblem(document([{ ...VALID, alias: many }]));
    expect(jsonProblem).toMatchObject({ line: 1, column: 'alias' });
    expect(jsonProblem.message).toMatch(/25 värden.*högst 20/);

    const long = onlyProblem(csv([{ ...VALID, omraden: `Norr|${'Å'.repeat(101)}` }]));
    expect(long).toMatchObject({ line: 2, column: 'omraden' });
    expect(long.message).toMatch(/värde 2 .*101 tecken.*högst 100/);
  });

  it('limits every other text column too', () => {
    const cases: [string, string][] = [
      ['id', 'x'.repeat(101)],
      ['adress', `Exempelgatan 1, ${'z'.repeat(300)}`],
      ['webbplats', `https://exempel.example/${'a'.repeat(500)}`],
      ['telefon', '0'.repeat(60)],
      ['tillaggstjanster', 'Städning '.repeat(30)],
      ['regi', 'privat'.repeat(20)],
    ];
    for (const [column, value] of cases) {
      const problem = onlyProblem(csv([{ ...VALID, [column]: value }]));
      expect(problem, column).toMatchObject({ line: 2, column });
      expect(problem.message, column).toMatch(/högst \d+/);
    }
  });

  it('does not echo a huge value back in full', () => {
    const [problem] = problemsOf(csv([{ ...VALID, namn: 'N'.repeat(1_000_000) }]));
    expect(JSON.stringify(problem).length).toBeLessThan(1_000);
  });
});

describe('control characters (issue 16, defect 6)', () => {
  it('rejects a NUL byte in a name, naming the character and where it is', () => {
    const problem = onlyProblem(csv([VALID, { ...VALID, namn: 'Nul\0Omsorg AB' }]));
    expect(problem).toMatchObject({ line: 3, column: 'namn' });
    expect(problem.message).toContain('U+0000');
    expect(problem.message).toContain('tecken 4');
  });

  it('rejects control characters in every column, CSV and JSON', () => {
    for (const [column, value] of [
      ['adress', 'Gatan\u00071'],
      ['alias', 'Ett|Tv\u001bå'],
      ['id', 'A\u007f1'],
      ['telefon', '011\u0085-150000'],
      ['verifierad', '2026-10-01\u0000'],
    ] as const) {
      const fromCsv = onlyProblem(csv([{ ...VALID, [column]: value }]));
      expect(fromCsv, column).toMatchObject({ line: 2, column });
      expect(fromCsv.message, column).toMatch(/U\+00[0-9A-F]{2}/);
      const fromJson = onlyProblem(
        document([{ ...VALID, [column]: column === 'alias' ? value.split('|') : value }]),
      );
      expect(fromJson, column).toMatchObject({ line: 1, column });
    }
  });

  it('rejects text-direction overrides, which make a name display reversed', () => {
    const problem = onlyProblem(csv([{ ...VALID, namn: 'Omsorg \u202eBA' }]));
    expect(problem.message).toContain('U+202E');
  });

  it('rejects a lone surrogate from a JSON escape', () => {
    const problem = onlyProblem(
      `{"format":"utforarregister","version":1,"rows":[{"huvudman":"0581","tjanst":"hemtjanst","namn":"Halv \\ud800 AB","regi":"privat","verifierad":"2026-10-01"}]}`,
    );
    expect(problem).toMatchObject({ line: 1, column: 'namn' });
    expect(problem.message).toContain('U+D800');
    const replaced = onlyProblem(
      `{"format":"utforarregister","version":1,"rows":[{"huvudman":"0581","tjanst":"hemtjanst","namn":"Tr\\ufffdig AB","regi":"privat","verifierad":"2026-10-01"}]}`,
    );
    expect(replaced.message).toContain('U+FFFD');
  });

  it('rejects a line tabulation or form feed at either end of a value, quoted or not, which trimming would hide', () => {
    for (const control of ['\v', '\f']) {
      for (const name of [`${control}Kant Omsorg AB`, `Kant Omsorg AB${control}`]) {
        for (const cell of [name, `"${name}"`]) {
          const hex = control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
          const text = `huvudman;tjanst;namn;regi;verifierad\n0581;hemtjanst;${cell};privat;2026-10-01\n`;
          const problem = onlyProblem(text);
          expect([problem.line, problem.column]).toEqual([2, 'namn']);
          expect(problem.message).toContain(`U+${hex}`);
        }
      }
    }
  });

  it('still accepts tabs, and line breaks inside a quoted address', () => {
    const rows = rowsOf(
      `huvudman;tjanst;namn;regi;verifierad;adress\n0581;hemtjanst;Tabb\tOmsorg AB;privat;2026-10-01;"Gatan 1\r\n600 00 Ort"\n`,
    );
    expect(rows.map((r) => [r.name, r.address])).toEqual([['Tabb Omsorg AB', 'Gatan 1, 600 00 Ort']]);
  });

  it('makes re-reading a file give the same rows: nothing silently dropped', () => {
    const result = parseRegister(csv([{ ...VALID, namn: 'Nul\0Omsorg' }]), { today: TODAY });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map(formatProblem).join('\n')).toContain('rad 2, kolumn namn');
  });
});

describe('the documentation of the limits', () => {
  it('is the column tables in docs/register-format.md, made from the column definitions', () => {
    const docs = readFileSync(new URL('../../docs/register-format.md', import.meta.url), 'utf8');
    expect(docs).toBe(withColumnTables(docs));
    expect(docs).toContain('högst 20 värden à högst 200 tecken');
  });
});

describe('the problem list (issue 16, defect 8)', () => {
  it('lists the first 200 problems by line and counts the rest', () => {
    const bad = Array.from({ length: 5_000 }, (_, i) => ({ ...VALID, namn: `Enhet ${i}`, regi: 'privt' }));
    const result = parseRegister(csv([{ ...VALID, verifierad: '2026-13-01' }, ...bad]), { today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problemCount).toBe(5_001);
    expect(result.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(result.problems.map((p) => p.line)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    expect(result.problems[0]!.column).toBe('verifierad');
  });

  it('keeps file-level and header problems first even when found last', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => `0581;hemtjanst;Enhet ${i};privt;2026-10-01;x`);
    const result = parseRegister(`huvudman;tjanst;namn;regi;verifierad;\n${rows.join('\n')}\n`, {
      today: TODAY,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problemCount).toBe(1_001);
    expect(result.problems[0]).toMatchObject({ line: 1 });
    expect(result.problems[0]!.message).toContain('ingen rubrik');
  });
});
