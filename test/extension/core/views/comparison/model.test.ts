import { describe, expect, it } from 'vitest';
import {
  byIndicator,
  chunk,
  createComparisonModel,
} from '../../../../../extension/core/views/comparison/model';
import { DEMO_HEMTJANST_0581_IN_SWEDISH_ORDER, unitListFixture } from '../../../fixtures';

const list = unitListFixture('units-0581-hemtjanst');

/** The comparison of every unit of the list, in the order the view offers. */
function shown(sortBy?: string): string[] {
  const model = createComparisonModel();
  model.list.value = list;
  model.comparison.value = { huvudman: '0581', service: 'hemtjanst', unitIds: [], show: 'all' };
  model.mode.value = 'all';
  if (sortBy) model.sortBy.value = sortBy;
  return model.units.value.map((u) => u.name);
}

describe('comparison order (the shared rule, shared/domain/sort.ts)', () => {
  it('defaults to Swedish alphabetical order, å ä ö last', () => {
    expect(shown()).toEqual(DEMO_HEMTJANST_0581_IN_SWEDISH_ORDER);
  });

  it('sorts by an indicator, highest first, "Uppgift saknas" last for everyone in Swedish order', () => {
    expect(byIndicator('U21468')).toBe('-U21468');
    expect(shown(byIndicator('U21468'))).toEqual([
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
