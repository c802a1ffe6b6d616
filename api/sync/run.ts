import { and, eq, inArray, sql } from 'drizzle-orm';
import { KOMMUNER } from '../../shared/reference';
import type { Database } from '../db/client';
import { koladaOus, koladaSyncRuns, units } from '../db/schema';
import type { KoladaClient } from '../kolada';
import { chunk } from '../kolada/urls';
import { jsonList } from './bulk';
import { fetchBatch, fetchRiket } from './fetch';
import { fetchRegionFigures, storeRegionFigures } from './regions';
import { type RiketSummary, type StoreSummary, storeBatch, storeRiket } from './store';
import type { PublicationDate } from './values';

export interface SyncProgress {
  /** Kommuner written (or failed) so far, of `total`. */
  done: number;
  total: number;
  /** Figures seen so far (written or unchanged). */
  figures: number;
  /** Kolada requests so far. */
  requests: number;
  /** The kommun just finished, null at the start and at the end. */
  kommun: string | null;
}

export interface SyncOptions {
  /** Kommun codes; left out, all 290. */
  kommuner?: readonly string[];
  years?: readonly number[];
  /** YYYY-MM-DD: apply only what changed in Kolada since then, deletions included. */
  fromDate?: string;
  now?: () => Date;
  publicationDate?: PublicationDate;
  /** Called at the start, after each kommun and once at the end (done === total). */
  onProgress?: (progress: SyncProgress) => void;
  /** Checked between kommuner: an aborted sync stops before the next one; what is written stays. */
  signal?: AbortSignal;
  /** Kommuner fetched together (at most 25, Kolada's limit per request). */
  batchSize?: number;
  /**
   * Also fetch the regions' and the country's figures of the vårdcentral measures (regions.ts), one
   * request. Default: in a sync of every kommun, not in one of the kommuner given.
   */
  regions?: boolean;
}

export type KommunResult =
  | ({ kommun: string; outcome: 'synced' } & StoreSummary)
  | { kommun: string; outcome: 'failed'; error: string };

export interface SyncReport {
  kommuner: KommunResult[];
  /** The national figures: written, or why not. */
  riket: ({ outcome: 'synced' } & RiketSummary) | { outcome: 'failed'; error: string } | null;
  /** The regions' and the country's figures of the vårdcentral measures; null when not asked for. */
  regioner: ({ outcome: 'synced' } & RiketSummary) | { outcome: 'failed'; error: string } | null;
  totals: {
    synced: number;
    failed: number;
    linked: number;
    unlinked: number;
    unitsAdded: number;
    unitsEnded: number;
    withoutFigures: number;
    added: number;
    changed: number;
    removed: number;
    unchanged: number;
  };
  /** True when the signal stopped the run before every kommun was done. */
  interrupted: boolean;
  requests: number;
  seconds: number;
}

