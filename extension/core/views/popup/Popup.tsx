import { placeByCode, placeLabel } from '../../sites/places';
import { useDocumentLanguage } from '../../ui/document-language';
import { DataStatus } from './DataStatus';
import { ManualChoice } from './ManualChoice';
import type { PopupModel } from './model';
import { SettingsForm } from './SettingsForm';

/** The popup: what the page is about, the comparison, a manual choice, settings, data status, privacy. */
export function Popup({ model, onOpened }: { model: PopupModel; onOpened?: () => void }) {
  const t = model.t.value;
  useDocumentLanguage(model.settings.value.language);
  return (
    <main class={`page popup size-${model.settings.value.textSize}`}>
      <h1>Utförarkollen</h1>
      <Detected model={model} />
      <p>
        {/* From the popup's own click, so Chrome's side panel and Firefox's sidebar may open. */}
        <button type="button" onClick={() => void model.openComparison().then(() => onOpened?.())}>
          {t('openComparison')}
        </button>
      </p>
      <ManualChoice model={model} />
      <SettingsForm model={model} />
      <DataStatus model={model} />
      <p class="muted">{t('privacy')}</p>
    </main>
  );
}

function Detected({ model }: { model: PopupModel }) {
  const d = model.detected.value;
  const t = model.t.value;
  const place = d?.huvudman ? placeByCode(d.huvudman) : undefined;
  return (
    <section aria-labelledby="detected">
      <h2 id="detected">{t('popupDetected')}</h2>
      {place && d?.service ? (
        <p>
          <strong>{placeLabel(place)}</strong>, {t(`service_${d.service}`)}
          {d.via === 'manual' && ` (${t('popupChoose').toLowerCase()})`}. {d.matched} ✓
        </p>
      ) : (
        <p>{t('popupNothing')}</p>
      )}
    </section>
  );
}
