import { and, eq, inArray } from 'drizzle-orm';
import { KOMMUNER } from '../../shared/reference';
import type { Database } from '../db/client';
import { koladaLinks, koladaSyncRuns, units } from '../db/schema';
import type { KoladaClient } from '../kolada';
import { fetchKommun } from './fetch';
import { type StoreSummary, storeKommun } from './store';
import { SYNC_SERVICES, type SyncService, type SyncUnit, type UnlinkedOu } from './types';
import type { PublicationDate } from './values';

export interface SyncOptions {
  /** Kommun codes; left out, every kommun with elderly-care units in the register. */
  kommuner?: readonly string[];
  years?: readonly number[];
  /** YYYY-MM-DD: apply only what changed in Kolada since then, deletions included. */
  fromDate?: string;
  now?: () => Date;
  publicationDate?: PublicationDate;
  /** Called before each kommun and once at the end (done === total). */
  onProgress?: (progress: { done: number; total: number; kommun: string | null }) => void;
  /** Checked between kommuner: an aborted sync stops before the next one. */
  signal?: AbortSignal;
}

export type KommunResult =
  | ({ kommun: string; outcome: 'synced'; unlinkedOus: UnlinkedOu[] } & StoreSummary)
  | { kommun: string; outcome: 'failed'; error: string }
  | { kommun: string; outcome: 'skipped'; note: string };

export interface SyncReport {
  kommuner: KommunResult[];
  totals: {
    synced: number;
    failed: number;
    skipped: number;
    linked: number;
    unlinked: number;
    added: number;
    changed: number;
    removed: number;
  };
  seconds: number;
}

const isSyncService = (s: string): s is SyncService => (SYNC_SERVICES as readonly string[]).includes(s);

/** Every kommun with elderly-care units in the register, demo or live. */
export async function kommunerWithUnits(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ huvudman: units.huvudman })
    .from(units)
    .where(inArray(units.service, [...SYNC_SERVICES]))
    .all();
  return rows
    .map((r) => r.huvudman)
    .filter((code) => code.length === 4)
    .sort();
}

async function unitsOf(db: Database, kommun: string) {
  return db
    .select()
    .from(units)
    .where(and(eq(units.huvudman, kommun), inArray(units.service, [...SYNC_SERVICES])))
    .all();
}

function contextNames(kommun: string): string[] {
  const ref = KOMMUNER.find((k) => k.code === kommun);
  return ref ? [ref.name, ref.shortName] : [];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Syncs kommun after kommun: fetch all of one kommun, then write it in one transaction. A kommun that
 * fails (Kolada down, a broken answer) keeps what it had and the next one still runs. Kommuner with
 * only demo units are skipped: real figures never go next to invented providers.
 */
export async function syncKolada(
  db: Database,
  kolada: KoladaClient,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const kommuner = options.kommuner ? [...new Set(options.kommuner)] : await kommunerWithUnits(db);
  const results: KommunResult[] = [];
  for (const [i, kommun] of kommuner.entries()) {
    if (options.signal?.aborted) break;
    options.onProgress?.({ done: i, total: kommuner.length, kommun });
    const startedAt = now().toISOString();
    const result = await syncOne(db, kolada, kommun, options, now);
    results.push(result);
    await recordRun(db, result, startedAt, now().toISOString());
  }
  options.onProgress?.({ done: kommuner.length, total: kommuner.length, kommun: null });
  return { kommuner: results, totals: totalsOf(results), seconds: (performance.now() - started) / 1000 };
}

async function syncOne(
  db: Database,
  kolada: KoladaClient,
  kommun: string,
  options: SyncOptions,
  now: () => Date,
): Promise<KommunResult> {
  try {
    const rows = await unitsOf(db, kommun);
    const live: SyncUnit[] = rows
      .filter((u) => u.kind === 'live' && isSyncService(u.service))
      .map((u) => ({
        id: u.id,
        service: u.service as SyncService,
        name: u.name,
        aliases: u.aliases,
        koladaOu: u.koladaOu,
        status: u.status,
      }));
    const services = SYNC_SERVICES.filter((s) => live.some((u) => u.service === s));
    if (services.length === 0) {
      const note =
        rows.length > 0
          ? 'bara demoenheter i registret: inga riktiga siffror bredvid påhittade utförare'
          : 'inga enheter för hemtjänst eller särskilt boende i registret';
      return { kommun, outcome: 'skipped', note };
    }
    const previous = await db
      .select({ unitId: koladaLinks.unitId, ou: koladaLinks.ou })
      .from(koladaLinks)
      .where(eq(koladaLinks.huvudman, kommun))
      .all();
    const previousLinks = new Map(previous.map((l) => [l.unitId, l.ou]));
    const snapshot = await fetchKommun(
      kolada,
      { kommun, contextNames: contextNames(kommun), units: live, services, previousLinks, now },
      { years: options.years, fromDate: options.fromDate },
    );
    const summary = await storeKommun(db, snapshot, {
      mode: options.fromDate ? 'incremental' : 'full',
      years: options.years,
      now: now(),
      publicationDate: options.publicationDate,
    });
    return { kommun, outcome: 'synced', unlinkedOus: snapshot.unlinked, ...summary };
  } catch (error) {
    return { kommun, outcome: 'failed', error: message(error) };
  }
}

/** The last outcome per kommun, for editors; not data the API serves, so no version moves. */
async function recordRun(db: Database, result: KommunResult, startedAt: string, finishedAt: string) {
  const summary =
    result.outcome === 'synced'
      ? {
          added: result.added,
          changed: result.changed,
          removed: result.removed,
          unchanged: result.unchanged,
          linked: result.linked,
          unlinked: result.unlinked,
        }
      : null;
  const row = {
    startedAt,
    finishedAt,
    outcome: result.outcome,
    message: result.outcome === 'failed' ? result.error : result.outcome === 'skipped' ? result.note : null,
    summary,
  };
  try {
    await db
      .insert(koladaSyncRuns)
      .values({ huvudman: result.kommun, ...row })
      .onConflictDoUpdate({ target: koladaSyncRuns.huvudman, set: row });
  } catch {
    // The run's record is a courtesy; its failure must not turn a good sync into a failed one.
  }
}

function totalsOf(results: readonly KommunResult[]): SyncReport['totals'] {
  const totals = {
    synced: 0,
    failed: 0,
    skipped: 0,
    linked: 0,
    unlinked: 0,
    added: 0,
    changed: 0,
    removed: 0,
  };
  for (const r of results) {
    totals[r.outcome]++;
    if (r.outcome !== 'synced') continue;
    totals.linked += r.linked;
    totals.unlinked += r.unlinked;
    totals.added += r.added;
    totals.changed += r.changed;
    totals.removed += r.removed;
  }
  return totals;
}
