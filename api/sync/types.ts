import { indicatorsFor } from '../../shared/reference';
import type { KoladaDataRow, KoladaOu } from '../kolada';

/** The services whose units Kolada measures at unit level. */
export type SyncService = 'hemtjanst' | 'sarskilt_boende';
export const SYNC_SERVICES: readonly SyncService[] = ['hemtjanst', 'sarskilt_boende'];

/** The configured indicators (Kolada KPI ids) of these services, in display order. */
export function kpisFor(services: readonly SyncService[]): string[] {
  return services.flatMap((service) => indicatorsFor(service).map((i) => i.id));
}

/** A register unit as the sync sees it. */
export interface SyncUnit {
  id: string;
  service: SyncService;
  name: string;
  aliases: readonly string[];
  /** The editor's link (units.kolada_ou). */
  koladaOu: string | null;
  status: 'aktiv' | 'avslutad';
}

export interface OuLink {
  unitId: string;
  service: SyncService;
  ou: string;
  /** Kolada's title, or null when the editor's OU is not in Kolada's list for the kommun. */
  ouTitle: string | null;
  method: 'register' | 'name';
}

export interface UnlinkedOu {
  ou: string;
  service: SyncService;
  title: string;
  /** no_match: no unit is close enough; ambiguous: more than one could be meant. */
  reason: 'no_match' | 'ambiguous';
  /** Names of the units it could be, for "ambiguous". */
  candidates: string[];
}

/** Everything fetched for one kommun, before anything is written. */
export interface KommunSnapshot {
  kommun: string;
  services: SyncService[];
  ous: KoladaOu[];
  links: OuLink[];
  unlinked: UnlinkedOu[];
  /**
   * Units whose link is new, changed or gone since the last sync. Their figures were fetched in full
   * (all years, not only changes) and replace whatever they had: no figure of a former OU stays.
   */
  relinked: string[];
  unitRows: KoladaDataRow[];
  areaRows: KoladaDataRow[];
  fetchedAt: string;
}

/** One row of indicator_values as the sync writes it. */
export interface SyncValue {
  indicatorId: string;
  scope: 'unit' | 'kommun' | 'riket';
  subject: string;
  period: string;
  value: number | null;
  respondents: number | null;
  status: string | null;
  publishedAt: string | null;
}
