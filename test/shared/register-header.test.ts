import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGISTER_COLUMNS, REQUIRED_COLUMNS } from '../../shared/register';
import { onlyProblem, problemsOf, rowsOf } from '../fixtures/register/helpers';

const row = '0581;hemtjanst;Exempelomsorg AB;privat;2026-10-01';

describe('the header row', () => {
  it('lists the columns of the format, required ones first', () => {
    expect(REQUIRED_COLUMNS).toEqual(['huvudman', 'tjanst', 'namn', 'regi', 'verifierad']);
    expect(REGISTER_COLUMNS.slice(0, 5)).toEqual(REQUIRED_COLUMNS);
    expect(REGISTER_COLUMNS).toHaveLength(20);
  });

  it('accepts the columns in any order and in any case', () => {
    const rows = rowsOf(
      'Verifierad;REGI;Namn;tjanst;huvudman\n2026-10-01;privat;Exempelomsorg AB;hemtjanst;0581\n',
    );
    expect(rows[0]).toMatchObject({ huvudman: '0581', name: 'Exempelomsorg AB', verifiedAt: '2026-10-01' });
  });

  it('rejects an extra column, naming it and listing the allowed ones', () => {
    const problem = onlyProblem(`huvudman;tjanst;namn;regi;verifierad;kommentar\n${row};hej\n`);
    expect(problem).toMatchObject({ line: 1, column: 'kommentar', value: 'kommentar' });
    expect(problem.message).toContain("okänd kolumn 'kommentar' (kolumn F)");
    expect(problem.message).toContain(`Tillåtna kolumner: ${REGISTER_COLUMNS.join(', ')}`);
  });

  it('suggests the column a misspelt one was meant to be', () => {
    const problems = problemsOf(`huvudman;tjänst;namn;regi;verifierad;Språk\n${row};fi\n`);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [1, 'tjänst'],
      [1, 'Språk'],
      [1, 'tjanst'],
    ]);
    expect(problems[0]!.message).toContain("Menade du 'tjanst'?");
    expect(problems[1]!.message).toContain("Menade du 'sprak'?");
    expect(problems[2]!.message).toBe('kolumnen tjanst saknas i rubrikraden; den måste finnas');
  });

  it('reports every missing required column once, not on every row', () => {
    const problems = problemsOf('huvudman;namn\n0581;A\n0581;B\n');
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [1, 'tjanst'],
      [1, 'regi'],
      [1, 'verifierad'],
    ]);
  });

  it('rejects a column that appears twice', () => {
    const problem = onlyProblem(`huvudman;tjanst;namn;regi;verifierad;NAMN\n${row};B\n`);
    expect(problem).toMatchObject({ line: 1, column: 'namn', value: 'NAMN' });
    expect(problem.message).toContain('finns två gånger i rubrikraden (kolumn C och F)');
  });

  it('rejects values in a column without a header, but ignores an empty unnamed column', () => {
    expect(
      rowsOf(`huvudman;tjanst;namn;;regi;verifierad\n0581;hemtjanst;A;;privat;2026-10-01\n`),
    ).toHaveLength(1);
    const problem = onlyProblem(
      `huvudman;tjanst;namn;;regi;verifierad\n0581;hemtjanst;A;;privat;2026-10-01\n0581;hemtjanst;B;x;privat;2026-10-01\n`,
    );
    expect(problem).toMatchObject({ line: 1, column: null });
    expect(problem.message).toContain(
      'kolumn D har ingen rubrik men innehåller värden (till exempel på rad 3)',
    );
  });

  it('says so when the first row is not a header at all, instead of listing every column', () => {
    const problem = onlyProblem(`Utförare i hemtjänsten 2026;;;;\n${row}\n`);
    expect(problem).toMatchObject({ line: 1, column: null });
    expect(problem.message).toContain('första raden ska vara rubrikraden');
    expect(problem.message).toContain("'Utförare i hemtjänsten 2026'");
  });

  it('still checks the rows when the header has problems', () => {
    const problems = problemsOf(
      `huvudman;tjanst;namn;regi;verifierad;extra\n0581;hemtjanst;A;privt;2026-10-01;x\n`,
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [1, 'extra'],
      [2, 'regi'],
    ]);
  });
});

describe('the format documentation', () => {
  it('describes every column', () => {
    const doc = readFileSync(new URL('../../docs/register-format.md', import.meta.url), 'utf8');
    for (const column of REGISTER_COLUMNS) expect(doc).toMatch(new RegExp(`\\|\\s*\`${column}\`\\s*\\|`));
  });
});
