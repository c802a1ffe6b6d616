import { browser } from 'wxt/browser';
import type { UnitList } from '../../shared/domain/api';
import type { Service } from '../../shared/domain/service';
import type { Comparison } from '../core/comparison';
import type { ApiFailure, CachedResponse, SiteChecks } from '../core/data-status';
import { DEFAULT_SETTINGS, type ManualChoice, type Settings } from '../core/settings';
import type { StorageItem } from '../core/storage-item';

/**
 * Every storage key the extension uses is defined here, once. Everything lives in storage.local.
 * A small typed item instead of @wxt-dev/storage: the content scripts must stay under 25 kB gzip,
 * and these items need only get, set and watch.
 */
export function defineItem<T>(key: string, fallback: T): StorageItem<T> {
  return {
    key,
    async getValue() {
      const stored = await browser.storage.local.get(key);
      return (stored[key] as T | undefined) ?? fallback;
    },
    async setValue(value) {
      await browser.storage.local.set({ [key]: value });
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const change = changes[key];
        if (area === 'local' && change) callback((change.newValue as T | undefined) ?? fallback);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

export const settingsItem = defineItem<Settings>('settings', DEFAULT_SETTINGS);

/** The user's manual choice of kommun/region and service, keyed by hostname. */
export const manualChoicesItem = defineItem<Record<string, ManualChoice>>('manualChoices', {});

export const comparisonItem = defineItem<Comparison | null>('comparison', null);

/** Prefix of the unit-list cache keys. */
const UNIT_CACHE_PREFIX = 'units:';

/** One cache entry per huvudman and service: `local:units:0581:hemtjanst`. */
export function unitListCacheItem(huvudman: string, service: Service) {
  return defineItem<CachedResponse<UnitList> | null>(`${UNIT_CACHE_PREFIX}${huvudman}:${service}`, null);
}

/** Every cached unit list, for the popup's data status. */
export async function cachedUnitLists(): Promise<CachedResponse<UnitList>[]> {
  const all = await browser.storage.local.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(UNIT_CACHE_PREFIX))
    .map(([, entry]) => entry as CachedResponse<UnitList>);
}

export const extensionConfigCacheItem = defineItem<CachedResponse<{ disabledAdapters: string[] }> | null>(
  'extensionConfig',
  null,
);

export const apiFailureItem = defineItem<ApiFailure | null>('apiFailure', null);

/** Sites that looked different than their adapter expects (host names: stays in this browser). */
export const siteChecksItem = defineItem<SiteChecks>('siteChecks', {});
