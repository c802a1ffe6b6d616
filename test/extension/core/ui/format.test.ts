import { describe, expect, it } from 'vitest';
import { type FigureLine, sourceText } from '../../../../extension/core/ui/figures';
import { formatNumber, formatValue } from '../../../../extension/core/ui/format';
import { translator } from '../../../../extension/core/ui/i18n';
import { unitListFixture } from '../../fixtures';

const list = unitListFixture('units-0581-hemtjanst');

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
    const line = { source: definition.source, publishedAt: '2025-10-15' } as FigureLine;
    const t = translator('sv');
    expect(sourceText(list, line, t)).toBe('Exempeldata – inte verkliga uppgifter');
    expect(sourceText({ dataset: { kind: 'live' } }, line, t)).toBe('Källa: Kolada · publicerad 2025-10-15');
  });
});
