// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ComparisonView } from '../../../../../extension/core/views/comparison/ComparisonView';
import { createComparisonModel } from '../../../../../extension/core/views/comparison/model';
import { unitListFixture } from '../../../fixtures';

describe('the comparison view', () => {
  it('prints the date in Sweden ("Utskriven"), not UTC’s', () => {
    const model = createComparisonModel({ now: () => new Date('2026-10-04T22:30:00Z') });
    model.list.value = unitListFixture('units-0581-hemtjanst');
    model.comparison.value = { huvudman: '0581', service: 'hemtjanst', unitIds: [], show: 'all' };
    model.mode.value = 'all';
    const root = document.createElement('div');
    render(<ComparisonView model={model} onRemove={() => {}} actions={{ print: () => {} }} />, root);
    expect(root.querySelector('footer')?.textContent).toContain('Utskriven 2026-10-05');
    expect(root.querySelector('footer')?.textContent).toContain(
      'Källa: Exempeldata – inte verkliga uppgifter. Uppgifterna uppdaterades',
    );
  });
});
