import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StorageItem } from '../../extension/core/storage-item';
import { type UnitList, unitList } from '../../shared/domain/api';

export const PAGES_DIR = join(import.meta.dirname, '../fixtures/pages');

export interface ExpectedPage {
  path: string;
  units: string[];
}

export const EXPECTED: Record<string, ExpectedPage> = JSON.parse(
  readFileSync(join(PAGES_DIR, 'expected.json'), 'utf8'),
);

export function pageHtml(file: string): string {
  return readFileSync(join(PAGES_DIR, file), 'utf8');
}

/** The demo dataset's hemtjänst providers in Norrköping (also units-0581-hemtjanst.json), in Swedish order. */
export const DEMO_HEMTJANST_0581_IN_SWEDISH_ORDER = [
  'Demohemtjänst Norr AB',
  'Exempelkommunens hemtjänst',
  'Exempelomsorg AB',
  'Åkerbo Påhittad Hemtjänst AB',
  'Ängsbacka Exempelkooperativ ek. för.',
  'Övningsomsorg & Service AB',
];

export function unitListFixture(
  name:
    | 'units-0581-hemtjanst'
    | 'units-0581-sarskilt_boende'
    | 'units-05-vardcentral'
    | 'units-0580-hemtjanst'
    | 'units-0581-hemtjanst-register',
): UnitList {
  // Parsed as the API's schema does, so keys the recorded answer predates get their documented defaults.
  return unitList.parse(JSON.parse(readFileSync(join(PAGES_DIR, 'api', `${name}.json`), 'utf8')));
}

/**
 * Loads a fixture page into the test's happy-dom document at its path on the given host, or at the
 * given address when `host` is a whole URL.
 */
export function loadPage(file: string, host = 'www.norrkoping.se'): URL {
  const page = EXPECTED[file];
  if (!page) throw new Error(`no expected.json entry for ${file}`);
  const url = new URL(/^https?:\/\//.test(host) ? host : `https://${host}${page.path}`);
  (window as unknown as { happyDOM?: { setURL(href: string): void } }).happyDOM?.setURL(url.href);
  document.open();
  document.write(pageHtml(file));
  document.close();
  return url;
}

export function listFor(file: string): UnitList {
  if (file.startsWith('1177')) return unitListFixture('units-05-vardcentral');
  if (file.includes('sabo')) return unitListFixture('units-0581-sarskilt_boende');
  return unitListFixture('units-0581-hemtjanst');
}

/** A stored value in memory, for core code that takes storage items (platform/storage.ts in the extension). */
export function memoryItem<T>(key: string, value: T): StorageItem<T> & { writes: T[] } {
  const listeners = new Set<(value: T) => void>();
  const writes: T[] = [];
  return {
    key,
    writes,
    getValue: async () => value,
    setValue: async (next) => {
      value = next;
      writes.push(next);
      for (const listener of listeners) listener(next);
    },
    watch(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
}
