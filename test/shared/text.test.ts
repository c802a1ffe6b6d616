import { describe, expect, it } from 'vitest';
import { foldText } from '../../shared/domain/text';

describe('foldText', () => {
  it('lower-cases and drops diacritics, composed or not', () => {
    expect(foldText('Välj Utförare')).toBe('valj utforare');
    expect(foldText('Linnégården')).toBe('linnegarden');
    expect(foldText('A\u030Angården')).toBe('angarden');
    expect(foldText('ÖSTERGÖTLANDS LÄN')).toBe('ostergotlands lan');
  });
});
