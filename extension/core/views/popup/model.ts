import { computed, signal } from '@preact/signals';
import type { UnitList } from '../../../../shared/domain/api';
import type { IndicatorDefinition } from '../../../../shared/domain/indicator';
import { SERVICE_IDS, type Service, servicesFor } from '../../../../shared/domain/service';
import { indicatorsFor } from '../../../../shared/reference/indicators';
import { VARDCENTRAL_INDICATORS } from '../../../../shared/reference/vardcentral-indicators';
import { type Comparison, isSameSystem, showAll } from '../../comparison';
import type { ApiFailure, CachedResponse, SiteCheck, SiteChecks } from '../../data-status';
import type { DetectedResponse } from '../../messages';
import { DEFAULT_SETTINGS, type ManualChoice, type Settings, withDefaults } from '../../settings';
import { allKommuner, allRegioner, type Place } from '../../sites/places';
import type { StorageItem } from '../../storage-item';
import { badgeIndicatorIds } from '../../ui/format';
import { translator } from '../../ui/i18n';
import { EN } from '../../ui/i18n-en';
import { SV_PAGES } from '../../ui/i18n-pages';
import { comparisonPageQuery } from '../comparison/url';
import { searchPlaces } from './search';

/** Where the popup was opened: the active tab and its window. */
export interface TabRef {
  tabId?: number;
  windowId?: number;
}

export interface PopupTabs {
  active(): Promise<TabRef>;
  /** What the content script in the tab found; null where none runs */
  detected(tabId: number): Promise<DetectedResponse | null>;
  /** Called after a content script ran a page view again (a new manual choice, a setting, navigation). */
  onDetected(callback: (tabId: number, detected: DetectedResponse) => void): () => void;
}

export interface PopupDeps {
  settings: StorageItem<Settings>;
  manualChoices: StorageItem<Record<string, ManualChoice>>;
  apiFailure: StorageItem<ApiFailure | null>;
  siteChecks: StorageItem<SiteChecks>;
  cachedLists(): Promise<CachedResponse<UnitList>[]>;
  tabs: PopupTabs;
  /** Opens the side panel / sidebar; called straight from the click, so the browser allows it */
  openComparison(where: TabRef): Promise<unknown>;
  /** The units chosen for comparison (the side panel shows them) */
  comparison: StorageItem<Comparison | null>;
  /** Opens the comparison page for this address query in a tab of its own */
  openTab(query: string): Promise<unknown>;
}

/** The indicators a badge can show for a service: Kolada's for elderly care, the vårdcentral catalogue's. */
export function badgeChoices(service: Service): readonly IndicatorDefinition[] {
  return service === 'vardcentral' ? VARDCENTRAL_INDICATORS : indicatorsFor(service);
}

/** The services whose badges can show indicators, in the domain's order. */
export const INDICATOR_SERVICES: Service[] = SERVICE_IDS.filter(
  (service) => badgeChoices(service).length > 0,
);

/**
 * The popup's state and what it can do: what the page is about, a manual choice of kommun/region and
 * service for the site, the settings, and the data status. Storage and tabs are passed in.
 */
export function createPopupModel(deps: PopupDeps) {
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const detected = signal<DetectedResponse | null>(null);
  const query = signal('');
  const chosen = signal<Place | null>(null);
  const chosenService = signal<Service>('hemtjanst');
  const cached = signal<CachedResponse<UnitList>[]>([]);
  const apiFailure = signal<ApiFailure | null>(null);
  const siteChecks = signal<SiteCheck[]>([]);
  const activeTab = signal<TabRef>({});
  const places = [...allKommuner(), ...allRegioner()];

  const t = computed(() => translator(settings.value.language, EN, SV_PAGES));
  const results = computed(() => searchPlaces(places, query.value));
  /** The services of the chosen place's kind (a kommun's or a region's) */
  const services = computed(() => (chosen.value ? servicesFor(chosen.value.kind) : []));

  const loadDataStatus = async () => {
    apiFailure.value = await deps.apiFailure.getValue();
    cached.value = await deps.cachedLists();
    siteChecks.value = Object.values(await deps.siteChecks.getValue()).sort((a, b) => b.at - a.at);
  };

  const saveChoice = async (choice: ManualChoice | null) => {
    const host = detected.value?.host;
    if (!host) return;
    const choices = { ...(await deps.manualChoices.getValue()) };
    if (choice) choices[host] = choice;
    else delete choices[host];
    // The page's content script runs again and tells the popup (tabs.onDetected).
    await deps.manualChoices.setValue(choices);
  };

  const saveSettings = async (patch: Partial<Settings>) => {
    settings.value = { ...settings.value, ...patch };
    await deps.settings.setValue(settings.value);
  };

  const detectedSystem = () => {
    const d = detected.value;
    return d?.huvudman && d.service ? { huvudman: d.huvudman, service: d.service } : null;
  };

  /** The indicators shown on badges for a service: the user's choice, else the default ones. */
  const badgeIndicators = (service: Service): string[] =>
    badgeIndicatorIds(settings.value, service, badgeChoices(service));

  return {
    settings,
    detected,
    query,
    chosen,
    chosenService,
    cached,
    apiFailure,
    siteChecks,
    t,
    results,
    services,

    /** Reads everything once; returns the function that stops listening to the page. */
    async load(): Promise<() => void> {
      settings.value = withDefaults(await deps.settings.getValue());
      await loadDataStatus();
      activeTab.value = await deps.tabs.active();
      const { tabId } = activeTab.value;
      if (tabId === undefined) return () => {};
      const stop = deps.tabs.onDetected((from, found) => {
        if (from !== tabId) return;
        detected.value = found;
        void loadDataStatus();
      });
      detected.value = await deps.tabs.detected(tabId);
      return stop;
    },

    saveSettings,
    badgeIndicators,

    setBadgeIndicator(service: Service, id: string, on: boolean) {
      const current = badgeIndicators(service).filter((x) => x !== id);
      return saveSettings({
        indicators: { ...settings.value.indicators, [service]: on ? [...current, id] : current },
      });
    },

    choose(place: Place) {
      chosen.value = place;
      chosenService.value = servicesFor(place.kind)[0] ?? chosenService.value;
    },

    /** Uses the chosen kommun/region and service on this website from now on. */
    applyChoice: () => {
      const place = chosen.value;
      return place ? saveChoice({ huvudman: place.code, service: chosenService.value }) : Promise.resolve();
    },

    /** Back to what the page itself says. */
    automatic: () => saveChoice(null),

    /**
     * Opens the side panel. Nothing chosen on this page's system: it shows every unit of the system the
     * page is about (the panel follows the stored comparison, written after the panel was asked to open,
     * so the browser still sees the click).
     */
    openComparison: async () => {
      const opening = deps.openComparison(activeTab.value);
      const system = detectedSystem();
      if (system) {
        const stored = await deps.comparison.getValue();
        if (!isSameSystem(stored, system) || stored.unitIds.length === 0)
          await deps.comparison.setValue(showAll(stored, system));
      }
      return opening;
    },

    /** comparison.html for the page's system (else the stored comparison's), in a tab of its own. */
    openInTab: async () => {
      const system = detectedSystem() ?? (await deps.comparison.getValue());
      if (system)
        await deps.openTab(comparisonPageQuery({ huvudman: system.huvudman, service: system.service }));
    },

    /** The system of the page, or null when it is about none */
    detectedSystem,
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
