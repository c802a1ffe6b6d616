import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../shared/figures';
import { problemWith, rowWith } from '../fixtures/figures/helpers';

describe('huvudman and scope', () => {
  it('reads a unit figure, the region own figure (enhet empty) and the country figure (riket or 00)', () => {
    expect(rowWith({})).toMatchObject({ scope: 'unit', huvudman: '05', unit: { kind: 'hsa' } });
    expect(rowWith({ enhet: '' })).toMatchObject({ scope: 'region', huvudman: '05', unit: null });
    for (const huvudman of ['riket', 'Riket', '00']) {
      expect(rowWith({ huvudman, enhet: '' })).toMatchObject({
        scope: 'riket',
        huvudman: 'riket',
        unit: null,
      });
    }
  });

  it('puts back a länskod zero lost in a spreadsheet, and names riket when the code is wrong', () => {
    expect(rowWith({ huvudman: '5' }).huvudman).toBe('05');
    expect(problemWith({ huvudman: '99' })).toMatchObject({
      column: 'huvudman',
      message: expect.stringMatching(/ingen länskod .*; för hela landet skriv riket$/),
    });
  });

  it('refuses a unit under riket and a service the huvudman does not run', () => {
    expect(problemWith({ huvudman: 'riket' })).toMatchObject({
      column: 'enhet',
      value: 'SE2321000040-EXEMPEL01',
    });
    expect(problemWith({ huvudman: '0580', enhet: '' })).toMatchObject({
      column: 'tjanst',
      message: expect.stringMatching(
        /^vardcentral hör till en region, men huvudman 0580 är en kommun \(Linköpings kommun\)/,
      ),
    });
  });
});

describe('enhet', () => {
  it('tells an HSA id, a Kolada OU id and a register id apart by shape; ids in capitals', () => {
    expect(rowWith({ enhet: 'se2321000040-exempel01' }).unit).toEqual({
      kind: 'hsa',
      id: 'SE2321000040-EXEMPEL01',
    });
    expect(rowWith({ enhet: 'v15e058100101' }).unit).toEqual({ kind: 'kolada_ou', id: 'V15E058100101' });
    expect(rowWith({ enhet: 'VC  Centrum 1' }).unit).toEqual({ kind: 'register_id', id: 'VC Centrum 1' });
  });

  it('refuses what starts like an HSA or Kolada id but is malformed, rather than take it for a register id', () => {
    expect(problemWith({ enhet: 'SE2321000040_E1' }).message).toMatch(/har inte formen för ett HSA-id/);
    expect(problemWith({ enhet: 'V15E05' }).message).toMatch(/har inte formen för Koladas id/);
  });
});

describe('indikator', () => {
  it('is an id of the catalogue, case ignored; an unknown id lists the ids for the service', () => {
    expect(rowWith({ indikator: 'NPE_VARD_OCH_BEHANDLING_MEDEL' }).indicatorId).toBe(
      'npe_vard_och_behandling_medel',
    );
    const problem = problemWith({ indikator: 'nöjdhet' });
    expect(problem).toMatchObject({ column: 'indikator', value: 'nöjdhet' });
    expect(problem.message).toMatch(
      /^'nöjdhet' är ingen indikator i Utförarkollens katalog\. Indikatorer för vardcentral: npe_vard_och_behandling_medel, /,
    );
    expect(problem.message).toContain('vantetider_telefon_samma_dag');
  });

  it('explains that a Kolada KPI comes from the sync, not from a file', () => {
    const problems = problemWith({
      huvudman: '0581',
      tjanst: 'hemtjanst',
      enhet: '',
      indikator: 'u21468',
      varde: '85',
    });
    expect(problems.message).toBe(
      'U21468 (Nöjd med hemtjänsten som helhet) hämtas från Kolada av synken (npm run sync) och läses inte in från en fil med indikatorvärden',
    );
  });
});

