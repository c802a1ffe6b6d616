import { indicatorsFor } from '../../shared/reference';
import { KOLADA_SERVICES } from '../db/schema';
import type { KoladaDataRow } from '../kolada';

/** The services whose units Kolada measures at unit level. */
export type SyncService = (typeof KOLADA_SERVICES)[number];
export const SYNC_SERVICES: readonly SyncService[] = KOLADA_SERVICES;

export function isSyncService(service: string): service is SyncService {
  return (SYNC_SERVICES as readonly string[]).includes(service);
}

/** The configured indicators (Kolada KPI ids) of these services, in display order. */
export function kpisFor(services: readonly SyncService[] = SYNC_SERVICES): string[] {
  return services.flatMap((service) => indicatorsFor(service).map((i) => i.id));
}

/** A unit of a kommun's elderly care as the sync sees it. */
export interface SyncUnit {
  id: string;
  service: SyncService;
  origin: 'register' | 'kolada';
  kind: 'demo' | 'live';
  name: string;
  aliases: readonly string[];
  /** The editor's OUs (units.kolada_ou), for a register unit. */
  koladaOu: readonly string[];
  identityKey: string;
  status: 'aktiv' | 'avslutad';
  statusDate: string | null;
}

/** An elderly-care OU as Kolada lists it: the kommun from its `municipality` field, the service from its series. */
export interface ElderlyOu {
  id: string;
  huvudman: string;
  service: SyncService;
  title: string;
}

export interface OuLink {
  unitId: string;
  service: SyncService;
  ou: string;
  /** Kolada's title, or null when the editor's OU is not in Kolada's list for the kommun. */
  ouTitle: string | null;
  /** register: the editor's kolada_ou; name: the strict matcher; kolada: a baseline unit's own OU. */
  method: 'register' | 'name' | 'kolada';
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
export interface KommunFetch {
  kommun: string;
  /** Its elderly-care OUs as Kolada lists them now. */
  ous: ElderlyOu[];
  /**
   * The OUs whose figures were asked for: the listed ones and those the register names. Their stored
   * figures are what this fetch answers for; an OU Kolada no longer lists keeps the figures it had.
   */
  askedOus: string[];
  /** OUs whose figures were fetched in full (every year, not only changes), also in a limited sync. */
  completeOus: string[];
  unitRows: KoladaDataRow[];
  areaRows: KoladaDataRow[];
  fetchedAt: string;
}

/** One row of indicator_values as the sync writes it. */
export interface SyncValue {
  indicatorId: string;
  scope: 'ou' | 'kommun' | 'region' | 'riket';
  subject: string;
  period: string;
  value: number | null;
  respondents: number | null;
  status: string | null;
  publishedAt: string | null;
}