function contextNames(kommun: string): string[] {
  const ref = KOMMUNER.find((k) => k.code === kommun);
  return ref ? [ref.name, ref.shortName] : [];
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Syncs every kommun (or the ones given) with Kolada: first the national figures, then the kommuner
 * in batches of 25, each batch fetched together and each kommun written in its own transaction. A
 * kommun that fails (Kolada down, a broken answer) keeps what it had and the others still run; a
 * rerun after an interruption converges to the state one uninterrupted run would have left.
 */
export async function syncKolada(
  db: Database,
  kolada: KoladaClient,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const started = performance.now();
  const requestsBefore = kolada.requestCount();
  const now = options.now ?? (() => new Date());
  const kommuner = options.kommuner ? [...new Set(options.kommuner)] : KOMMUNER.map((k) => k.code).sort();
  const mode = options.fromDate ? ('incremental' as const) : ('full' as const);
  const fetchOptions = { years: options.years, fromDate: options.fromDate };
  const results: KommunResult[] = [];
  let figures = 0;
  const progress = (kommun: string | null) =>
    options.onProgress?.({
      done: results.length,
      total: kommuner.length,
      figures,
      requests: kolada.requestCount() - requestsBefore,
      kommun,
    });
  progress(null);

  let riket: SyncReport['riket'] = null;
  if (!options.signal?.aborted) {
    try {
      const rows = await fetchRiket(kolada, fetchOptions);
      riket = {
        outcome: 'synced',
        ...(await storeRiket(db, rows, {
          mode,
          years: options.years,
          now: now(),
          publicationDate: options.publicationDate,
        })),
      };
    } catch (error) {
      riket = { outcome: 'failed', error: message(error) };
    }
  }

  let regioner: SyncReport['regioner'] = null;
  if ((options.regions ?? options.kommuner === undefined) && !options.signal?.aborted) {
    try {
      const rows = await fetchRegionFigures(kolada, fetchOptions);
      regioner = {
        outcome: 'synced',
        ...(await storeRegionFigures(db, rows, {
          mode,
          years: options.years,
          now: now(),
          publicationDate: options.publicationDate,
        })),
      };
    } catch (error) {
      regioner = { outcome: 'failed', error: message(error) };
    }
  }

  for (const batch of chunk(kommuner, Math.min(25, options.batchSize ?? 25))) {
    if (options.signal?.aborted) break;
    const startedAt = now().toISOString();
    let outcome: Awaited<ReturnType<typeof fetchBatch>>;
    try {
      const { registerOus, knownOus } = await batchContext(db, batch);
      outcome = await fetchBatch(kolada, { kommuner: batch, registerOus, knownOus, now }, fetchOptions);
    } catch (error) {
      outcome = {
        fetched: [],
        failed: batch.map((kommun) => ({ kommun, error: new Error(message(error)) })),
      };
    }
    // Stopped while fetching (Ctrl+C, a server shutting down): the batch is left for the next run.
    if (options.signal?.aborted) break;
    const failedBy = new Map(outcome.failed.map((f) => [f.kommun, f.error]));
    let stored: Map<string, StoreSummary | Error>;
    try {
      stored = await storeBatch(db, outcome.fetched, (kommun) => ({
        mode,
        years: options.years,
        now: now(),
        publicationDate: options.publicationDate,
        contextNames: contextNames(kommun),
      }));
    } catch (error) {
      // The batch's commit itself failed: none of it was written.
      stored = new Map(outcome.fetched.map((f) => [f.kommun, new Error(message(error))]));
    }
    for (const kommun of batch) {
      const summary = stored.get(kommun);
      let result: KommunResult;
      if (summary === undefined) {
        result = { kommun, outcome: 'failed', error: message(failedBy.get(kommun) ?? 'inget svar') };
      } else if (summary instanceof Error) {
        result = { kommun, outcome: 'failed', error: summary.message };
      } else {
        result = { kommun, outcome: 'synced', ...summary };
        figures += summary.added + summary.changed + summary.unchanged;
      }
      results.push(result);
      progress(kommun);
    }
    await recordRuns(db, results.slice(-batch.length), startedAt, now().toISOString());
  }
  const interrupted = results.length < kommuner.length;
  options.onProgress?.({
    done: results.length,
    total: kommuner.length,
    figures,
    requests: kolada.requestCount() - requestsBefore,
    kommun: null,
  });
  return {
    kommuner: results,
    riket,
    regioner,
    totals: totalsOf(results),
    interrupted,
    requests: kolada.requestCount() - requestsBefore,
    seconds: (performance.now() - started) / 1000,
  };
}

/** What the batch's fetch needs from the database: the OUs their registers name, and the OUs known already. */
async function batchContext(db: Database, batch: readonly string[]) {
  const [named, known] = await Promise.all([
    db
      .select({ huvudman: units.huvudman, koladaOu: units.koladaOu })
      .from(units)
      .where(
        and(inArray(units.huvudman, jsonList(batch)), eq(units.origin, 'register'), eq(units.kind, 'live')),
      )
      .all(),
    db
      .select({ id: koladaOus.id })
      .from(koladaOus)
      .where(inArray(koladaOus.huvudman, jsonList(batch)))
      .all(),
  ]);
  const registerOus = new Map<string, string[]>();
  for (const { huvudman, koladaOu } of named) {
    if (koladaOu.length > 0) registerOus.set(huvudman, [...(registerOus.get(huvudman) ?? []), ...koladaOu]);
  }
  return { registerOus, knownOus: new Set(known.map((k) => k.id)) };
}

/** The last outcome per kommun, for editors; not data the API serves, so no version moves. */
async function recordRuns(
  db: Database,
  results: readonly KommunResult[],
  startedAt: string,
  finishedAt: string,
) {
  const rows = results.map((result) => ({
    huvudman: result.kommun,
    startedAt,
    finishedAt,
    outcome: result.outcome,
    message: result.outcome === 'failed' ? result.error : null,
    summary:
      result.outcome === 'synced'
        ? {
            added: result.added,
            changed: result.changed,
            removed: result.removed,
            unchanged: result.unchanged,
            linked: result.linked,
            unlinked: result.unlinked,
            unitsAdded: result.unitsAdded,
            unitsEnded: result.unitsEnded,
            withoutFigures: result.withoutFigures,
          }
        : null,
  }));
  if (rows.length === 0) return;
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  try {
    await db
      .insert(koladaSyncRuns)
      .values(rows)
      .onConflictDoUpdate({
        target: koladaSyncRuns.huvudman,
        set: {
          startedAt: excluded('started_at'),
          finishedAt: excluded('finished_at'),
          outcome: excluded('outcome'),
          message: excluded('message'),
          summary: excluded('summary'),
        },
      });
  } catch {
    // The run's record is a courtesy; its failure must not turn a good sync into a failed one.
  }
}

function totalsOf(results: readonly KommunResult[]): SyncReport['totals'] {
  const totals: SyncReport['totals'] = {
    synced: 0,
    failed: 0,
    linked: 0,
    unlinked: 0,
    unitsAdded: 0,
    unitsEnded: 0,
    withoutFigures: 0,
    added: 0,
    changed: 0,
    removed: 0,
    unchanged: 0,
  };
  for (const r of results) {
    totals[r.outcome]++;
    if (r.outcome !== 'synced') continue;
    for (const key of [
      'linked',
      'unlinked',
      'unitsAdded',
      'unitsEnded',
      'withoutFigures',
      'added',
      'changed',
      'removed',
      'unchanged',
    ] as const)
      totals[key] += r[key];
  }
  return totals;
}
