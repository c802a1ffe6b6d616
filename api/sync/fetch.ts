import { indicatorsFor } from '../../shared/reference';
import type { KoladaClient } from '../kolada';
import { linkOus } from './link';
import {
  type KommunSnapshot,
  kpisFor,
  type OuLink,
  type SyncService,
  type SyncUnit,
  type UnlinkedOu,
} from './types';

export interface FetchOptions {
  /** Only these years; left out, all years Kolada has. */
  years?: readonly number[] | undefined;
  /** YYYY-MM-DD: only what changed since then, deletions included. */
  fromDate?: string | undefined;
}

/**
 * Fetches everything one kommun's sync needs, writing nothing: its OUs, the links to its units, the
 * linked OUs' figures and the kommun's and country's figures for the same KPIs. Any Kolada error is
 * thrown, so the caller writes either all of it or none.
 */
export async function fetchKommun(
  kolada: KoladaClient,
  input: {
    kommun: string;
    contextNames: readonly string[];
    units: readonly SyncUnit[];
    services: readonly SyncService[];
    /** unit id → OU, as the last sync linked them. */
    previousLinks?: ReadonlyMap<string, string>;
    now: () => Date;
  },
  options: FetchOptions = {},
): Promise<KommunSnapshot> {
  const ous = await kolada.ous(input.kommun);
  const links: OuLink[] = [];
  const unlinked: UnlinkedOu[] = [];
  const unitRows = [];
  const previous = input.previousLinks ?? new Map<string, string>();
  const relinked = new Set<string>();
  // A limited fetch (some years, or only changes) would leave a newly linked unit half filled.
  const limited = options.years !== undefined || options.fromDate !== undefined;
  for (const service of input.services) {
    const linked = linkOus({
      kommun: input.kommun,
      service,
      ous,
      units: input.units,
      contextNames: input.contextNames,
    });
    links.push(...linked.links);
    unlinked.push(...linked.unlinked);
    const ouIds = [...new Set(linked.links.map((l) => l.ou))];
    if (ouIds.length === 0) continue;
    const kpis = indicatorsFor(service).map((i) => i.id);
    const fresh = linked.links.filter((l) => previous.get(l.unitId) !== l.ou);
    for (const l of fresh) relinked.add(l.unitId);
    if (limited && fresh.length > 0) {
      unitRows.push(...(await kolada.ouData({ kpis, ous: [...new Set(fresh.map((l) => l.ou))] })));
    }
    unitRows.push(
      ...(await kolada.ouData({ kpis, ous: ouIds, years: options.years, fromDate: options.fromDate })),
    );
  }
  const linkedNow = new Set(links.map((l) => l.unitId));
  for (const unitId of previous.keys()) if (!linkedNow.has(unitId)) relinked.add(unitId);
  const areaRows = await kolada.municipalityData({
    kpis: kpisFor(input.services),
    municipalities: [input.kommun, '0000'],
    years: options.years,
    fromDate: options.fromDate,
  });
  return {
    kommun: input.kommun,
    services: [...input.services],
    ous,
    links,
    unlinked,
    relinked: [...relinked],
    unitRows,
    areaRows,
    fetchedAt: input.now().toISOString(),
  };
}