describe('period', () => {
  it('reads the four kinds into one canonical spelling, with their first and last day', () => {
    expect(parsePeriod('2025')).toEqual({
      ok: true,
      period: { id: '2025', kind: 'year', year: 2025, start: '2025-01-01', end: '2025-12-31' },
    });
    expect(parsePeriod('2025h2')).toMatchObject({
      period: { id: '2025-H2', start: '2025-07-01', end: '2025-12-31' },
    });
    expect(parsePeriod('2024-K1')).toMatchObject({
      period: { id: '2024-Q1', start: '2024-01-01', end: '2024-03-31' },
    });
    expect(parsePeriod('2024-2')).toMatchObject({
      period: { id: '2024-02', kind: 'month', end: '2024-02-29' },
    });
    expect(parsePeriod('2025-12')).toMatchObject({ period: { id: '2025-12', end: '2025-12-31' } });
  });

  it('says what to write instead of a date, a spreadsheet date number or a month that does not exist', () => {
    expect(parsePeriod('2025-10-01')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/skriv 2025-10$/),
    });
    expect(parsePeriod('45931')).toMatchObject({
      message: expect.stringMatching(/gjort om perioden till ett datum/),
    });
    expect(parsePeriod('2025-13')).toMatchObject({ message: expect.stringMatching(/13 är ingen månad$/) });
    expect(parsePeriod('1925')).toMatchObject({ message: expect.stringMatching(/som inte kan stämma$/) });
    expect(parsePeriod('hösten 2025')).toMatchObject({ ok: false });
  });

  it('must have begun, be of a kind the source publishes, and lie in the years the measure exists', () => {
    expect(problemWith({ period: '2027', publicerad: '2026-01-01' }).message).toBe(
      'perioden 2027 har inte börjat än (i dag är det 2026-11-23)',
    );
    expect(
      rowWith({
        indikator: 'vantetider_telefon_samma_dag',
        period: '2026-11',
        varde: '90',
        publicerad: '2026-11-20',
      }).periodKind,
    ).toBe('month');
    expect(problemWith({ period: '2025-Q4' }).message).toBe(
      'npe_vard_och_behandling_medel redovisas per år (2025), inte per kvartal (2025-Q3)',
    );
    expect(problemWith({ period: '2023', publicerad: '2024-03-01' }).message).toMatch(
      /^npe_vard_och_behandling_medel finns bara för åren 2025–; 2023 mättes på ett annat sätt/,
    );
    expect(
      problemWith({
        indikator: 'vantetider_medicinsk_bedomning_3_dagar',
        period: '2018',
        varde: '80',
        publicerad: '2019-02-01',
      }).column,
    ).toBe('period');
  });
});

