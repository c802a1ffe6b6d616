import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/domain';
import { formatUnitOrder, parseUnitOrder, sortUnits, UNIT_SORT_PATTERN } from '../../shared/domain/sort';

/** Invented units: a name, a regi, a date and one figure (null: missing). */
function unit(
  name: string,
  value: number | null,
  regi: Unit['regi'] = 'privat',
  verifiedAt = '2026-01-01',
): Unit {
  return {
    name,
    regi,
    verifiedAt,
    indicators: [{ id: 'U21468', value, figures: [] }],
  } as unknown as Unit;
}

const units = [
  unit('Östra Påhittade Omsorgen', 70, 'egen_regi', '2026-03-01'),
  unit('Aronia Exempelvård', null, 'privat', '2026-02-01'),
  unit('Ängens Provomsorg', 70, 'ideburen', '2026-01-01'),
  unit('Björkbackens Demotjänst', 90, 'privat', '2026-03-01'),
  unit('Zeta Exempelhemtjänst', null, 'privat', '2026-02-01'),
];
const names = (sort?: string) => sortUnits(units, sort).map((u) => u.name);

describe('one sort rule for the API and the extension', () => {
  it('defaults to Swedish alphabetical order by name (å, ä, ö after z); "-name" reverses it', () => {
    const alphabetical = [
      'Aronia Exempelvård',
      'Björkbackens Demotjänst',
      'Zeta Exempelhemtjänst',
      'Ängens Provomsorg',
      'Östra Påhittade Omsorgen',
    ];
    expect(names()).toEqual(alphabetical);
    expect(names('name')).toEqual(alphabetical);
    expect(names('-name')).toEqual([...alphabetical].reverse());
  });

  it('sorts a figure ascending, or descending with "-"; missing figures last either way, ties by name', () => {
    expect(names('U21468')).toEqual([
      'Ängens Provomsorg', // 70, before Östra by name
      'Östra Påhittade Omsorgen', // 70
      'Björkbackens Demotjänst', // 90
      'Aronia Exempelvård', // missing, in name order
      'Zeta Exempelhemtjänst',
    ]);
    expect(names('-U21468')).toEqual([
      'Björkbackens Demotjänst',
      'Ängens Provomsorg',
      'Östra Påhittade Omsorgen',
      'Aronia Exempelvård',
      'Zeta Exempelhemtjänst',
    ]);
    // An indicator no unit has: every figure missing, so the name order.
    expect(names('-U99999')).toEqual(names('name'));
  });

  it('sorts by regi and by date checked, ties by name', () => {
    expect(names('regi')).toEqual([
      'Östra Påhittade Omsorgen', // egen_regi
      'Ängens Provomsorg', // ideburen
      'Aronia Exempelvård', // privat ...
      'Björkbackens Demotjänst',
      'Zeta Exempelhemtjänst',
    ]);
    expect(names('-verifiedAt')).toEqual([
      'Björkbackens Demotjänst',
      'Östra Påhittade Omsorgen',
      'Aronia Exempelvård',
      'Zeta Exempelhemtjänst',
      'Ängens Provomsorg',
    ]);
  });

  it('reads and writes the key and direction as ?sort= does, and knows which keys exist', () => {
    expect(parseUnitOrder('-U21468')).toEqual({ key: 'U21468', direction: 'descending' });
    expect(parseUnitOrder('name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(formatUnitOrder({ key: 'U21468', direction: 'descending' })).toBe('-U21468');
    expect(sortUnits(units, { key: 'U21468', direction: 'descending' })).toEqual(sortUnits(units, '-U21468'));
    for (const ok of ['name', '-name', 'regi', '-verifiedAt', 'U21468', '-N21495'])
      expect(ok).toMatch(UNIT_SORT_PATTERN);
    for (const bad of ['score', '--name', 'u21468', 'U2146']) expect(bad).not.toMatch(UNIT_SORT_PATTERN);
  });

  it('does not change the list it was given', () => {
    const before = units.map((u) => u.name);
    sortUnits(units, '-U21468');
    expect(units.map((u) => u.name)).toEqual(before);
  });
});

describe('a unit whose figures are per survey unit', () => {
  const areas = {
    name: 'Mellan Exempelomsorg',
    regi: 'privat',
    verifiedAt: '2026-01-01',
    indicators: [
      {
        id: 'U21468',
        value: null,
        missingReason: 'several_survey_units',
        figures: [{ value: 95 }, { value: 60 }],
      },
    ],
  } as unknown as Unit;
  const others = [unit('Alfa Påhittad', 80), unit('Beta Påhittad', null)];

  it('is placed by the first of its figures in the chosen order, never by a combination of them', () => {
    expect(sortUnits([...others, areas], '-U21468').map((u) => u.name)).toEqual([
      'Mellan Exempelomsorg',
      'Alfa Påhittad',
      'Beta Påhittad',
    ]);
    expect(sortUnits([...others, areas], 'U21468').map((u) => u.name)).toEqual([
      'Mellan Exempelomsorg',
      'Alfa Påhittad',
      'Beta Påhittad',
    ]);
  });
});
