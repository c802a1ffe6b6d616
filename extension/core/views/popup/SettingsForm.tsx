import type { Settings } from '../../settings';
import { indicatorLabel } from '../../ui/format';
import { Text } from '../../ui/Text';
import { badgeChoices, INDICATOR_SERVICES, type PopupModel } from './model';

/** Text size first, then language and badges on or off; which results the badges show is folded away. */
export function SettingsForm({ model }: { model: PopupModel }) {
  const t = model.t.value;
  const s = model.settings.value;
  return (
    <section aria-labelledby="settings">
      <h2 id="settings" class="sr">
        {t('settings')}
      </h2>
      <p class="controls">
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
        </label>
        <label>
          {t('language')}{' '}
          <select
            value={s.language}
            onChange={(e) =>
              void model.saveSettings({ language: e.currentTarget.value as Settings['language'] })
            }
          >
            <option value="sv" lang="sv">
              Svenska
            </option>
            <option value="en" lang="en">
              English
            </option>
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
      <details>
        <summary>{t('chosenIndicators')}</summary>
        {INDICATOR_SERVICES.map((service) => {
          const shown = model.badgeIndicators(service);
          return (
            <fieldset class="group" key={service}>
              <legend>{t(`service_${service}`)}</legend>
              {badgeChoices(service).map((d) => (
                <div key={d.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={shown.includes(d.id)}
                      onChange={(e) => void model.setBadgeIndicator(service, d.id, e.currentTarget.checked)}
                    />{' '}
                    <Text w={indicatorLabel(d, t, s.language)} />
                  </label>
                </div>
              ))}
            </fieldset>
          );
        })}
      </details>
    </section>
  );
}
