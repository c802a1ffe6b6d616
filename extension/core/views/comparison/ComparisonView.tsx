import type { UnitList } from '../../../../shared/domain/api';
import type { Unit } from '../../../../shared/domain/unit';
import type { UiLanguage } from '../../settings';
import { placeByCode, placeLabel } from '../../sites/places';
import { useDocumentLanguage } from '../../ui/document-language';
import { formatDate, formatValue, indicatorAttribution, indicatorFact, regiText } from '../../ui/format';
import type { Translate } from '../../ui/i18n';
import { factRows, registerSource } from '../../ui/UnitFacts';
import { byIndicator, type ComparisonModel, chunk } from './model';

function ComparisonTable({
  units,
  list,
  t,
  caption,
  language,
  place,
}: {
  units: Unit[];
  list: UnitList;
  t: Translate;
  caption: string;
  language: UiLanguage;
  place: string;
}) {
  const rows = units.map((u) => factRows(u, t));
  const labels = rows[0]?.map(([label]) => label) ?? [];
  return (
    <table class="comparison">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field')}</th>
          {units.map((u) => (
            <th scope="col" key={u.id}>
              {u.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {labels.map((label, i) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {rows.map((r, j) => (
              <td key={units[j]?.id}>{r[i]?.[1]}</td>
            ))}
          </tr>
        ))}
        {list.indicators.map((definition) => {
          // The kommun and national figures are the same for every unit: shown once, in the row header.
          const values = units.map((u) => u.indicators.find((i) => i.id === definition.id) ?? null);
          const reference = values.find((v) => v !== null && v.value !== null) ?? null;
          const fmt = (n: number | null | undefined) =>
            n === null || n === undefined ? t('missing') : formatValue(n, definition.unit, language);
          return (
            <tr key={definition.id}>
              <th scope="row">
                {definition.label}
                <div class="source">
                  {indicatorAttribution(list, definition, reference, t('demoLong'))}
                  {reference && (
                    <>
                      . {t('kommunFigure', { place })}: {fmt(reference.comparison.kommun)}; {t('riket')}:{' '}
                      {fmt(reference.comparison.riket)}
                    </>
                  )}
                </div>
              </th>
              {units.map((u) => {
                const fact = indicatorFact(u, definition, language, t);
                return (
                  <td key={u.id}>
                    <strong>{fact.text}</strong>
                    {fact.detail && <span> ({fact.detail})</span>}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The comparison: chosen units (or all) side by side in identical rows, with a print view. */
export function ComparisonView({
  model,
  onRemove,
}: {
  model: ComparisonModel;
  onRemove: (unitId: string) => void;
}) {
  const t = model.t.value;
  const list = model.list.value;
  const comparison = model.comparison.value;
  const place = comparison ? placeByCode(comparison.huvudman) : undefined;
  const placeName = place ? placeLabel(place) : '';
  const heading = list
    ? `${t('comparison')}: ${t(`service_${list.service}`)}, ${placeName}`
    : t('comparison');
  const units = model.units.value;
  useDocumentLanguage(model.settings.value.language);

  return (
    <main class={`page size-${model.settings.value.textSize}`}>
      <h1>{heading}</h1>
      {model.status.value === 'loading' && <p role="status">{t('loading')}</p>}
      {model.status.value === 'error' && <p role="status">{t('unavailable')}</p>}
      {!comparison && <p>{t('noneChosen')}</p>}
      {list && (
        <>
          {list.dataset.kind === 'demo' && <p class="tag demo">{t('demoLong')}</p>}
          <div class="controls no-print">
            <fieldset>
              <legend class="sr">{t('comparison')}</legend>
              <label>
                <input
                  type="radio"
                  name="mode"
                  checked={model.mode.value === 'chosen'}
                  onChange={() => {
                    model.mode.value = 'chosen';
                  }}
                />{' '}
                {t('comparisonChosen')} ({comparison?.unitIds.length ?? 0})
              </label>{' '}
              <label>
                <input
                  type="radio"
                  name="mode"
                  checked={model.mode.value === 'all'}
                  onChange={() => {
                    model.mode.value = 'all';
                  }}
                />{' '}
                {t('comparisonAll')} ({list.items.length})
              </label>
            </fieldset>
            <label>
              {t('sortBy')}{' '}
              <select
                value={model.sortBy.value}
                onChange={(e) => (model.sortBy.value = e.currentTarget.value)}
              >
                <option value="name">{t('sortName')}</option>
                {list.indicators.map((d) => (
                  <option key={d.id} value={byIndicator(d.id)}>
                    {t('sortHighestFirst', { label: d.label })}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('filterArea')}{' '}
              <select value={model.area.value} onChange={(e) => (model.area.value = e.currentTarget.value)}>
                <option value="">{t('all')}</option>
                {model.areas.value.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </label>
            <label>
              {t('filterLanguage')}{' '}
              <select
                value={model.language.value}
                onChange={(e) => (model.language.value = e.currentTarget.value)}
              >
                <option value="">{t('all')}</option>
                {model.languages.value.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => window.print()}>
              {t('print')}
            </button>
          </div>
          {model.mode.value === 'chosen' && units.length > 0 && (
            <ul class="chosen no-print">
              {units.map((u) => (
                <li key={u.id}>
                  {u.name} ({regiText(u, t)}){' '}
                  <button
                    type="button"
                    onClick={() => onRemove(u.id)}
                    aria-label={`${t('remove')}: ${u.name}`}
                  >
                    {t('remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {units.length === 0 && model.mode.value === 'chosen' && <p>{t('noneChosen')}</p>}
          {units.length > 0 && (
            <>
              <div class="screen-only scroll">
                <ComparisonTable
                  units={units}
                  list={list}
                  t={t}
                  caption={heading}
                  language={model.settings.value.language}
                  place={place?.name ?? ''}
                />
              </div>
              <div class="print-only">
                {chunk(units, 4).map((part, i) => (
                  <ComparisonTable
                    key={part[0]?.id ?? i}
                    units={part}
                    list={list}
                    t={t}
                    caption={`${heading} (${i + 1}/${Math.ceil(units.length / 4)})`}
                    language={model.settings.value.language}
                    place={place?.name ?? ''}
                  />
                ))}
              </div>
            </>
          )}
          <footer class="sources">
            <p>
              {registerSource(list, t)}.{' '}
              {list.dataset.kind === 'live' &&
                list.indicators[0] &&
                `${list.indicators[0].source.attribution} (${list.indicators[0].source.name}).`}{' '}
              {list.dataset.updatedAt && t('datasetUpdated', { date: formatDate(list.dataset.updatedAt) })}
            </p>
            <p class="print-only">{t('printedOn', { date: model.today() })} · Utförarkollen</p>
          </footer>
        </>
      )}
    </main>
  );
}
