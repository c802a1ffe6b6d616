import { computed, signal } from '@preact/signals';
import type { UnitList } from '../../../../shared/domain/api';
import { compareSwedish } from '../../../../shared/domain/collation';
import { todayInSweden } from '../../../../shared/domain/date';
import { formatUnitOrder, sortUnits } from '../../../../shared/domain/sort';
import type { Unit } from '../../../../shared/domain/unit';
import type { Comparison, ComparisonMode } from '../../comparison';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { translator } from '../../ui/i18n';
import { EN } from '../../ui/i18n-en';

/**
 * The comparison view's state: which units, in which order, filtered how. Default order is Swedish
 * alphabetical (å, ä, ö last); sorting by an indicator shows the highest figure first and puts
 * "Uppgift saknas" last for everyone (the same rule as the API's ?sort=, shared/domain/sort.ts).
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

  const t = computed(() => translator(settings.value.language, EN));
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
    today,
  };
}

export type ComparisonModel = ReturnType<typeof createComparisonModel>;

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort(compareSwedish);
}

/** Splits columns for print: A4 portrait holds about four providers side by side. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The order the view offers for an indicator: its highest figure first. */
export function byIndicator(id: string): string {
  return formatUnitOrder({ key: id, direction: 'descending' });
}
