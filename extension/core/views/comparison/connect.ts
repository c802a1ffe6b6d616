import { type Comparison, comparisonMode, isSameSystem, removeUnit } from '../../comparison';
import type { Send } from '../../messages';
import { type Settings, withDefaults } from '../../settings';
import type { StorageItem } from '../../storage-item';
import type { ComparisonModel } from './model';

export interface ComparisonDeps {
  settings: StorageItem<Settings>;
  comparison: StorageItem<Comparison | null>;
  send: Send;
}

/**
 * The comparison page (side panel, sidebar or tab) on stored data: the chosen units and settings from
 * storage, the list through the background (its cache), again whenever either changes.
 */
export function connectComparison(model: ComparisonModel, deps: ComparisonDeps) {
  const load = async () => {
    const [settings, comparison] = await Promise.all([deps.settings.getValue(), deps.comparison.getValue()]);
    model.settings.value = withDefaults(settings);
    model.comparison.value = comparison;
    if (!comparison) return;
    model.mode.value = comparisonMode(comparison);
    const current = model.list.value;
    if (current && isSameSystem(comparison, current)) return;
    model.status.value = 'loading';
    const response = await deps.send({
      type: 'units',
      huvudman: comparison.huvudman,
      service: comparison.service,
    });
    model.list.value = response?.ok ? response.list : null;
    model.status.value = response?.ok ? 'ready' : 'error';
  };

  return {
    load,
    /** Loads now and on every change; returns the function that stops watching. */
    start(): () => void {
      const stops = [deps.comparison.watch(() => void load()), deps.settings.watch(() => void load())];
      void load();
      return () => {
        for (const stop of stops) stop();
      };
    },
    async remove(unitId: string) {
      const current = await deps.comparison.getValue();
      if (current) await deps.comparison.setValue(removeUnit(current, current, unitId));
    },
  };
}
