import { describe, expect, it } from 'vitest';
import { detectFileKind, fileKind } from '../../shared/figures';
import { fixture } from '../fixtures/figures/helpers';

describe('fileKind: which format a header row is', () => {
  it('tells the figures format from the register by their column names, spelling forgiven', () => {
    expect(fileKind(['huvudman', 'tjanst', 'enhet', 'indikator', 'period', 'varde'])).toBe('figures');
    expect(fileKind(['Huvudman', 'Indikator', 'Värde'])).toBe('figures');
    expect(fileKind(['huvudman', 'tjanst', 'namn', 'regi', 'verifierad'])).toBe('register');
    expect(fileKind(['Namn', 'Tjänst'])).toBe('register');
  });

  it('is null for a header that is neither, so the caller can say what a header must hold', () => {
    expect(fileKind([])).toBeNull();
    expect(fileKind(['huvudman', 'tjanst'])).toBeNull();
    expect(fileKind(['Vårdcentral', 'Resultat'])).toBeNull();
  });
});

describe('detectFileKind: the kind of a whole file', () => {
  it('reads the header of CSV files (BOM, either delimiter) and the format of JSON files', () => {
    expect(detectFileKind(fixture('excel-semikolon.csv'))).toBe('figures');
    expect(detectFileKind(fixture('komma.csv'))).toBe('figures');
    expect(detectFileKind(fixture('exempel.json'))).toBe('figures');
    expect(detectFileKind(fixture('../../../examples/utforarregister-exempel.csv'))).toBe('register');
    expect(detectFileKind(fixture('../../../examples/utforarregister-exempel.json'))).toBe('register');
  });

  it('is null for what it cannot read as either: a spreadsheet, broken JSON, an unknown format', () => {
    expect(detectFileKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toBeNull();
    expect(detectFileKind('{"format": ')).toBeNull();
    expect(detectFileKind('{"format": "annat"}')).toBeNull();
    expect(detectFileKind('\n\n')).toBeNull();
  });
});
