import type { KoladaOu } from '../kolada';
import type { SyncService } from './types';

/**
 * Kolada's OU ids carry the kind of unit in their first letters, numbered like the KPIs:
 * V21 hemtjänst, V23 särskilt boende (V11 förskola, V15 grundskola, V17 gymnasium, ...).
 * Only elderly care is linked; anything else in the kommun's list is left alone.
 */
const PREFIXES: readonly [string, SyncService][] = [
  ['V21', 'hemtjanst'],
  ['V23', 'sarskilt_boende'],
];

export function ouService(ouId: string): SyncService | null {
  for (const [prefix, service] of PREFIXES) if (ouId.startsWith(prefix)) return service;
  return null;
}

/** The kommun's elderly-care OUs of one service. */
export function elderlyCareOus(ous: readonly KoladaOu[], service: SyncService): KoladaOu[] {
  return ous.filter((ou) => ouService(ou.id) === service);
}
