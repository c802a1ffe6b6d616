import { indicatorsFor } from '../../../../shared/reference/indicators';
import type { Settings } from '../../settings';
import { INDICATOR_SERVICES, type PopupModel } from './model';

/** Text size, language, badges on or off, and which indicators the badges show per service. */
export function SettingsForm({ model }: { model: PopupModel }) {
  const t = model.t.value;
  const s = model.settings.value;
  return (
    <section aria-labelledby="settings">
      <h2 id="settings">{t('settings')}</h2>
      <p>
        <label>
          {t('textSize')}{' '}
          <select
            value={s.textSize}
            onChange={(e) =>
              void model.saveSettings({ textSize: e.currentTarget.value as Settings['textSize'] })
            }
          >
            <option value="normal">{t('textSize_normal')}</option>
            <option value="large">{t('textSize_large')}</option>
            <option value="x-large">{t('textSize_x-large')}</option>
          </select>
        </label>{' '}
        <label>
          {t('language')}{' '}
          <select
            value={s.language}
            onChange={(e) =>
              void model.saveSettings({ language: e.currentTarget.value as Settings['language'] })
            }
          >
            <option value="sv">Svenska</option>
            <option value="en">English</option>
          </select>
        </label>
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={s.badges}
            onChange={(e) => void model.saveSettings({ badges: e.currentTarget.checked })}
          />{' '}
          {t('badgesOn')}
        </label>
      </p>
      {INDICATOR_SERVICES.map((service) => {
        const shown = model.badgeIndicators(service);
        return (
          <fieldset class="group" key={service}>
            <legend>
              {t('chosenIndicators')}: {t(`service_${service}`)}
            </legend>
            {indicatorsFor(service).map((d) => (
              <div key={d.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={shown.includes(d.id)}
                    onChange={(e) => void model.setBadgeIndicator(service, d.id, e.currentTarget.checked)}
                  />{' '}
                  {d.label}
                </label>
              </div>
            ))}
          </fieldset>
        );
      })}
    </section>
  );
}
