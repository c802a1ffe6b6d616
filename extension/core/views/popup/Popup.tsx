import { placeByCode, placeLabel } from '../../sites/places';
import { useDocumentLanguage } from '../../ui/document-language';
import { DataStatus } from './DataStatus';
import { ManualChoice } from './ManualChoice';
import type { PopupModel } from './model';
import { SettingsForm } from './SettingsForm';

/**
 * The popup, short enough for Chrome's 600 px: what the page is about in one line, then the text size
 * (first of the settings, for whoever needs larger text), the comparison; the choice of results, a
 * manual choice of kommun or region, the data status and the privacy statement below, the longer ones
 * folded away.
 */
export function Popup({ model, onOpened }: { model: PopupModel; onOpened?: () => void }) {
  const t = model.t.value;
  useDocumentLanguage(model.settings.value.language);
  return (
    <main class={`page popup size-${model.settings.value.textSize}`}>
      <h1>Utförarkollen</h1>
      <Detected model={model} />
      <SettingsForm model={model} />
      <p class="controls">
        {/* From the popup's own click, so Chrome's side panel and Firefox's sidebar may open. */}
        <button type="button" onClick={() => void model.openComparison().then(() => onOpened?.())}>
          {t('openComparison')}
        </button>
        <button type="button" onClick={() => void model.openInTab().then(() => onOpened?.())}>
          {t('openInTab')}
        </button>
      </p>
      <ManualChoice model={model} />
      <DataStatus model={model} />
      <p class="muted">{t('privacy')}</p>
    </main>
  );
}

/** "Norrköpings kommun, hemtjänst: 6 utförare hittade" */
function Detected({ model }: { model: PopupModel }) {
  const d = model.detected.value;
  const t = model.t.value;
  const place = d?.huvudman ? placeByCode(d.huvudman) : undefined;
  return (
    <p class="found" role="status">
      {place && d?.service ? (
        <>
          <strong>
            {t('popupFound', { place: placeLabel(place), service: t(`service_${d.service}`), n: d.matched })}
          </strong>
          {d.via === 'manual' && ` (${t('popupManual')})`}
        </>
      ) : (
        t('popupNothing')
      )}
    </p>
  );
}
