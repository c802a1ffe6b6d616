import type { IndicatorDefinition } from '../../shared/domain/indicator';
import type { Unit } from '../../shared/domain/unit';
import type { UiLanguage } from '../storage';
import { formatDate, indicatorFact, regiText, shortLabel } from './format';
import type { Translate } from './i18n';

export interface BadgeProps {
  unit: Unit;
  indicators: readonly IndicatorDefinition[];
  demo: boolean;
  language: UiLanguage;
  textSize: string;
  t: Translate;
  onOpen: () => void;
}

/** The facts beside a provider's name: regi, the chosen indicators, demo and stale markers. */
export function Badge({ unit, indicators, demo, language, textSize, t, onOpen }: BadgeProps) {
  return (
    <span class={`root size-${textSize}`}>
      <button
        type="button"
        class="badge"
        aria-haspopup="dialog"
        onClick={(event) => {
          // The badge may sit inside a link or an accordion summary: open details, nothing else.
          event.preventDefault();
          event.stopPropagation();
          onOpen();
        }}
      >
        <span class="sr">{t('badgeLabel', { name: unit.name })}: </span>
        <span class="tag">{regiText(unit, t)}</span>
        {indicators.map((definition) => {
          const fact = indicatorFact(unit, definition, language, t);
          return (
            <span key={definition.id}>
              {shortLabel(definition, t)}: <span class="figure">{fact.text}</span>
              {fact.detail && <span class="muted"> ({fact.detail})</span>}
            </span>
          );
        })}
        {demo && <span class="tag demo">{t('demo')}</span>}
        {unit.stale && <span class="tag stale">{t('stale', { date: formatDate(unit.verifiedAt) })}</span>}
      </button>
    </span>
  );
}
