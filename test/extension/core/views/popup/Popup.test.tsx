// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ApiFailure, SiteChecks } from '../../../../../extension/core/data-status';
import { DEFAULT_SETTINGS, type ManualChoice, type Settings } from '../../../../../extension/core/settings';
import { createPopupModel } from '../../../../../extension/core/views/popup/model';
import { Popup } from '../../../../../extension/core/views/popup/Popup';
import { memoryItem } from '../../../fixtures';

async function popupText(siteChecks: SiteChecks, settings: Settings = DEFAULT_SETTINGS) {
  const model = createPopupModel({
    settings: memoryItem('settings', settings),
    manualChoices: memoryItem<Record<string, ManualChoice>>('manualChoices', {}),
    apiFailure: memoryItem<ApiFailure | null>('apiFailure', null),
    siteChecks: memoryItem('siteChecks', siteChecks),
    cachedLists: async () => [],
    tabs: { active: async () => ({}), detected: async () => null, onDetected: () => () => {} },
    openComparison: async () => {},
    comparison: memoryItem('comparison', null),
    openTab: async () => {},
  });
  await model.load();
  const root = document.createElement('div');
  render(<Popup model={model} />, root);
  return root.querySelector('#status')!.parentElement!.textContent ?? '';
}

describe('the popup’s data status', () => {
  it('says in plain Swedish which site looked different, and since when', async () => {
    const at = Date.parse('2026-10-05T10:00:00Z');
    const text = await popupText({
      'generic www.exempel.se': {
        adapter: 'generic',
        host: 'www.exempel.se',
        missing: ['sidans huvudinnehåll'],
        at,
      },
    });
    expect(text).toContain(
      'Sidan ser annorlunda ut än väntat: på www.exempel.se hittade Utförarkollen inte sidans huvudinnehåll (sedan 2026-10-05).',
    );
    expect(text).toContain('Märken kan saknas där');
  });

  it('says nothing of the kind while every site looks as expected', async () => {
    expect(await popupText({})).not.toContain('annorlunda');
  });
});
