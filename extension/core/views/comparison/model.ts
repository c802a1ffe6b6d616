import { computed, signal } from '@preact/signals';
import type { UnitList } from '../../../../shared/domain/api';
import { compareSwedish } from '../../../../shared/domain/collation';
import { todayInSweden } from '../../../../shared/domain/date';
import { formatUnitOrder, parseUnitOrder, sortUnits } from '../../../../shared/domain/sort';
import type { Unit } from '../../../../shared/domain/unit';
import type { Comparison, ComparisonMode } from '../../comparison';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { indicatorLabel } from '../../ui/format';
import { translator } from '../../ui/i18n';
import { EN } from '../../ui/i18n-en';
import { SV_PAGES } from '../../ui/i18n-pages';

/**
 * The comparison view's state: which units, in which order, filtered how. Default order is Swedish
 * alphabetical (å, ä, ö last); sorting by an indicator shows the highest figure first and puts
 * "Uppgift saknas" last for everyone (the same rule as the API's ?sort=, shared/domain/sort.ts).
 * A selection or another order is always said in words (`selection`, `order`), on screen and on paper,
 * so a partial list never reads as the whole one, nor a re-sorted one as a ranking.
 */
export function createComparisonModel(options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const comparison = signal<Comparison | null>(null);
  const list = signal<UnitList | null>(null);
  const status = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const mode = signal<ComparisonMode>('chosen');
  /** As the API's ?sort=: "name", or "-U21468" for an indicator, highest first (shared/domain/sort.ts) */
  const sortBy = signal<string>('name');
  const area = signal<string>('');
  const language = signal<string>('');

  const t = computed(() => translator(settings.value.language, EN, SV_PAGES));
  const areas = computed(() => distinct(list.value?.items.flatMap((u) => u.areas) ?? []));
  const languages = computed(() =>
    distinct(list.value?.items.flatMap((u) => u.languages.map((l) => l.name)) ?? []),
  );

  const units = computed<Unit[]>(() => {
    const l = list.value;
    if (!l) return [];
    const chosen = comparison.value?.unitIds ?? [];
    let items = mode.value === 'chosen' ? l.items.filter((u) => chosen.includes(u.id)) : [...l.items];
    if (area.value) items = items.filter((u) => u.areas.includes(area.value));
    if (language.value) items = items.filter((u) => u.languages.some((x) => x.name === language.value));
    return sortUnits(items, sortBy.value);
  });

  /** "Urval: 2 av 6 godkända utförare (område Söder)" or "Alla 6 godkända utförare" */
  const selection = computed(() => {
    const l = list.value;
    if (!l) return '';
    const tr = t.value;
    const what = tr(l.dataset.basis === 'kolada' ? 'what_kolada' : 'what_register');
    const total = l.items.length;
    const shown = units.value.length;
    const filters = [
      area.value && tr('filteredBy', { area: area.value }),
      language.value && tr('filteredByLanguage', { language: language.value }),
    ].filter(Boolean);
    const text =
      shown === total ? tr('selectionAll', { total, what }) : tr('selection', { shown, total, what });
    return filters.length ? `${text} (${filters.join(', ')})` : text;
  });

  /** "Ordning: bokstavsordning" or "Ordning: efter ”Nöjd med hemtjänsten som helhet”, högst först" */
  const order = computed(() => {
    const tr = t.value;
    const { key } = parseUnitOrder(sortBy.value);
    const definition = list.value?.indicators.find((d) => d.id === key);
    const words = definition
      ? tr('orderIndicator', { label: indicatorLabel(definition, tr, settings.value.language).text })
      : tr('orderName');
    return tr('order', { order: words });
  });

  /** Whether the view shows anything but every unit in alphabetical order (then "Skriv ut det som visas"). */
  const isPartOrResorted = computed(
    () => (list.value !== null && units.value.length !== list.value.items.length) || sortBy.value !== 'name',
  );

  /** For "Utskriven <date>": the date in Sweden, not UTC's */
  const today = () => todayInSweden(now());

  return {
    settings,
    comparison,
    list,
    status,
    mode,
    sortBy,
    area,
    language,
    t,
    areas,
    languages,
    units,
    selection,
    order,
    isPartOrResorted,
    today,
    /** What a printout for a home visit shows by default: every unit, in alphabetical order. */
    showEveryUnitAlphabetically() {
      mode.value = 'all';
      sortBy.value = 'name';
      area.value = '';
      language.value = '';
    },
  };
}

export type ComparisonModel = ReturnType<typeof createComparisonModel>;

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort(compareSwedish);
}

/**
 * How many providers one printed table holds side by side: three on A4 portrait, so that every cell
 * keeps a readable width at 11 pt; the facts' column is repeated in every table.
 */
export const PRINT_COLUMNS = 3;

/** Splits columns for print. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The order the view offers for an indicator: its highest figure first. */
export function byIndicator(id: string): string {
  return formatUnitOrder({ key: id, direction: 'descending' });
}
