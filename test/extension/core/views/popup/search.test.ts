import { describe, expect, it } from 'vitest';
import { allKommuner, allRegioner } from '../../../../../extension/core/sites/places';
import { searchPlaces } from '../../../../../extension/core/views/popup/search';

describe('popup search among 290 kommuner and 21 regions', () => {
  const places = [...allKommuner(), ...allRegioner()];
  it('finds by the start of a name, without diacritics, starts first', () => {
    expect(searchPlaces(places, 'norrk').map((p) => p.name)).toEqual(['Norrköping']);
    expect(searchPlaces(places, 'Goteborg')[0]?.name).toBe('Göteborg');
    expect(searchPlaces(places, 'östergötland').map((p) => p.code)).toEqual(['05']);
    expect(
      searchPlaces(places, 'habo')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Habo', 'Håbo']);
    expect(searchPlaces(places, '')).toEqual([]);
  });
});
