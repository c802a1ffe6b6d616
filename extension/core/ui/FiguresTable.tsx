import { Component } from 'preact';
import type { UnitList } from '../../../shared/domain/api';
import type { Unit } from '../../../shared/domain/unit';
import type { UiLanguage } from '../settings';
import {
  answeredText,
  type FigureLine,
  formatFigure,
  type IndicatorFigures,
  indicatorFigures,
  sourceText,
} from './figures';
import { areaLabel, indicatorExplanation, indicatorLabel } from './format';
import type { Translate } from './i18n';
import { MARKERS, Scale } from './Scale';
import { Text } from './Text';

/** "Mätår" when every period is a survey year, else "Period" (a month's or a quarter's figure). */
export function periodHeading(rows: readonly IndicatorFigures[], t: Translate): string {
  const periods = rows.flatMap((r) => r.lines.map((l) => l.period)).filter(Boolean);
  return periods.every((p) => /^\d{4}$/.test(p ?? '')) ? t('year') : t('period');
}

/** A cell with one line per survey unit (one line for most units). */
function Lines({ lines, show }: { lines: FigureLine[]; show: (l: FigureLine) => preact.ComponentChild }) {
  if (lines.length === 1) return <>{show(lines[0] as FigureLine)}</>;
  return (
    <>
      {lines.map((l, i) => (
        <span class="line" key={i}>
          {show(l)}
        </span>
      ))}
    </>
  );
}

interface FiguresTableProps {
  unit: Unit;
  list: UnitList;
  placeName: string;
  language: UiLanguage;
  t: Translate;
}

/**
 * Every figure of a unit as one compact table: the unit (per survey unit), the kommun's or region's
 * figure and the country's of the same period, the period and what the figure rests on; each row with
 * "Vad betyder siffran?". The scale is drawn on demand, with its legend once.
 */
export class FiguresTable extends Component<FiguresTableProps, { scales: boolean }> {
  override state = { scales: false };

  override render() {
    const { unit, list, placeName, language, t } = this.props;
    const { scales } = this.state;
    const setScales = (v: boolean) => this.setState({ scales: v });
    const rows = list.indicators.map((d) => indicatorFigures(unit, d, language, t));
    const area = areaLabel(list.huvudman, placeName, t);
    const fmt = (r: IndicatorFigures, n: number | null) =>
      n === null ? t('missing') : formatFigure(n, r, language);
    const sources = [
      ...new Set(
        rows.flatMap((r) => r.lines.filter((l) => l.value !== null).map((l) => sourceText(list, l, t))),
      ),
    ];
    const drawable = rows.filter((r) => r.measure.scale && r.lines.some((l) => l.value !== null));
    const headings = [t('thisUnit'), area, t('riket'), periodHeading(rows, t), t('count')];
    if (rows.length === 0) return null;
    return (
      <>
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">{t('indicators')}</th>
              <th scope="col">
                {MARKERS.unit} {headings[0]}
              </th>
              <th scope="col">
                {MARKERS.area} {headings[1]}
              </th>
              <th scope="col">
                {MARKERS.riket} {headings[2]}
              </th>
              <th scope="col">{headings[3]}</th>
              <th scope="col">{headings[4]}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const answered = r.lines.map((l) => answeredText(r, l, language, t)).filter(Boolean);
              return (
                <tr key={r.definition.id}>
                  <th scope="row">
                    <Text w={indicatorLabel(r.definition, t, language)} />
                    <details class="explain">
                      <summary>{t('explain')}</summary>
                      <p>
                        <Text w={indicatorExplanation(r.definition, t, language)} /> {answered.join(' ')}
                      </p>
                    </details>
                  </th>
                  <td data-label={headings[0]}>
                    <Lines
                      lines={r.lines}
                      show={(l) => (
                        <>
                          <span class="figure">{l.text}</span>
                          {l.surveyUnit && (
                            <>
                              {' '}
                              <span lang={language === 'en' ? 'sv' : undefined}>({l.surveyUnit})</span>
                            </>
                          )}
                          {l.missing && <span class="muted"> – {t(`missing_${l.missing}`)}</span>}
                        </>
                      )}
                    />
                  </td>
                  <td data-label={headings[1]}>
                    <Lines lines={r.lines} show={(l) => fmt(r, l.comparison.kommun)} />
                  </td>
                  <td data-label={headings[2]}>
                    <Lines lines={r.lines} show={(l) => fmt(r, l.comparison.riket)} />
                  </td>
                  <td data-label={headings[3]}>
                    <Lines lines={r.lines} show={(l) => l.period ?? t('missing')} />
                  </td>
                  <td data-label={headings[4]}>
                    <Lines
                      lines={r.lines}
                      show={(l) => (r.measure.count === null ? t('countNone') : (l.count ?? ''))}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {sources.map((s) => (
          <p class="source" key={s}>
            {s}
          </p>
        ))}
        {drawable.length > 0 && (
          <button type="button" class="link" aria-expanded={scales} onClick={() => setScales(!scales)}>
            {t('showScale')}
          </button>
        )}
        {scales && (
          <div class="scales">
            <p class="legend">
              {t('scaleLegend')}: {MARKERS.unit} {headings[0]} · {MARKERS.area} {area} · {MARKERS.riket}{' '}
              {headings[2]}
            </p>
            {drawable.flatMap((r) =>
              r.lines
                .filter((l) => l.value !== null)
                .map((l, i) => (
                  <div key={`${r.definition.id}-${i}`}>
                    <p class="scale-label">
                      <Text w={indicatorLabel(r.definition, t, language)} />
                      {l.surveyUnit && ` (${l.surveyUnit})`}: {l.text}
                    </p>
                    <Scale figures={r} line={l} language={language} />
                  </div>
                )),
            )}
          </div>
        )}
      </>
    );
  }
}