describe('varde, antal and the confidence interval', () => {
  it('reads a decimal comma or point, and refuses percent signs, spaces and words with a hint', () => {
    expect(rowWith({ varde: '0.82' }).value).toBe(0.82);
    expect(rowWith({ varde: '0,825' }).value).toBe(0.825);
    const share = { indikator: 'npe_svarsfrekvens', period: '2023', publicerad: '2024-03-01' };
    expect(rowWith({ ...share, varde: '45,5' }).value).toBe(45.5);
    expect(problemWith({ ...share, varde: '45,5 %' }).message).toMatch(/utan procenttecken/);
    expect(problemWith({ ...share, varde: '1 045,5' }).message).toMatch(/utan mellanslag/);
    expect(problemWith({ varde: 'bra' }).message).toMatch(/^'bra' är inget tal/);
  });

  it('keeps the value on its scale: 0-1 for the survey mean (with a hint at percent), 0-100 for a share', () => {
    expect(problemWith({ varde: '82' }).message).toBe(
      '82 ligger utanför skalan 0–1 (npe_vard_och_behandling_medel är ett medelvärde mellan 0 och 1, inte en procentsats)',
    );
    expect(
      problemWith({ indikator: 'npe_svarsfrekvens', period: '2023', publicerad: '2024-03-01', varde: '104' }),
    ).toMatchObject({
      column: 'varde',
      message: '104 ligger utanför skalan 0–100 (andelar skrivs i procent)',
    });
    expect(problemWith({ varde: '-0,1' }).column).toBe('varde');
  });

  it('reads antal as a whole number, thousands may be grouped by a space', () => {
    expect(rowWith({ antal: '1 204' }).count).toBe(1204);
    expect(rowWith({ antal: '' }).count).toBeNull();
    expect(problemWith({ antal: '12,5' }).message).toMatch(/ska vara ett heltal/);
    expect(problemWith({ antal: '-3' }).message).toMatch(/är inget antal/);
  });

  it('needs both bounds of a confidence interval, in order, around the value', () => {
    expect(rowWith({ ki_lag: '0,79', ki_hog: '0,85' }).confidenceInterval).toEqual({ low: 0.79, high: 0.85 });
    expect(problemWith({ ki_lag: '0,79' })).toMatchObject({
      column: 'ki_hog',
      message: expect.stringMatching(/^värde saknas/),
    });
    expect(problemWith({ ki_lag: '0,9', ki_hog: '0,8' }).message).toBe(
      'ki_lag (0,9) är större än ki_hog (0,8)',
    );
    expect(problemWith({ ki_lag: '0,83', ki_hog: '0,9' })).toMatchObject({ column: 'varde' });
    expect(problemWith({ ki_lag: '0,5', ki_hog: '1,2' })).toMatchObject({ column: 'ki_hog' });
  });
});

describe('the reporting threshold', () => {
  it('withholds a figure behind fewer than the threshold: no value, too_few_respondents, count kept', () => {
    expect(rowWith({ antal: '9', ki_lag: '0,7', ki_hog: '0,9' })).toMatchObject({
      value: null,
      missingReason: 'too_few_respondents',
      count: 9,
      confidenceInterval: null,
    });
    expect(rowWith({ antal: '10' })).toMatchObject({ value: 0.82, missingReason: null });
  });

  it('uses each source own threshold: 20 cases for Väntetider i vården', () => {
    const vantetider = {
      indikator: 'vantetider_medicinsk_bedomning_3_dagar',
      period: '2025-10',
      varde: '84,1',
      publicerad: '2025-11-20',
    };
    expect(rowWith({ ...vantetider, antal: '19' }).missingReason).toBe('too_few_respondents');
    expect(rowWith({ ...vantetider, antal: '20' }).value).toBe(84.1);
  });

  it('accepts an empty value only when antal says too few answered', () => {
    expect(rowWith({ varde: '', antal: '4' }).missingReason).toBe('too_few_respondents');
    expect(problemWith({ varde: '', antal: '' }).message).toMatch(
      /^värde saknas\. Har källan inte redovisat/,
    );
    expect(problemWith({ varde: '', antal: '50' }).message).toMatch(/antal \(50\) når upp till gränsen/);
  });

  it('keeps a figure without antal: the source applied its own rule when it published it', () => {
    expect(rowWith({ antal: '' })).toMatchObject({ value: 0.82, count: null, missingReason: null });
  });
});

describe('source and publication', () => {
  it('needs a source name, a web address and a publication date that is not in the future', () => {
    expect(problemWith({ kalla: '' }).message).toBe('värde saknas; kolumnen är obligatorisk');
    expect(problemWith({ kalla: '–' }).message).toMatch(/är inget källnamn/);
    expect(problemWith({ kalla_url: 'patientenkat.se' }).message).toMatch(/ingen fullständig webbadress/);
    expect(problemWith({ publicerad: '2026-12-01' }).message).toMatch(/ligger i framtiden/);
    expect(problemWith({ publicerad: '14/3/2026' }).message).toMatch(/ska skrivas som ÅÅÅÅ-MM-DD/);
  });

  it('refuses a publication date before the period began', () => {
    expect(problemWith({ publicerad: '2024-12-31' }).message).toMatch(
      /ligger före periodens början \(2025-01-01\)/,
    );
  });
});
