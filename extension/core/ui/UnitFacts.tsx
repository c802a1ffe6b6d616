import type { UnitList } from '../../../shared/domain/api';
import type { Unit } from '../../../shared/domain/unit';
import type { UiLanguage } from '../settings';
import { FiguresTable } from './FiguresTable';
import { factRows } from './facts';
import type { Translate } from './i18n';
import { FactValue } from './Text';

/**
 * Everything known about one unit: the register facts (label beside value, or above it where the
 * width is short), then every figure in one table. Identical keys for every unit.
 */
export function UnitFacts({
  unit,
  list,
  place,
  language,
  t,
}: {
  unit: Unit;
  list: UnitList;
  place: string;
  language: UiLanguage;
  t: Translate;
}) {
  return (
    <>
      <h3>{t('facts')}</h3>
      <dl class="facts">
        {factRows(unit, t, language).map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd>
              <FactValue row={row} />
            </dd>
          </div>
        ))}
      </dl>
      {list.indicators.length > 0 && (
        <>
          <h3>{t('indicators')}</h3>
          <FiguresTable unit={unit} list={list} placeName={place} language={language} t={t} />
        </>
      )}
    </>
  );
}
