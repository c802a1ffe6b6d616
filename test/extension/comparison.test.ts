import { describe, expect, it } from 'vitest';
import { allKommuner, allRegioner } from '../../extension/sites/places';
import { chunk, sortUnits } from '../../extension/ui/comparison-model';
import { formatNumber, formatValue, indicatorAttribution } from '../../extension/ui/format';
import { searchPlaces } from '../../extension/ui/popup-model';
import { unitListFixture } from './fixtures';

const list = unitListFixture('units-0581-hemtjanst');

describe('comparison order', () => {
  it('defaults to Swedish alphabetical order, å ä ö last', () => {
    expect(sortUnits(list.items, 'name').map((u) => u.name)).toEqual([
      'Demohemtjänst Norr AB',
      'Exempelkommunens hemtjänst',
      'Exempelomsorg AB',
      'Åkerbo Påhittad Hemtjänst AB',
      'Ängsbacka Exempelkooperativ ek. för.',
      'Övningsomsorg & Service AB',
    ]);
  });

  it('sorts by an indicator, highest first, "Uppgift saknas" last for everyone', () => {
    const sorted = sortUnits(list.items, 'U21468');
    const values = sorted.map((u) => u.indicators.find((i) => i.id === 'U21468')?.value ?? null);
    const firstMissing = values.indexOf(null);
    const present = values.slice(0, firstMissing === -1 ? undefined : firstMissing) as number[];
    expect(present).toEqual([...present].sort((a, b) => b - a));
    if (firstMissing !== -1) expect(values.slice(firstMissing).every((v) => v === null)).toBe(true);
  });

  it('splits print columns four at a time', () => {
    expect(chunk([1, 2, 3, 4, 5, 6], 4)).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });
});

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

describe('number formatting without Intl', () => {
  it('writes Swedish and English numbers', () => {
    expect(formatValue(91, 'percent', 'sv')).toBe('91\u00a0%');
    expect(formatValue(91.25, 'percent', 'en')).toBe('91.3%');
    expect(formatNumber(12345.6, 'sv')).toBe('12\u00a0345,6');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(-3, 'sv')).toBe('−3');
  });

  it('never attributes a demo list’s missing figure to Kolada', () => {
    const definition = list.indicators[0]!;
    expect(indicatorAttribution(list, definition, null, 'Exempeldata')).toBe('Exempeldata');
    expect(indicatorAttribution({ dataset: { kind: 'live' } }, definition, null, 'Exempeldata')).toBe(
      'Källa: Kolada',
    );
  });
});
