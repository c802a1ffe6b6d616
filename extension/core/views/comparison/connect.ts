import { type Comparison, comparisonMode, isSameSystem, removeUnit } from '../../comparison';
import type { Send } from '../../messages';
import { type Settings, withDefaults } from '../../settings';
import type { StorageItem } from '../../storage-item';
import type { ComparisonActions } from './ComparisonView';
import type { ComparisonModel } from './model';
import { type ComparisonPage, comparisonPageQuery } from './url';

export interface ComparisonDeps {
  settings: StorageItem<Settings>;
  comparison: StorageItem<Comparison | null>;
  send: Send;
  /** Opens the comparison page for this address query (`?huvudman=…&service=…`) in a tab of its own */
  openTab(query: string): void;
}

async function loadList(
  model: ComparisonModel,
  send: Send,
  system: { huvudman: string; service: Comparison['service'] },
) {
  const current = model.list.value;
  if (current && isSameSystem({ ...system, unitIds: [] }, current)) return;
  model.status.value = 'loading';
  const response = await send({ type: 'units', huvudman: system.huvudman, service: system.service });
  model.list.value = response?.ok ? response.list : null;
  model.status.value = response?.ok ? 'ready' : 'error';
}

/** The tab page's address for what the view shows now: its units (if not all) and its order. */
function shownQuery(model: ComparisonModel, system: Comparison, print: boolean): string {
  const all = model.list.value !== null && model.units.value.length === model.list.value.items.length;
  return comparisonPageQuery({
    huvudman: system.huvudman,
    service: system.service,
    units: all ? null : model.units.value.map((u) => u.id),
    sort: model.sortBy.value,
    print,
  });
}

/**
 * The side panel (or sidebar) on stored data: the chosen units and settings from storage, the list
 * through the background (its cache), again whenever either changes. Printing and "Öppna i egen flik"
 * open the comparison page in a tab (a side panel is no place to print from).
 */
export function connectComparison(model: ComparisonModel, deps: ComparisonDeps) {
  const load = async () => {
    const [settings, comparison] = await Promise.all([deps.settings.getValue(), deps.comparison.getValue()]);
    model.settings.value = withDefaults(settings);
    model.comparison.value = comparison;
    if (!comparison) return;
    model.mode.value = comparisonMode(comparison);
    await loadList(model, deps.send, comparison);
  };

  const actions: ComparisonActions = {
    print(what) {
      const system = model.comparison.value;
      if (!system) return;
      deps.openTab(
        what === 'all'
          ? comparisonPageQuery({ huvudman: system.huvudman, service: system.service, print: true })
          : shownQuery(model, system, true),
      );
    },
    openInTab() {
      const system = model.comparison.value;
      if (system) deps.openTab(shownQuery(model, system, false));
    },
  };

  return {
    load,
    actions,
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

export interface ComparisonPageDeps {
  settings: StorageItem<Settings>;
  send: Send;
  /** window.print, after the view has drawn what is to be printed */
  print(): void;
}

/**
 * The comparison page of its own (comparison.html?huvudman=…&service=…): every unit of that system in
 * alphabetical order, or the units and order its address names. Its choices stay on the page; the
 * stored comparison of the side panel is not changed.
 */
export function connectComparisonPage(
  model: ComparisonModel,
  page: ComparisonPage,
  deps: ComparisonPageDeps,
) {
  model.comparison.value = {
    huvudman: page.huvudman,
    service: page.service,
    unitIds: page.units ?? [],
    show: page.units ? 'chosen' : 'all',
  };
  model.mode.value = page.units ? 'chosen' : 'all';
  model.sortBy.value = page.sort;
  const actions: ComparisonActions = {
    print(what) {
      if (what === 'all') model.showEveryUnitAlphabetically();
      deps.print();
    },
  };
  const loadSettings = async () => {
    model.settings.value = withDefaults(await deps.settings.getValue());
  };
  return {
    actions,
    async load() {
      await loadSettings();
      await loadList(model, deps.send, page);
      if (page.print && model.status.value === 'ready') deps.print();
    },
    start(): () => void {
      const stop = deps.settings.watch(() => void loadSettings());
      void this.load();
      return stop;
    },
    remove(unitId: string) {
      const current = model.comparison.value;
      if (current) model.comparison.value = removeUnit(current, current, unitId);
    },
  };
}
