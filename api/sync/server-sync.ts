import { max } from 'drizzle-orm';
import type { Database } from '../db/client';
import { koladaSyncRuns } from '../db/schema';
import { createKoladaClient } from '../kolada';
import { syncKolada } from './run';
import { type PeriodicSync, startPeriodicSync } from './schedule';
import { formatSyncReport } from './summary';

export interface ServerSyncOptions {
  intervalMs: number;
  koladaBaseUrl: string;
  log?: (message: string) => void;
}

/**
 * The periodic Kolada sync of a running server. The first run is due one interval after the last
 * recorded one (at once on a database never synced), so frequent restarts do not mean frequent syncs.
 */
export async function startServerSync(db: Database, options: ServerSyncOptions): Promise<PeriodicSync> {
  const log = options.log ?? ((message: string) => console.log(message));
  const last = await db
    .select({ at: max(koladaSyncRuns.finishedAt) })
    .from(koladaSyncRuns)
    .get();
  const sinceLast = last?.at ? Date.now() - Date.parse(last.at) : Number.POSITIVE_INFINITY;
  return startPeriodicSync({
    intervalMs: options.intervalMs,
    firstDelayMs: Math.max(0, options.intervalMs - sinceLast),
    log,
    run: async (signal) => {
      const kolada = createKoladaClient({ baseUrl: options.koladaBaseUrl, signal });
      const report = await syncKolada(db, kolada, { signal });
      for (const line of formatSyncReport(report)) log(`Kolada sync: ${line}`);
    },
  });
}
