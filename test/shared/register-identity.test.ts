import { describe, expect, it } from 'vitest';
import { identityKey, identityName } from '../../shared/register';
import { csv, onlyProblem, problemsOf, rowsOf, VALID } from '../fixtures/register/helpers';

describe('identityName (a storage key: these outputs must never change)', () => {
  it.each([
    ['Exempelomsorg AB', 'exempelomsorg'],
    ['EXEMPELOMSORG  ab', 'exempelomsorg'],
    ['Exempelomsorg Aktiebolag', 'exempelomsorg'],
    ['Exempelomsorg AB (publ)', 'exempelomsorg'],
    ['Demo & Son HB', 'demo och son'],
    ['Demo&Son KB', 'demo och son'],
    ['Omtanke ekonomisk förening', 'omtanke'],
    ['Omtanke ek. för.', 'omtanke'],
    ['Kalles Omsorg i Norr', 'kalles omsorg i norr'],
    ["Kalle's Omsorg", 'kalles omsorg'],
    ['Hem-Service, Norr', 'hem service norr'],
    ['  Vård\u00A0och\tOmsorg \n', 'vård och omsorg'],
    ['Håbo omsorg', 'håbo omsorg'],
    ['Habo omsorg', 'habo omsorg'],
    ['A\u030Angården', 'ångården'],
    ['AB', 'ab'],
    ['ABC Omsorg', 'abc omsorg'],
    ['Omsorg AB AB', 'omsorg ab'],
    ['Labb', 'labb'],
  ])('%j -> %j', (name, expected) => {
    expect(identityName(name)).toBe(expected);
  });
});

describe('identityKey', () => {
  const base = { huvudman: '0581', service: 'hemtjanst', name: 'Exempelomsorg AB' };

  it('uses the editor’s id first, then the HSA id, then the normalised name, within huvudman and tjänst', () => {
    expect(identityKey({ ...base, registerId: ' EX-1 ', hsaId: 'SE2321000131-E1' })).toBe(
      '0581/hemtjanst/id:EX-1',
    );
    expect(identityKey({ ...base, registerId: null, hsaId: 'se2321000131-e1' })).toBe(
      '0581/hemtjanst/hsa:SE2321000131-E1',
    );
    expect(identityKey({ ...base, registerId: '', hsaId: null })).toBe('0581/hemtjanst/namn:exempelomsorg');
    expect(identityKey(base)).toBe('0581/hemtjanst/namn:exempelomsorg');
  });

  it('is what parsed rows carry', () => {
    const rows = rowsOf(csv([VALID, { ...VALID, tjanst: 'sarskilt_boende', id: 'S1' }]));
    expect(rows.map((row) => row.identityKey)).toEqual([
      '0581/hemtjanst/namn:exempelomsorg',
      '0581/sarskilt_boende/id:S1',
    ]);
  });
});

describe('the same unit twice in one file', () => {
  it('rejects the same id within a huvudman and tjänst, naming the earlier line', () => {
    const problem = onlyProblem(
      csv([
        { ...VALID, id: 'EX-1' },
        { ...VALID, namn: 'Annat AB', id: 'EX-2' },
        { ...VALID, namn: 'Tredje AB', id: 'EX-1' },
      ]),
    );
    expect(problem).toMatchObject({ line: 4, column: 'id', value: 'EX-1' });
    expect(problem.message).toContain("id 'EX-1' finns redan på rad 2");
  });

  it('allows the same id in another tjänst or huvudman', () => {
    const rows = rowsOf(
      csv([
        { ...VALID, id: 'EX-1' },
        { ...VALID, tjanst: 'sarskilt_boende', id: 'EX-1' },
        { ...VALID, huvudman: '0580', id: 'EX-1' },
      ]),
    );
    expect(new Set(rows.map((row) => row.identityKey)).size).toBe(3);
  });

  it('rejects the same normalised name when rows have no id', () => {
    const problem = onlyProblem(csv([VALID, { ...VALID, namn: 'EXEMPELOMSORG aktiebolag' }]));
    expect(problem).toMatchObject({ line: 3, column: 'namn', value: 'EXEMPELOMSORG aktiebolag' });
    expect(problem.message).toContain('finns redan på rad 2 för samma huvudman och tjänst');
  });

  it('allows equal names that the editor has told apart with ids, or in another tjänst', () => {
    expect(
      rowsOf(
        csv([
          { ...VALID, id: 'A' },
          { ...VALID, id: 'B' },
        ]),
      ),
    ).toHaveLength(2);
    expect(rowsOf(csv([VALID, { ...VALID, tjanst: 'sarskilt_boende' }]))).toHaveLength(2);
  });

  it('rejects the same HSA id within a huvudman, even across tjänster and ids', () => {
    const hsa = 'SE2321000131-E000000008388';
    const problem = onlyProblem(
      csv([
        { ...VALID, huvudman: '14', tjanst: 'vardcentral', namn: 'Vårdcentralen Exempel', hsa_id: hsa },
        {
          ...VALID,
          huvudman: '14',
          tjanst: 'vardcentral',
          namn: 'Exempels vårdcentral',
          hsa_id: hsa.toLowerCase(),
        },
      ]),
    );
    expect(problem).toMatchObject({ line: 3, column: 'hsa_id', value: hsa });
    expect(problem.message).toContain('finns redan på rad 2 för samma huvudman');
  });

  it('reports each later duplicate against the first', () => {
    const problems = problemsOf(csv([VALID, VALID, VALID]));
    expect(problems.map((p) => [p.line, p.message.includes('rad 2')])).toEqual([
      [3, true],
      [4, true],
    ]);
  });

  it('checks duplicates even on rows that have other problems', () => {
    const problems = problemsOf(csv([VALID, { ...VALID, regi: 'privt' }]));
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'regi'],
      [3, 'namn'],
    ]);
  });
});
