import { describe, expect, it } from 'vitest';
import { koladaKpi, koladaMunicipalityDataRow, koladaOuDataRow, koladaPage } from '../../api/kolada/types';

const T = { gender: 'T', count: 42, status: '', value: 81 };
const K = { gender: 'K', count: 30, status: '', value: 84 };

describe('data rows', () => {
  it('keep the total ("T") with its count as respondents, whatever the order of genders', () => {
    const row = koladaOuDataRow.parse({ kpi: 'U21468', ou: 'V21E058100101', period: 2026, values: [K, T] });
    expect(row).toEqual({
      kpi: 'U21468',
      subjectType: 'ou',
      subject: 'V21E058100101',
      period: '2026',
      value: 81,
      respondents: 42,
      status: null,
      deleted: false,
    });
  });

  it('keep a null value, a status note and a missing count as they are', () => {
    const row = koladaMunicipalityDataRow.parse({
      kpi: 'U21468',
      municipality: '0000',
      period: '2025',
      values: [{ gender: 'T', status: 'Ej tillförlitligt', value: null }],
    });
    expect(row).toMatchObject({ subjectType: 'municipality', subject: '0000', period: '2025' });
    expect(row).toMatchObject({ value: null, respondents: null, status: 'Ej tillförlitligt' });
  });

  it('have no figure when Kolada sends no total', () => {
    const row = koladaOuDataRow.parse({ kpi: 'U21468', ou: 'V1', period: 2026, values: [K] });
    expect(row).toMatchObject({ value: null, respondents: null, deleted: false });
  });

  it.each([
    ['isdeleted on the row', { isdeleted: true, values: [T] }],
    ['is_deleted (v2) on the row', { is_deleted: true, values: [T] }],
    ['isdeleted on the total', { values: [{ ...T, isdeleted: true }] }],
    ['is_deleted as 1 on the total', { values: [{ ...T, is_deleted: 1 }] }],
  ])('are deleted when Kolada says so: %s', (_, extra) => {
    expect(koladaOuDataRow.parse({ kpi: 'U21468', ou: 'V1', period: 2026, ...extra }).deleted).toBe(true);
  });

  it('are not deleted when only another gender is', () => {
    const row = koladaOuDataRow.parse({
      kpi: 'U1',
      ou: 'V1',
      period: 2026,
      values: [T, { ...K, isdeleted: true }],
    });
    expect(row.deleted).toBe(false);
  });

  it.each([
    ['no period', { values: [T] }],
    ['a period that is not a year', { period: '2026-10', values: [T] }],
    ['an unknown gender', { period: 2026, values: [{ ...T, gender: 'X' }] }],
    ['a value that is text', { period: 2026, values: [{ ...T, value: '81' }] }],
    ['no value field', { period: 2026, values: [{ gender: 'T', count: 3 }] }],
    ['two totals', { period: 2026, values: [T, T] }],
  ])('are refused with %s', (_, fields) => {
    expect(koladaOuDataRow.safeParse({ kpi: 'U1', ou: 'V1', ...fields }).success).toBe(false);
  });

  it('must name their subject: an OU row without ou is refused', () => {
    expect(
      koladaOuDataRow.safeParse({ kpi: 'U1', municipality: '0581', period: 2026, values: [T] }).success,
    ).toBe(false);
  });
});

describe('pages', () => {
  const page = koladaPage(koladaOuDataRow);

  it('read next_url (v3) and next_page (v2), and ignore fields they do not know', () => {
    expect(page.parse({ values: [], next_url: 'https://x/2', count: 0, _comment: 'x' }).next).toBe(
      'https://x/2',
    );
    expect(page.parse({ values: [], next_page: 'https://x/2' }).next).toBe('https://x/2');
    expect(page.parse({ values: [], next_url: null }).next).toBeNull();
    expect(page.parse({ values: [], next_url: '' }).next).toBeNull();
    expect(page.parse({ values: [] }).next).toBeNull();
  });

  it('refuse a body without values', () => {
    expect(page.safeParse({ value: [] }).success).toBe(false);
    expect(page.safeParse([]).success).toBe(false);
  });
});

describe('KPI metadata', () => {
  it('is reduced to camelCase fields, tolerating v2 0/1 flags and missing ones', () => {
    expect(
      koladaKpi.parse({ id: 'U21468', title: 'Brukarbedömning', has_ou_data: 1, publ_period: 2026 }),
    ).toEqual({
      id: 'U21468',
      title: 'Brukarbedömning',
      description: null,
      hasOuData: true,
      isDividedByGender: null,
      municipalityType: null,
      publicationDate: null,
      publicationPeriod: '2026',
    });
  });
});
