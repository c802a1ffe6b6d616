import { Fragment } from 'preact';
import type { UnitList } from '../../../shared/domain/api';
import type { Unit } from '../../../shared/domain/unit';
import type { UiLanguage } from '../settings';
import {
  formatDate,
  formatValue,
  indicatorAttribution,
  indicatorFact,
  missingReasonText,
  regiText,
} from './format';
import type { Translate } from './i18n';
import { Scale } from './Scale';

/** The register facts of a unit as [label, value] rows, identical keys for every unit. */
export function factRows(unit: Unit, t: Translate): [string, string][] {
  const list = (items: readonly string[]) => (items.length ? items.join(', ') : t('missing'));
  const orMissing = (value: string | null) => value || t('missing');
  return [
    [t('regi'), regiText(unit, t)],
    [t('areas'), list(unit.areas)],
    [t('scope'), list(unit.scope.map((s) => t(`scope_${s}`)))],
    [t('languages'), list(unit.languages.map((l) => l.name))],
    [t('extraServices'), list(unit.extraServices)],
    [
      t('acceptsNewClients'),
      unit.acceptsNewClients === null ? t('missing') : t(unit.acceptsNewClients ? 'yes' : 'no'),
    ],
    [t('phone'), orMissing(unit.contact.phone)],
    [t('address'), orMissing(unit.contact.address)],
    [t('website'), orMissing(unit.contact.website)],
    [t('orgnr'), orMissing(unit.organisationsnummer)],
    [t('verifiedAt'), formatDate(unit.verifiedAt)],
  ];
}

export function registerSource(list: UnitList, t: Translate): string {
  return list.dataset.kind === 'demo' ? `${t('source')}: ${t('demoLong')}` : t('registerSource');
}

/** Everything known about one unit, each fact with its source and date. */
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
    <div>
      <dl>
        {factRows(unit, t).map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <p class="source">
        {registerSource(list, t)}. {t('verifiedAt')}: {formatDate(unit.verifiedAt)}
        {unit.stale && ` (${t('stale', { date: formatDate(unit.verifiedAt) })})`}
      </p>
      <h3>{t('indicators')}</h3>
      {list.indicators.map((definition) => {
        const fact = indicatorFact(unit, definition, language, t);
        const v = fact.value;
        const fmt = (n: number | null | undefined) =>
          n === null || n === undefined ? t('missing') : formatValue(n, definition.unit, language);
        return (
          <section class="indicator" key={definition.id}>
            <strong>{definition.label}</strong>
            <table>
              <tbody>
                <tr>
                  <th scope="row">■ {t('thisUnit')}</th>
                  <td>
                    <span class="figure">{fact.text}</span>
                    {fact.missing ? ` – ${missingReasonText(v, t)}` : fact.detail && ` (${fact.detail})`}
                  </td>
                </tr>
                <tr>
                  <th scope="row">▲ {t('kommunFigure', { place })}</th>
                  <td>{fmt(v?.comparison.kommun)}</td>
                </tr>
                <tr>
                  <th scope="row">● {t('riket')}</th>
                  <td>{fmt(v?.comparison.riket)}</td>
                </tr>
              </tbody>
            </table>
            {v && v.value !== null && definition.unit === 'percent' && (
              <Scale value={v} place={place} t={t} />
            )}
            <div class="source">
              {indicatorAttribution(list, definition, v, t('demoLong'))}
              {v?.period && `, ${t('period')} ${v.period}`}
              {v?.publishedAt && `, ${formatDate(v.publishedAt)}`}
            </div>
          </section>
        );
      })}
    </div>
  );
}
