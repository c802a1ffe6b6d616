import { readCsvCells } from '../../shared/figures';
import { formatProblem, parseRegister } from '../../shared/register';
import { decodeRegister } from '../../shared/register/decode';
import { checkMapping, parseVisArgs, VIS_USAGE, type VisArgs } from './args';
import { createVisClient, type VisClientOptions } from './client';
import { VisRequestError, VisResponseError, VisUnavailableError } from './errors';
import { checkLive } from './probe';
import { fetchRegionFigures } from './run';
import type { MeasureMapping } from './to-figures';
import { hsaUnitKey, mappedUnitKey, type UnitKey } from './unit-key';

export interface VisCliIo {
  readFile(path: string): Uint8Array;
  writeFile(path: string, text: string): void;
  out(text: string): void;
  err(text: string): void;
  /** YYYY-MM-DD in Sweden. */
  today: string;
  /** Extra client options (tests pass a fake fetch and clock). */
  client?: VisClientOptions;
}

/**
 * `npm run vis`: writes a region's figures from Vården i siffror as a figures file, or with --check-live
 * reports what the live API answers. Returns the exit code: 0 done, 1 a problem (all of them printed),
 * 2 a wrong command line. All I/O goes through `io`.
 */
export async function runVisCli(argv: readonly string[], io: VisCliIo): Promise<number> {
  const parsed = parseVisArgs(argv, io.today);
  if (!parsed.ok) {
    for (const problem of parsed.problems) io.err(problem);
    io.err(VIS_USAGE);
    return 2;
  }
  const args = parsed.args;
  const client = createVisClient({
    ...(args.baseUrl ? { baseUrl: args.baseUrl } : {}),
    ...(args.unitSearch ? { unitSearch: args.unitSearch } : {}),
    ...io.client,
  });
  try {
    if (args.checkLive) {
      await checkLive(
        client,
        {
          region: args.region,
          ...(args.hsaIds[0] ? { hsaId: args.hsaIds[0] } : {}),
          ...(args.searchText ? { searchText: args.searchText } : {}),
          ...(argv.includes('--period-type') ? { periodType: args.periodType } : {}),
          dateFrom: args.dateFrom,
          dateTo: args.dateTo,
        },
        io.out,
      );
      return 0;
    }
    return await writeFigures(client, args, io);
  } catch (error) {
    if (
      error instanceof VisRequestError ||
      error instanceof VisUnavailableError ||
      error instanceof VisResponseError
    ) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

async function writeFigures(
  client: ReturnType<typeof createVisClient>,
  args: VisArgs,
  io: VisCliIo,
): Promise<number> {
  const problems: string[] = [];
  const mappings = [
    ...args.mappings,
    ...(args.mappingsFile ? readMappings(io.readFile(args.mappingsFile), problems) : []),
  ];
  const hsaIds = [...args.hsaIds, ...(args.registerFile ? readRegisterHsaIds(io, args, problems) : [])];
  const unitKey = makeUnitKey(args, hsaIds, io, problems);
  if (problems.length > 0 || !unitKey) {
    for (const problem of problems) io.err(problem);
    return 1;
  }

  const result = await fetchRegionFigures(client, {
    region: args.region,
    mappings,
    hsaIds: [...new Set(hsaIds)],
    unitKey,
    periodType: args.periodType,
    dateFrom: args.dateFrom,
    dateTo: args.dateTo,
    today: io.today,
  });
  for (const warning of result.warnings) io.err(`varning: ${warning}`);
  for (const s of result.skipped) {
    io.err(`utelämnat: ${s.organizationId} / ${s.measureId}${s.period ? ` / ${s.period}` : ''}: ${s.reason}`);
  }
  if (!result.ok) {
    for (const problem of result.problems) io.err(problem);
    return 1;
  }
  if (args.out) io.writeFile(args.out, result.csv);
  else io.out(result.csv);
  const withheld = result.rows.filter((r) => r.missingReason !== null).length;
  io.err(
    `${result.rows.length} värden${withheld > 0 ? ` (${withheld} för få för att visas)` : ''}, ${result.skipped.length} utelämnade` +
      `${args.out ? `; skrivet till ${args.out}` : ''}. Läs in med: npm run import -- ${args.out ?? 'FIL'}`,
  );
  return 0;
}

/** `{ "npe_vard_och_behandling_medel": "<GUID>", … }` */
function readMappings(bytes: Uint8Array, problems: string[]): MeasureMapping[] {
  const decoded = decodeRegister(bytes);
  let json: unknown = null;
  try {
    json = decoded.ok ? JSON.parse(decoded.text) : null;
  } catch {
    json = null;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    problems.push('--measures ska vara en JSON-fil med ett objekt { "indikator": "mått-id", … }');
    return [];
  }
  const out: MeasureMapping[] = [];
  for (const [indicatorId, measureId] of Object.entries(json)) {
    const mapping = checkMapping(indicatorId, typeof measureId === 'string' ? measureId : '');
    if (typeof mapping === 'string') problems.push(`--measures ${indicatorId}: ${mapping}`);
    else out.push(mapping);
  }
  return out;
}

/** The HSA ids of the region's active vårdcentraler in a register file. */
function readRegisterHsaIds(io: VisCliIo, args: VisArgs, problems: string[]): string[] {
  const result = parseRegister(io.readFile(args.registerFile!), { today: io.today });
  if (!result.ok) {
    problems.push(`--register ${args.registerFile}:`, ...result.problems.map((p) => `  ${formatProblem(p)}`));
    return [];
  }
  const units = result.rows.filter(
    (r) => r.huvudman === args.region && r.service === 'vardcentral' && r.status === 'aktiv',
  );
  const missing = units.filter((r) => r.hsaId === null).map((r) => r.name);
  if (missing.length > 0) io.err(`varning: utan hsa_id i registret, efterfrågas inte: ${missing.join(', ')}`);
  return units.flatMap((r) => (r.hsaId ? [r.hsaId] : []));
}

/** A table `hsa_id;vis_id` (CSV, either delimiter) for --unit-key mapped. */
function makeUnitKey(args: VisArgs, hsaIds: string[], io: VisCliIo, problems: string[]): UnitKey | null {
  if (args.unitKey === 'hsa') return hsaUnitKey(hsaIds);
  const decoded = decodeRegister(io.readFile(args.unitMapFile!));
  if (!decoded.ok) {
    problems.push(`--unit-map ${args.unitMapFile}: ${decoded.problems.map(formatProblem).join('; ')}`);
    return null;
  }
  const [header, ...rows] = readCsvCells(decoded.text).rows;
  const names = header?.cells.map((c) => c.toLowerCase()) ?? [];
  const hsa = names.indexOf('hsa_id');
  const vis = names.indexOf('vis_id');
  if (hsa === -1 || vis === -1) {
    problems.push(`--unit-map ${args.unitMapFile}: rubrikraden ska ha kolumnerna hsa_id och vis_id`);
    return null;
  }
  try {
    return mappedUnitKey(rows.map((r) => ({ hsaId: r.cells[hsa] ?? '', visId: r.cells[vis] ?? '' })));
  } catch (error) {
    problems.push(`--unit-map ${args.unitMapFile}: ${(error as Error).message}`);
    return null;
  }
}
