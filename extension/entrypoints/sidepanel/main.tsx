import { render } from 'preact';
import { browser } from 'wxt/browser';
import { comparisonMode, isSameSystem, removeUnit } from '../../core/comparison';
import type { Request, UnitsResponse } from '../../core/messages';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { ComparisonView } from '../../core/views/comparison/ComparisonView';
import { createComparisonModel } from '../../core/views/comparison/model';
import { comparisonItem, settingsItem } from '../../platform/storage';
import '../../core/ui/pages.css';

const model = createComparisonModel();
const send = <T,>(request: Request) => browser.runtime.sendMessage(request) as Promise<T>;

async function load() {
  const [settings, comparison] = await Promise.all([settingsItem.getValue(), comparisonItem.getValue()]);
  model.settings.value = { ...DEFAULT_SETTINGS, ...settings };
  document.documentElement.lang = model.settings.value.language;
  model.comparison.value = comparison;
  if (!comparison) return;
  model.mode.value = comparisonMode(comparison);
  const current = model.list.value;
  if (current && isSameSystem(comparison, current)) return;
  model.status.value = 'loading';
  const response = await send<UnitsResponse>({
    type: 'units',
    huvudman: comparison.huvudman,
    service: comparison.service,
  });
  model.list.value = response?.ok ? response.list : null;
  model.status.value = response?.ok ? 'ready' : 'error';
}

comparisonItem.watch(() => void load());
settingsItem.watch(() => void load());
void load();

render(
  <ComparisonView
    model={model}
    today={new Date().toISOString().slice(0, 10)}
    onRemove={async (unitId) => {
      const current = await comparisonItem.getValue();
      if (current) await comparisonItem.setValue(removeUnit(current, current, unitId));
    }}
  />,
  document.getElementById('app')!,
);
