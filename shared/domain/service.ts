import { z } from 'zod';
import type { HuvudmanKind } from './huvudman-code';

/**
 * The LOV services Utförarkollen covers. Adding a service means adding one entry here
 * (and its indicator definitions); the register format, API and extension read this table.
 */
export const SERVICES = {
  hemtjanst: {
    label: { sv: 'Hemtjänst', en: 'Home care' },
    huvudman: 'kommun',
    defaultIndicator: 'U21468',
  },
  sarskilt_boende: {
    label: { sv: 'Särskilt boende', en: 'Care home' },
    huvudman: 'kommun',
    defaultIndicator: 'U23471',
  },
  vardcentral: {
    label: { sv: 'Vårdcentral', en: 'Primary care centre' },
    huvudman: 'region',
    // The patients' view of the care and the doctor (Nationell Patientenkät): see VARDCENTRAL_DEFAULT_INDICATOR.
    defaultIndicator: 'npe_vard_och_behandling_medel',
  },
} as const satisfies Record<
  string,
  { label: { sv: string; en: string }; huvudman: HuvudmanKind; defaultIndicator: string | null }
>;

export type Service = keyof typeof SERVICES;
export const SERVICE_IDS = Object.keys(SERVICES) as [Service, ...Service[]];
export const service = z.enum(SERVICE_IDS);

export function servicesFor(kind: HuvudmanKind): Service[] {
  return SERVICE_IDS.filter((id) => SERVICES[id].huvudman === kind);
}
