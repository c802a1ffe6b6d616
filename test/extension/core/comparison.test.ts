import { describe, expect, it } from 'vitest';
import {
  addUnit,
  type Comparison,
  chosenIds,
  comparisonMode,
  isSameSystem,
  removeUnit,
  showAll,
  toggleUnit,
} from '../../../extension/core/comparison';

const hemtjanst = { huvudman: '0581', service: 'hemtjanst' } as const;
const sabo = { huvudman: '0581', service: 'sarskilt_boende' } as const;
const otherKommun = { huvudman: '0580', service: 'hemtjanst' } as const;
const chosen: Comparison = { ...hemtjanst, unitIds: ['u_a', 'u_b'], show: 'chosen' };

describe('the comparison list: one choice system at a time', () => {
  it('is the same list only for the same huvudman and service', () => {
    expect(isSameSystem(chosen, hemtjanst)).toBe(true);
    expect(isSameSystem(chosen, sabo)).toBe(false);
    expect(isSameSystem(chosen, otherKommun)).toBe(false);
    expect(isSameSystem(null, hemtjanst)).toBe(false);
    expect(chosenIds(chosen, sabo)).toEqual([]);
    expect(chosenIds(chosen, hemtjanst)).toEqual(['u_a', 'u_b']);
  });

  it('adds once; a unit of another system starts a new list', () => {
    expect(addUnit(chosen, hemtjanst, 'u_c').unitIds).toEqual(['u_a', 'u_b', 'u_c']);
    expect(addUnit(chosen, hemtjanst, 'u_a').unitIds).toEqual(['u_a', 'u_b']);
    expect(addUnit(chosen, otherKommun, 'u_x')).toEqual({ ...otherKommun, unitIds: ['u_x'], show: 'chosen' });
    expect(addUnit(null, sabo, 'u_s')).toEqual({ ...sabo, unitIds: ['u_s'], show: 'chosen' });
  });

  it('toggles: a chosen unit is removed, another added', () => {
    expect(toggleUnit(chosen, hemtjanst, 'u_a').unitIds).toEqual(['u_b']);
    expect(toggleUnit(toggleUnit(chosen, hemtjanst, 'u_c'), hemtjanst, 'u_c').unitIds).toEqual([
      'u_a',
      'u_b',
    ]);
    expect(removeUnit(chosen, hemtjanst, 'u_b').unitIds).toEqual(['u_a']);
  });

  it('"Se alla utförare" shows every unit of the system, also when some were chosen', () => {
    const all = showAll(chosen, hemtjanst);
    expect(all).toEqual({ ...hemtjanst, unitIds: ['u_a', 'u_b'], show: 'all' });
    expect(comparisonMode(all)).toBe('all');
    expect(showAll(chosen, sabo)).toEqual({ ...sabo, unitIds: [], show: 'all' });
    // Choosing a unit afterwards shows the chosen ones again.
    expect(comparisonMode(addUnit(all, hemtjanst, 'u_c'))).toBe('chosen');
  });

  it('reads lists stored before "show" existed: empty means all', () => {
    expect(comparisonMode({ ...hemtjanst, unitIds: [] })).toBe('all');
    expect(comparisonMode({ ...hemtjanst, unitIds: ['u_a'] })).toBe('chosen');
    expect(comparisonMode(null)).toBe('all');
  });
});
