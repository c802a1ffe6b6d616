import { parseArgs } from 'node:util';

export interface SyncArgs {
  kommuner?: string[];
  years?: number[];
  fromDate?: string;
  help: boolean;
}

export const SYNC_USAGE = `Usage: npm run sync -- [--kommun CODE ...] [--year YYYY ...] [--from-date YYYY-MM-DD]

Brings in Kolada's survey units of hemtjänst and särskilt boende, with their figures and the kommun's
and the national figures, for every kommun: the national baseline (needs internet; a few minutes).
  --kommun CODE         only this kommun (repeatable, or comma-separated); default: all 290
  --year YYYY           only these years (repeatable); default: every year Kolada has
  --from-date DATE      only what Kolada changed since DATE, deletions included`;

/** Parses the sync command's flags; throws a TypeError with a readable message on bad input. */
export function parseSyncArgs(argv: readonly string[]): SyncArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      kommun: { type: 'string', multiple: true },
      year: { type: 'string', multiple: true },
      'from-date': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const args: SyncArgs = { help: values.help ?? false };
  if (values.kommun) {
    args.kommuner = values.kommun
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    for (const code of args.kommuner) {
      if (!/^\d{4}$/.test(code))
        throw new TypeError(`--kommun: a kommun code has four digits, e.g. 0581: ${code}`);
    }
  }
  if (values.year) {
    args.years = values.year.map((v) => {
      if (!/^\d{4}$/.test(v)) throw new TypeError(`--year: a year has four digits: ${v}`);
      return Number(v);
    });
  }
  const fromDate = values['from-date'];
  if (fromDate !== undefined) {
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(fromDate) ? new Date(`${fromDate}T00:00:00Z`) : null;
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== fromDate) {
      throw new TypeError(`--from-date: a date written YYYY-MM-DD: ${fromDate}`);
    }
    args.fromDate = fromDate;
  }
  return args;
}
