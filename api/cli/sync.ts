/**
 * npm run sync -- [--kommun CODE ...] [--year YYYY ...] [--from-date YYYY-MM-DD]
 * Brings in Kolada's survey units and figures for every kommun (or the ones given): the national
 * baseline. Each kommun is written all-or-nothing. Exit code 1 when any kommun failed (the others
 * are still synced), 2 on bad flags.
 */
import { readConfig } from '../config';
import { prepareDatabase } from '../database';
import { createKoladaClient } from '../kolada';
import { parseSyncArgs, SYNC_USAGE, type SyncArgs } from '../sync/args';
import { progressReporter } from '../sync/progress';
import { syncKolada } from '../sync/run';
import { formatSyncReport, syncExitCode } from '../sync/summary';

async function main(): Promise<number> {
  let args: SyncArgs;
  try {
    args = parseSyncArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${SYNC_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(SYNC_USAGE);
    return 0;
  }
  const config = readConfig();
  const db = await prepareDatabase(config);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort(new Error('avbruten (Ctrl+C)')));
  const kolada = createKoladaClient({ baseUrl: config.KOLADA_BASE_URL, signal: controller.signal });
  const progress = progressReporter(process.stdout);
  try {
    const report = await syncKolada(db, kolada, {
      ...(args.kommuner ? { kommuner: args.kommuner } : {}),
      ...(args.years ? { years: args.years } : {}),
      ...(args.fromDate ? { fromDate: args.fromDate } : {}),
      onProgress: progress.update,
      signal: controller.signal,
    });
    for (const line of formatSyncReport(report)) console.log(line);
    return syncExitCode(report);
  } finally {
    db.$client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
