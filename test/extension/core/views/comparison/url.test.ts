import { describe, expect, it } from 'vitest';
import { comparisonPageQuery, parseComparisonPage } from '../../../../../extension/core/views/comparison/url';

describe('the comparison page’s address', () => {
  it('names a system; every unit in alphabetical order unless it says otherwise', () => {
    expect(comparisonPageQuery({ huvudman: '0581', service: 'hemtjanst' })).toBe(
      '?huvudman=0581&service=hemtjanst',
    );
    expect(parseComparisonPage('?huvudman=0581&service=hemtjanst')).toEqual({
      huvudman: '0581',
      service: 'hemtjanst',
      units: null,
      sort: 'name',
      print: false,
    });
  });

  it('reads back a selection, an order and print', () => {
    const query = comparisonPageQuery({
      huvudman: '05',
      service: 'vardcentral',
      units: ['u_a', 'u_b'],
      sort: '-npe_vard_och_behandling_medel',
      print: true,
    });
    expect(parseComparisonPage(query)).toEqual({
      huvudman: '05',
      service: 'vardcentral',
      units: ['u_a', 'u_b'],
      sort: '-npe_vard_och_behandling_medel',
      print: true,
    });
  });

  it('refuses an address without a kommun or region and one of its services', () => {
    expect(parseComparisonPage('')).toBeNull();
    expect(parseComparisonPage('?huvudman=581&service=hemtjanst')).toBeNull();
    expect(parseComparisonPage('?huvudman=0581&service=hemtjänst')).toBeNull();
    // A vårdcentral belongs to a region, hemtjänst to a kommun.
    expect(parseComparisonPage('?huvudman=0581&service=vardcentral')).toBeNull();
    expect(parseComparisonPage('?huvudman=05&service=hemtjanst')).toBeNull();
  });

  it('drops unit ids and orders it cannot use rather than passing them on', () => {
    const page = parseComparisonPage(
      '?huvudman=0581&service=hemtjanst&units=u_a,<script>,u_b&sort=drop%20table',
    );
    expect(page?.units).toEqual(['u_a', 'u_b']);
    expect(page?.sort).toBe('name');
  });
});
