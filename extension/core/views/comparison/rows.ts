import type { UnitList } from '../../../../shared/domain/api';
import type { Unit } from '../../../../shared/domain/unit';
import type { UiLanguage } from '../../settings';
import { type FactRow, factRows } from '../../ui/facts';
import { formatFigure, type IndicatorFigures, indicatorFigures, sourceText } from '../../ui/figures';
import { areaLabel, indicatorExplanation, indicatorLabel, type Worded } from '../../ui/format';
import type { Translate } from '../../ui/i18n';

/** One fact of the comparison: its label and each unit's value, in the units' order. */
export interface FactComparison {
  key: string;
  label: string;
  cells: FactRow[];
}

/** One indicator of the comparison: each unit's figures (per survey unit), with what they compare to. */
export interface FigureComparison {
  key: string;
  label: Worded;
  explanation: Worded;
  /** "Hela Norrköping 77 % · Riket 81 % (2025)", once per period among the units shown */
  references: string[];
  /** "Källa: Kolada · publicerad 2025-10-15", once per source among the figures shown (none for demo data) */
  sources: string[];
  cells: IndicatorFigures[];
}

export interface ComparisonRows {
  facts: FactComparison[];
  figures: FigureComparison[];
}

/** The same rows for every unit: register facts first, then each indicator of the list. */
export function comparisonRows(
  units: readonly Unit[],
  list: UnitList,
  placeName: string,
  language: UiLanguage,
  t: Translate,
): ComparisonRows {
  const perUnit = units.map((u) => factRows(u, t, language));
  const facts = (perUnit[0] ?? []).map((row, i) => ({
    key: row.key,
    label: row.label,
    cells: perUnit.map((rows) => rows[i] as FactRow),
  }));
  const area = areaLabel(list.huvudman, placeName, t);
  const figures = list.indicators.map((definition) => {
    const cells = units.map((u) => indicatorFigures(u, definition, language, t));
    const lines = cells.flatMap((c) => c.lines);
    const byPeriod = new Map<string, string>();
    for (const cell of cells)
      for (const line of cell.lines) {
        const { kommun, riket } = line.comparison;
        if (!line.period || byPeriod.has(line.period) || (kommun === null && riket === null)) continue;
        const fmt = (n: number | null) => (n === null ? t('missing') : formatFigure(n, cell, language));
        byPeriod.set(line.period, `${area} ${fmt(kommun)} · ${t('riket')} ${fmt(riket)} (${line.period})`);
      }
    return {
      key: definition.id,
      label: indicatorLabel(definition, t, language),
      explanation: indicatorExplanation(definition, t, language),
      references: [...byPeriod.entries()].sort(([a], [b]) => (a < b ? 1 : -1)).map(([, text]) => text),
      // A demo list says "Exempeldata" once in its banner (on every printed page), not on every row.
      sources:
        list.dataset.kind === 'demo'
          ? []
          : [...new Set(lines.filter((l) => l.value !== null).map((l) => sourceText(list, l, t)))],
      cells,
    };
  });
  return { facts, figures };
}
