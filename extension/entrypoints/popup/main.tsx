import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { UnitList } from '../../../shared/domain/api';
import { SERVICES, type Service } from '../../../shared/domain/service';
import { indicatorsFor } from '../../../shared/reference/indicators';
import type { ApiFailure, CachedResponse } from '../../core/data-status';
import type { DetectedResponse } from '../../core/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { allKommuner, allRegioner, type Place, placeByCode, placeLabel } from '../../core/sites/places';
import { formatDate } from '../../core/ui/format';
import { translator } from '../../core/ui/i18n';
import { EN } from '../../core/ui/i18n-en';
import { searchPlaces } from '../../core/views/popup/search';
import { comparisonViewApi, openComparisonView } from '../../platform/comparison-view';
import { apiFailureItem, cachedUnitLists, manualChoicesItem, settingsItem } from '../../platform/storage';
import '../../core/ui/pages.css';

const settings = signal<Settings>(DEFAULT_SETTINGS);
const detected = signal<DetectedResponse | null>(null);
const query = signal('');
const chosen = signal<Place | null>(null);
const chosenService = signal<Service>('hemtjanst');
const cached = signal<{ key: string; entry: CachedResponse<UnitList> }[]>([]);
const apiFailure = signal<ApiFailure | null>(null);
const activeTab = signal<{ tabId?: number; windowId?: number }>({});
const t = computed(() => translator(settings.value.language, EN));
const places = [...allKommuner(), ...allRegioner()];

async function load() {
  const stored = await settingsItem.getValue();
  settings.value = { ...DEFAULT_SETTINGS, ...stored };
  document.documentElement.lang = settings.value.language;
  apiFailure.value = await apiFailureItem.getValue();
  cached.value = (await cachedUnitLists()).map((entry) => ({
    key: `${entry.body.huvudman}:${entry.body.service}`,
    entry,
  }));
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    activeTab.value = { tabId: tab?.id, windowId: tab?.windowId };
    if (tab?.id !== undefined) detected.value = await browser.tabs.sendMessage(tab.id, { type: 'detected' });
  } catch {
    detected.value = null; // no content script on this page
  }
}

async function saveSettings(patch: Partial<Settings>) {
  settings.value = { ...settings.value, ...patch };
  await settingsItem.setValue(settings.value);
}

async function saveChoice(place: Place | null, service: Service) {
  const host = detected.value?.host;
  if (!host) return;
  const choices = { ...(await manualChoicesItem.getValue()) };
  if (place) choices[host] = { huvudman: place.code, service };
  else delete choices[host];
  await manualChoicesItem.setValue(choices);
  setTimeout(() => void load(), 300);
}

function Detected() {
  const d = detected.value;
  const tr = t.value;
  const place = d?.huvudman ? placeByCode(d.huvudman) : undefined;
  return (
    <section aria-labelledby="detected">
      <h2 id="detected">{tr('popupDetected')}</h2>
      {place && d?.service ? (
        <p>
          <strong>{placeLabel(place)}</strong>, {tr(`service_${d.service}`)}
          {d.via === 'manual' && ` (${tr('popupChoose').toLowerCase()})`}. {d.matched} ✓
        </p>
      ) : (
        <p>{tr('popupNothing')}</p>
      )}
    </section>
  );
}

