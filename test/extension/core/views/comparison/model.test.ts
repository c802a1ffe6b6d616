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

  it('sorts by an indicator, highest first, "Uppgift saknas" last for everyone in Swedish order', () => {
    expect(sortUnits(list.items, 'U21468').map((u) => u.name)).toEqual([
      'Exempelomsorg AB', // 95
      'Exempelkommunens hemtjänst', // 93
      'Övningsomsorg & Service AB', // 84
      'Åkerbo Påhittad Hemtjänst AB', // 80
      'Demohemtjänst Norr AB', // too few respondents
      'Ängsbacka Exempelkooperativ ek. för.', // too few respondents
    ]);
  });

  it('splits print columns four at a time', () => {
    expect(chunk([1, 2, 3, 4, 5, 6], 4)).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });
});
