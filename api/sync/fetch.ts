import { KOLADA_RIKET } from '../../shared/domain/huvudman';
import type { KoladaClient, KoladaDataRow, KoladaOu } from '../kolada';
import { chunk } from '../kolada/urls';
import { elderlyCareOus } from './ous';
import { type ElderlyOu, type KommunFetch, kpisFor } from './types';

export interface FetchOptions {
  /** Only these years; left out, all years Kolada has. */
  years?: readonly number[] | undefined;
  /** YYYY-MM-DD: only what changed since then, deletions included. */
  fromDate?: string | undefined;
}

export interface BatchInput {
  /** Up to 25 kommuner, fetched together. */
  kommuner: readonly string[];
  /** The OUs the register of each kommun names (units.kolada_ou): fetched even when Kolada lists them elsewhere. */
  registerOus: ReadonlyMap<string, readonly string[]>;
  /**
   * OUs Kolada listed at an earlier sync (their figures are stored). In a limited sync (years,
   * from_date) any other is fetched in full, so a unit never shows half of an OU's figures.
   */
  knownOus: ReadonlySet<string>;
  now: () => Date;
}

/** A kommun whose fetch failed: it keeps what it had; the message says which request and why. */
export interface KommunFailure {
  kommun: string;
  error: Error;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Fetches what a batch of kommuner needs, writing nothing: their OU lists (25 kommuner per request),
 * the figures of their elderly-care OUs (25 OUs per request, across kommuner) and their own figures
 * (25 kommuner per request), every configured KPI at once. A request that fails even after the
 * client's retries is asked again kommun by kommun, so one kommun Kolada cannot answer for fails alone.
 * Any kommun with a failed part is returned as failed, never half filled.
 */
export async function fetchBatch(
  kolada: KoladaClient,
  input: BatchInput,
  options: FetchOptions = {},
): Promise<{ fetched: KommunFetch[]; failed: KommunFailure[] }> {
  const failed = new Map<string, Error>();
  const ous = await ousOfBatch(kolada, input.kommuner, failed);
  const kpis = kpisFor();
  const limited = options.years !== undefined || options.fromDate !== undefined;

  // Which kommun asks for which OU (an OU named by two registers is fetched once, given to both).
  const askedBy = new Map<string, string[]>();
  const asked = new Map<string, string[]>();
  for (const kommun of input.kommuner) {
    if (failed.has(kommun)) continue;
    const ids = [
      ...new Set([...(ous.get(kommun) ?? []).map((o) => o.id), ...(input.registerOus.get(kommun) ?? [])]),
    ];
    asked.set(kommun, ids);
    for (const id of ids) push(askedBy, id, kommun);
  }
  const allIds = [...askedBy.keys()];
  // In a limited sync an OU new to the store (a new one, or one only a register names) gets all its years.
  const complete = limited ? allIds.filter((id) => !input.knownOus.has(id)) : [];
  const completeSet = new Set(complete);
  const partial = limited ? allIds.filter((id) => !completeSet.has(id)) : allIds;

  const rowsOfOu = new Map<string, KoladaDataRow[]>();
  const keep = (rows: KoladaDataRow[]) => {
    for (const row of rows) push(rowsOfOu, row.subject, row);
  };
  const kommunerOf = (ids: readonly string[]) => new Set(ids.flatMap((id) => askedBy.get(id) ?? []));
  const fetchOus = async (ids: string[], query: FetchOptions) => {
    for (const part of chunk(ids)) {
      try {
        keep(await kolada.ouData({ kpis, ous: part, ...query }));
      } catch (error) {
        // Again per kommun: only the kommuner Kolada cannot answer for fail.
        for (const kommun of kommunerOf(part)) {
          const own = part.filter((id) => askedBy.get(id)?.includes(kommun));
          try {
            keep(await kolada.ouData({ kpis, ous: own, ...query }));
          } catch (again) {
            failed.set(kommun, asError(part.length === own.length ? error : again));
          }
        }
      }
    }
  };
  await fetchOus(complete, {});
  await fetchOus(partial, { years: options.years, fromDate: options.fromDate });

  const areaRows = new Map<string, KoladaDataRow[]>();
  const pending = input.kommuner.filter((k) => !failed.has(k));
  const keepArea = (rows: KoladaDataRow[]) => {
    for (const row of rows) push(areaRows, row.subject, row);
  };
  for (const part of chunk(pending)) {
    const query = { kpis, years: options.years, fromDate: options.fromDate };
    try {
      keepArea(await kolada.municipalityData({ ...query, municipalities: part }));
    } catch (error) {
      for (const kommun of part) {
        try {
          keepArea(await kolada.municipalityData({ ...query, municipalities: [kommun] }));
        } catch (again) {
          failed.set(kommun, asError(part.length === 1 ? error : again));
        }
      }
    }
  }

  const fetchedAt = input.now().toISOString();
  const fetched: KommunFetch[] = [];
  for (const kommun of input.kommuner) {
    if (failed.has(kommun)) continue;
    const ids = asked.get(kommun) ?? [];
    fetched.push({
      kommun,
      ous: ous.get(kommun) ?? [],
      askedOus: ids,
      completeOus: ids.filter((id) => completeSet.has(id)),
      unitRows: ids.flatMap((id) => rowsOfOu.get(id) ?? []),
      areaRows: areaRows.get(kommun) ?? [],
      fetchedAt,
    });
  }
  return {
    fetched,
    failed: input.kommuner
      .filter((k) => failed.has(k))
      .map((kommun) => ({ kommun, error: failed.get(kommun)! })),
  };
}

/** The batch's elderly-care OUs by kommun; a batch request that fails is asked again kommun by kommun. */
async function ousOfBatch(
  kolada: KoladaClient,
  kommuner: readonly string[],
  failed: Map<string, Error>,
): Promise<Map<string, ElderlyOu[]>> {
  const result = new Map<string, ElderlyOu[]>();
  const keep = (kommun: string, list: readonly KoladaOu[]) =>
    result.set(
      kommun,
      elderlyCareOus(list).filter((ou) => ou.huvudman === kommun),
    );
  try {
    for (const [kommun, list] of await kolada.ousOf(kommuner)) keep(kommun, list);
  } catch (error) {
    for (const kommun of kommuner) {
      try {
        keep(kommun, await kolada.ous(kommun));
      } catch (again) {
        failed.set(kommun, asError(kommuner.length === 1 ? error : again));
      }
    }
  }
  return result;
}

/** The national figures of every configured KPI, the comparison for every kommun. */
export async function fetchRiket(kolada: KoladaClient, options: FetchOptions = {}): Promise<KoladaDataRow[]> {
  return kolada.municipalityData({
    kpis: kpisFor(),
    municipalities: [KOLADA_RIKET],
    years: options.years,
    fromDate: options.fromDate,
  });
}