function ManualChoice() {
  const tr = t.value;
  const results = searchPlaces(places, query.value);
  const place = chosen.value;
  const services = place
    ? (Object.keys(SERVICES) as Service[]).filter((s) => SERVICES[s].huvudman === place.kind)
    : [];
  const disabled = !detected.value?.host;
  return (
    <section aria-labelledby="choose">
      <h2 id="choose">{tr('popupChoose')}</h2>
      <label>
        {tr('popupSearch')}{' '}
        <input
          type="search"
          value={query.value}
          disabled={disabled}
          onInput={(e) => {
            query.value = e.currentTarget.value;
          }}
        />
      </label>
      {results.length > 0 && (
        <ul class="results">
          {results.map((p) => (
            <li key={p.code}>
              <button
                type="button"
                aria-pressed={place?.code === p.code}
                onClick={() => {
                  chosen.value = p;
                  chosenService.value = p.kind === 'region' ? 'vardcentral' : 'hemtjanst';
                }}
              >
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
            {tr('popupService')}{' '}
            <select
              value={chosenService.value}
              onChange={(e) => {
                chosenService.value = e.currentTarget.value as Service;
              }}
            >
              {services.map((s) => (
                <option key={s} value={s}>
                  {tr(`service_${s}`)}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" onClick={() => void saveChoice(place, chosenService.value)}>
            {tr('popupApply')}
          </button>
        </p>
      )}
      {detected.value?.via === 'manual' && (
        <button type="button" onClick={() => void saveChoice(null, 'hemtjanst')}>
          {tr('popupAuto')}
        </button>
      )}
    </section>
  );
}

function SettingsForm() {
  const tr = t.value;
  const s = settings.value;
  return (
    <section aria-labelledby="settings">
      <h2 id="settings">{tr('settings')}</h2>
      <p>
        <label>
          {tr('textSize')}{' '}
          <select
            value={s.textSize}
            onChange={(e) => void saveSettings({ textSize: e.currentTarget.value as Settings['textSize'] })}
          >
            <option value="normal">{tr('textSize_normal')}</option>
            <option value="large">{tr('textSize_large')}</option>
            <option value="x-large">{tr('textSize_x-large')}</option>
          </select>
        </label>{' '}
        <label>
          {tr('language')}{' '}
          <select
            value={s.language}
            onChange={(e) => void saveSettings({ language: e.currentTarget.value as Settings['language'] })}
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
            onChange={(e) => void saveSettings({ badges: e.currentTarget.checked })}
          />{' '}
          {tr('badgesOn')}
        </label>
      </p>
      {(['hemtjanst', 'sarskilt_boende'] as const).map((service) => {
        const definitions = indicatorsFor(service);
        const chosenIds = s.indicators[service]?.length
          ? s.indicators[service]
          : definitions.filter((d) => d.isDefault).map((d) => d.id);
        return (
          <fieldset class="group" key={service}>
            <legend>
              {tr('chosenIndicators')}: {tr(`service_${service}`)}
            </legend>
            {definitions.map((d) => (
              <div key={d.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosenIds?.includes(d.id)}
                    onChange={(e) => {
                      const next = e.currentTarget.checked
                        ? [...(chosenIds ?? []), d.id]
                        : (chosenIds ?? []).filter((id) => id !== d.id);
                      void saveSettings({ indicators: { ...s.indicators, [service]: next } });
                    }}
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

function DataStatus() {
  const tr = t.value;
  return (
    <section aria-labelledby="status">
      <h2 id="status">{tr('dataStatus')}</h2>
      {apiFailure.value && (
        <p role="status" class="api-failure">
          {tr(`apiFailure_${apiFailure.value.reason}`, {
            date: formatDate(new Date(apiFailure.value.at).toISOString()),
          })}
        </p>
      )}
      {cached.value.length === 0 && <p>{tr('noData')}</p>}
      <ul>
        {cached.value.map(({ key, entry }) => {
          const list = entry.body;
          const place = placeByCode(list.huvudman);
          return (
            <li key={key}>
              {place ? placeLabel(place) : list.huvudman}, {tr(`service_${list.service}`)}:{' '}
              {list.dataset.kind === 'demo' ? tr('demo') : tr('dataLive')}
              {list.dataset.updatedAt &&
                `, ${tr('datasetUpdated', { date: formatDate(list.dataset.updatedAt) })}`}
              , {tr('fetchedAt', { date: formatDate(new Date(entry.fetchedAt).toISOString()) })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** From the popup's own click, so Chrome's side panel and Firefox's sidebar may open. */
function OpenComparison() {
  return (
    <p>
      <button
        type="button"
        onClick={() => {
          void openComparisonView(comparisonViewApi(browser), activeTab.value).then(() => window.close());
        }}
      >
        {t.value('openComparison')}
      </button>
    </p>
  );
}

function Popup() {
  return (
    <main class={`page popup size-${settings.value.textSize}`}>
      <h1>Utförarkollen</h1>
      <Detected />
      <OpenComparison />
      <ManualChoice />
      <SettingsForm />
      <DataStatus />
      <p class="muted">{t.value('privacy')}</p>
    </main>
  );
}

void load();
render(<Popup />, document.getElementById('app')!);
