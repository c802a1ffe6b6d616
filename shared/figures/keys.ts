import type { FigureUnitKey } from './types';

interface SetIdentity {
  huvudman: string;
  service: string;
  indicatorId: string;
  period: string;
}

/** "05/vardcentral/npe_vard_och_behandling_medel/2025": the set a file replaces as a whole. */
export function figureSetKey({ huvudman, service, indicatorId, period }: SetIdentity): string {
  return `${huvudman}/${service}/${indicatorId}/${period}`;
}

/**
 * One figure within the format: its set and whose it is, "…/2025/hsa:SE2321000040-EXEMPEL01" for a unit,
 * "…/2025/-" for the huvudman's or the country's own figure. A unit named by a different key (HSA id in
 * one file, register id in the next) gets a different key here: resolving keys to units needs the
 * register, which is the importer's job.
 */
export function figureKey(identity: SetIdentity & { unit: FigureUnitKey | null }): string {
  const who = identity.unit ? `${identity.unit.kind}:${identity.unit.id}` : '-';
  return `${figureSetKey(identity)}/${who}`;
}
