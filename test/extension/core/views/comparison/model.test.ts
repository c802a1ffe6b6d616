import { describe, expect, it } from 'vitest';
import { chunk, sortUnits } from '../../../../../extension/core/views/comparison/model';
import { unitListFixture } from '../../../fixtures';

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
