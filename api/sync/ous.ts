import type { KoladaOu } from '../kolada';
import type { ElderlyOu, SyncService } from './types';

/**
 * Kolada's OU ids carry the kind of unit in their first letters, numbered like the KPIs:
 * V21 hemtjänst, V23 särskilt boende (V11 förskola, V15 grundskola, V17 gymnasium, ...). What follows
 * varies in length and, in newer ids, says nothing about the kommun: that comes from `municipality`.
 * Only elderly care is kept; anything else in the kommun's list is left alone.
 */
const PREFIXES: readonly [string, SyncService][] = [
  ['V21', 'hemtjanst'],
  ['V23', 'sarskilt_boende'],
];

export function ouService(ouId: string): SyncService | null {
  for (const [prefix, service] of PREFIXES) if (ouId.startsWith(prefix)) return service;
  return null;
}

/** The elderly-care OUs of a list, each with its service and its kommun (Kolada's `municipality`). */
export function elderlyCareOus(ous: readonly KoladaOu[], service?: SyncService): ElderlyOu[] {
  const found: ElderlyOu[] = [];
  for (const ou of ous) {
    const of = ouService(ou.id);
    if (of === null || (service !== undefined && of !== service)) continue;
    found.push({ id: ou.id, huvudman: ou.municipality, service: of, title: ou.title });
  }
  return found;
}
