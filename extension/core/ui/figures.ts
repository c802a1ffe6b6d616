import type { IndicatorDefinition, MissingReason, SurveyUnitFigure } from '../../../shared/domain/indicator';
import type { SourceRef } from '../../../shared/domain/source';
import type { Unit } from '../../../shared/domain/unit';
import type { UiLanguage } from '../settings';
import { formatDate, formatNumber, formatValue } from './format';
import type { Translate } from './i18n';
import { type Measure, measureOf } from './measure';

/**
 * One figure of a unit for one indicator, as every view shows it. A unit with several survey units
 * has one line per survey unit, side by side (never averaged, summed or one picked); a unit with one,
 * or a demo unit, has one line.
 */
export interface FigureLine {
  /** The survey unit's title when the unit has several; null for a unit's only figure */
  surveyUnit: string | null;
  value: number | null;
  /** "95 %", "0,82" or "Uppgift saknas", the same words for every provider */
  text: string;
  /** Why there is no figure; null when there is one */
  missing: MissingReason | null;
  period: string | null;
  /** "104 som svarade" / "240 bedömningar": only for a figure shown, and only when the measure counts */
  count: string | null;
  /** The number behind `count` */
  respondents: number | null;
  comparison: { kommun: number | null; riket: number | null };
  source: SourceRef;
  publishedAt: string | null;
}

export interface IndicatorFigures {
  definition: IndicatorDefinition;
  measure: Measure;
  lines: FigureLine[];
}

type Figure = Omit<SurveyUnitFigure, 'surveyUnit'>;

export function formatFigure(value: number, figures: IndicatorFigures, language: UiLanguage): string {
  return formatValue(value, figures.definition.unit, language, figures.measure);
}

function line(
  figure: Figure,
  surveyUnit: string | null,
  measure: Measure,
  definition: IndicatorDefinition,
  language: UiLanguage,
  t: Translate,
): FigureLine {
  const shown = figure.value !== null;
  // A count only where the measure has one (never beside the unit survey's figures) and a figure is shown.
  const respondents = shown && measure.count ? figure.respondents : null;
  return {
    surveyUnit,
    value: figure.value,
    text:
      figure.value === null ? t('missing') : formatValue(figure.value, definition.unit, language, measure),
    missing: shown ? null : (figure.missingReason ?? 'no_data'),
    period: figure.period,
    count:
      respondents !== null && measure.count
        ? t(measure.count, { n: formatNumber(respondents, language, 0) })
        : null,
    respondents,
    comparison: figure.comparison,
    source: figure.source,
    publishedAt: figure.publishedAt,
  };
}

/** The unit's figures for one indicator: one line, or one per survey unit. */
export function indicatorFigures(
  unit: Unit,
  definition: IndicatorDefinition,
  language: UiLanguage,
  t: Translate,
): IndicatorFigures {
  const measure = measureOf(definition);
  const value = unit.indicators.find((i) => i.id === definition.id);
  const make = (figure: Figure, surveyUnit: string | null) =>
    line(figure, surveyUnit, measure, definition, language, t);
  if (!value) {
    const none = { value: null, period: null, respondents: null, missingReason: 'no_data' as const };
    return {
      definition,
      measure,
      lines: [
        make(
          {
            ...none,
            source: { ...definition.source, url: null },
            publishedAt: null,
            confidenceInterval: null,
            comparison: { kommun: null, riket: null, area: 'kommun', details: { kommun: null, riket: null } },
          },
          null,
        ),
      ],
    };
  }
  const lines =
    value.figures.length > 1
      ? value.figures.map((f) => make(f, f.surveyUnit?.title ?? f.surveyUnit?.id ?? null))
      : [make(value.figures[0] ?? value, null)];
  return { definition, measure, lines };
}

/** "95 % av 104 som svarade", "0,82 på en skala 0–1, 143 som svarade", "62 %" or "Uppgift saknas". */
export function figureSummary(figures: IndicatorFigures, shown: FigureLine, t: Translate): string {
  if (shown.value === null) return shown.text;
  const { scale } = figures.measure;
  if (figures.definition.unit === 'mean' && scale) {
    const mean = t('figureMean', { value: shown.text, min: scale.min, max: scale.max });
    return shown.count ? `${mean}, ${shown.count}` : mean;
  }
  return shown.count ? t('figureShare', { value: shown.text, count: shown.count }) : shown.text;
}

/** What a line is about beside its figure: "(Område 1, 2025)"; empty when there is nothing to say. */
export function lineContext(shown: FigureLine): string {
  const parts = [shown.surveyUnit, shown.value === null ? null : shown.period].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** The badge's words for one indicator: "95 % av 104 som svarade (2025)", per survey unit joined by " · ". */
export function badgeFigureText(figures: IndicatorFigures, t: Translate): string {
  return figures.lines.map((l) => `${figureSummary(figures, l, t)}${lineContext(l)}`).join(' · ');
}

/** "104 personer svarade 2025." for the explanation; null where the figure has no count. */
export function answeredText(
  figures: IndicatorFigures,
  shown: FigureLine,
  language: UiLanguage,
  t: Translate,
): string | null {
  if (shown.respondents === null || shown.count === null || !shown.period) return null;
  const text =
    figures.measure.count === 'count_people'
      ? t('answered_people', { n: formatNumber(shown.respondents, language, 0), period: shown.period })
      : t('answered_other', { count: shown.count, period: shown.period });
  return shown.surveyUnit ? `${shown.surveyUnit}: ${text}` : text;
}

/**
 * "Källa: Kolada · publicerad 2025-10-15": where a line's figure comes from. A demo list's figures are
 * synthetic whatever the indicator's real source is, so they never borrow "Källa: Kolada".
 */
export function sourceText(
  list: { dataset: { kind: 'demo' | 'live' } },
  line: FigureLine,
  t: Translate,
): string {
  if (list.dataset.kind === 'demo') return t('demoLong');
  const published = line.publishedAt ? ` · ${t('published', { date: formatDate(line.publishedAt) })}` : '';
  return `${line.source.attribution}${published}`;
}
