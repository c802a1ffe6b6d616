import type { Service } from '../../../../shared/domain/service';
import { placeLabel } from '../../sites/places';
import type { PopupModel } from './model';

/** Search among the 290 kommuner and 21 regions, and use one (with a service) on this website. */
export function ManualChoice({ model }: { model: PopupModel }) {
  const t = model.t.value;
  const place = model.chosen.value;
  const disabled = !model.detected.value?.host;
  return (
    <details open={model.detected.value?.via === 'manual'}>
      <summary>{t('popupChoose')}</summary>
      <label>
        {t('popupSearch')}{' '}
        <input
          type="search"
          value={model.query.value}
          disabled={disabled}
          onInput={(e) => {
            model.query.value = e.currentTarget.value;
          }}
        />
      </label>
      {model.results.value.length > 0 && (
        <ul class="results">
          {model.results.value.map((p) => (
            <li key={p.code}>
              <button type="button" aria-pressed={place?.code === p.code} onClick={() => model.choose(p)}>
                {placeLabel(p)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {place && (
        <p>
          <strong>{placeLabel(place)}</strong>{' '}
          <label>
            {t('popupService')}{' '}
            <select
              value={model.chosenService.value}
              onChange={(e) => {
                model.chosenService.value = e.currentTarget.value as Service;
              }}
            >
              {model.services.value.map((s) => (
                <option key={s} value={s}>
                  {t(`service_${s}`)}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" onClick={() => void model.applyChoice()}>
            {t('popupApply')}
          </button>
        </p>
      )}
      {model.detected.value?.via === 'manual' && (
        <button type="button" onClick={() => void model.automatic()}>
          {t('popupAuto')}
        </button>
      )}
    </details>
  );
}
