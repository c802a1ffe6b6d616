import { browser } from 'wxt/browser';
import type { UnitList } from '../shared/domain/api';
import type { Service } from '../shared/domain/service';

/**
 * Every storage key the extension uses is defined here, once. Everything lives in storage.local.
 * A small typed item instead of @wxt-dev/storage: the content scripts must stay under 25 kB gzip,
 * and these items need only get, set and watch.
 */
export interface StorageItem<T> {
  key: string;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

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

export type TextSize = 'normal' | 'large' | 'x-large';
export type UiLanguage = 'sv' | 'en';

export interface Settings {
  textSize: TextSize;
  language: UiLanguage;
  /** Indicator ids shown on badges per service; empty means the service's default indicator */
  indicators: Partial<Record<Service, string[]>>;
  badges: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  textSize: 'normal',
  language: 'sv',
  indicators: {},
  badges: true,
};

export const settingsItem = defineItem<Settings>('settings', DEFAULT_SETTINGS);

/** The user's manual choice of kommun/region and service for a site, keyed by hostname. */
export interface ManualChoice {
  huvudman: string;
  service: Service;
}
export const manualChoicesItem = defineItem<Record<string, ManualChoice>>('manualChoices', {});

/** The units chosen for side-by-side comparison (one huvudman and service at a time). */
export interface Comparison {
  huvudman: string;
  service: Service;
  unitIds: string[];
}
export const comparisonItem = defineItem<Comparison | null>('comparison', null);

/** A cached API response with what revalidation needs. */
export interface CachedResponse<T> {
  body: T;
  etag: string | null;
  /** Epoch ms of the last successful fetch or 304 */
  fetchedAt: number;
  maxAgeSeconds: number;
}

/** Prefix of the unit-list cache keys, for the popup's data status. */
export const UNIT_CACHE_PREFIX = 'units:';

/** One cache entry per huvudman and service: `local:units:0581:hemtjanst`. */
export function unitListCacheItem(huvudman: string, service: Service) {
  return defineItem<CachedResponse<UnitList> | null>(`${UNIT_CACHE_PREFIX}${huvudman}:${service}`, null);
}

export const extensionConfigCacheItem = defineItem<CachedResponse<{ disabledAdapters: string[] }> | null>(
  'extensionConfig',
  null,
);

/** The last time the API could not give a list (down, too slow, or an answer that was not a list). */
export interface ApiFailure {
  /** Epoch ms */
  at: number;
  reason: 'timeout' | 'unreachable' | 'invalid';
}
export const apiFailureItem = defineItem<ApiFailure | null>('apiFailure', null);
