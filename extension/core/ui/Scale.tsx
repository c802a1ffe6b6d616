import type { IndicatorValue } from '../../../shared/domain/indicator';
import { scalePosition } from './format';
import type { Translate } from './i18n';

/**
 * A neutral 0–100 line with three markers: the provider (■), the kommun or region (▲) and Sweden
 * (●). Shapes and a text legend carry the meaning; no colour, no "good" or "bad" zone.
 */
export function Scale({ value, place, t }: { value: IndicatorValue; place: string; t: Translate }) {
  const markers = [
    { symbol: '■', label: t('thisUnit'), at: scalePosition(value.value) },
    { symbol: '▲', label: t('kommunFigure', { place }), at: scalePosition(value.comparison.kommun) },
    { symbol: '●', label: t('riket'), at: scalePosition(value.comparison.riket) },
  ];
  return (
    <div aria-hidden="true">
      <div class="scale">
        {[0, 50, 100].map((tick) => (
          <span key={tick} class="tick" style={{ left: `${tick}%` }}>
            {tick}
          </span>
        ))}
        {markers.map(
          (m) =>
            m.at !== null && (
              <span key={m.symbol} class="marker" style={{ left: `${m.at}%` }} title={m.label}>
                {m.symbol}
              </span>
            ),
        )}
      </div>
      <div class="legend">
        {markers.map((m) => (
          <span key={m.symbol}>
            {m.symbol} {m.label}{' '}
          </span>
        ))}
      </div>
    </div>
  );
}
