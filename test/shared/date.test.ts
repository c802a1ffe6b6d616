import { describe, expect, it } from 'vitest';
import { todayInSweden } from '../../shared/domain/date';
import { todayInSweden as fromRegister } from '../../shared/register';

describe('todayInSweden', () => {
  it('is the date in Sweden, which UTC has not reached yet just after midnight', () => {
    const justAfterMidnight = new Date('2026-10-04T22:30:00Z'); // 00:30 summer time in Stockholm
    expect(justAfterMidnight.toISOString().slice(0, 10)).toBe('2026-10-04');
    expect(todayInSweden(justAfterMidnight)).toBe('2026-10-05');
    expect(todayInSweden(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16'); // winter time, UTC+1
    expect(todayInSweden(new Date('2026-01-15T22:30:00Z'))).toBe('2026-01-15');
  });

  it('is still exported by the register parser for its callers', () => {
    expect(fromRegister).toBe(todayInSweden);
  });
});
