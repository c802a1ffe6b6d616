import type { UiLanguage } from '../settings';
import type { FigureLine, IndicatorFigures } from './figures';
import { formatNumber } from './format';

/** Position of a value on the measure's scale in percent of its width, clamped; null without a value. */
export function scalePosition(
  value: number | null | undefined,
  scale: { min: number; max: number } = { min: 0, max: 100 },
): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.max(0, Math.min(100, ((value - scale.min) / (scale.max - scale.min)) * 100));
}

export const MARKERS = { unit: '■', area: '▲', riket: '●' } as const;

/**
 * A neutral line on the measure's own scale with three markers: the provider (■), the kommun or region
 * (▲) and Sweden (●). Each marker has its own lane, so two equal values never hide each other; shapes
 * and the legend carry the meaning, no colour, no "good" or "bad" zone. The figures themselves are in
 * the table beside it, so the drawing is hidden from screen readers.
 */
export function Scale({
  figures,
  line,
  language,
}: {
  figures: IndicatorFigures;
  line: FigureLine;
  language: UiLanguage;
}) {
  const scale = figures.measure.scale;
  if (!scale) return null;
  const markers = [
    { symbol: MARKERS.unit, at: scalePosition(line.value, scale) },
    { symbol: MARKERS.area, at: scalePosition(line.comparison.kommun, scale) },
    { symbol: MARKERS.riket, at: scalePosition(line.comparison.riket, scale) },
  ];
  const ticks = [scale.min, (scale.min + scale.max) / 2, scale.max];
  return (
    <div class="scale" aria-hidden="true">
      {markers.map((m, lane) =>
        m.at === null ? null : (
          <span key={m.symbol} class={`marker lane-${lane}`} style={{ left: `${m.at}%` }}>
            {m.symbol}
          </span>
        ),
      )}
      <span class="axis" />
      {ticks.map((tick, i) => (
        <span key={tick} class="tick" style={{ left: `${i * 50}%` }}>
          {formatNumber(tick, language, figures.measure.decimals)}
        </span>
      ))}
    </div>
  );
}
