import type { Service } from '../../shared/domain/service';

/**
 * The user's settings and their defaults: what the popup changes and every view reads. Stored by
 * platform/storage.ts (`settingsItem`); a new setting is a field here with its default, read with
 * `withDefaults` so a stored object from an older version still has every field.
 */
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

/** Stored settings with every field present (fields added since they were stored get their default). */
export function withDefaults(stored: Partial<Settings> | null | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...stored };
}

/** The user's manual choice of kommun/region and service for a site (stored per hostname). */
export interface ManualChoice {
  huvudman: string;
  service: Service;
}
