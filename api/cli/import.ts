/**
 * npm run import -- FILE [--confirm-ending N]
 * Validates a register file (utförarregister v1) or a figures file (indikatorvärden v1), CSV, JSON or
 * XLSX, completely, then imports it all-or-nothing. Which format it is comes from its header (a JSON
 * file's `format`). Exit code 1 and nothing written when any row is bad or the import is refused.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  describeRegisterFile,
  formatProblem,
  type RegisterFormat,
  type RegisterProblem,
} from '../../shared/register';
import { readConfig } from '../config';
import { prepareDatabase } from '../database';
import type { Database } from '../db/client';
import { importFigures } from '../figures/import';
import { kindOfFile } from '../figures/kind';
import { importRegister } from '../register/import';

const USAGE =
  'Usage: npm run import -- FILE [--confirm-ending N]\n' +
  '  FILE  a register (utförarregister v1) or figures (indikatorvärden v1): CSV, JSON or XLSX\n' +
  "  --confirm-ending N  go ahead although the file ends N units, more than half of a system's active ones";

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = args.positionals[0];
  if (!file || args.values.help) {
    console.error(USAGE);
    return 2;
  }
  const confirm = args.values['confirm-ending'];
  const confirmEnding = confirm === undefined ? undefined : Number(confirm);
  if (confirmEnding !== undefined && !(Number.isInteger(confirmEnding) && confirmEnding >= 0)) {
    console.error(`--confirm-ending takes the number of units that will end, not '${confirm}'\n${USAGE}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    return 2;
  }
  const db = await prepareDatabase(readConfig());
  if (kindOfFile(bytes) === 'figures') {
    const code = await importFiguresFile(db, file, bytes);
    db.$client.close();
    return code;
  }
  const result = await importRegister(db, bytes, { format: formatOfName(file), actor: 'cli', confirmEnding });
  db.$client.close();

  const read = result.file.format === null ? '' : ` (read as ${describeRegisterFile(result.file)})`;
  if (!result.ok) {
    if (result.refusal?.kind === 'ending_many') {
      console.error(`${file}${read}: not imported; nothing was written.\n`);
      console.error(`  ${result.problems[0]?.message}`);
      console.error(`\n  If that is intended, run again with --confirm-ending ${result.refusal.ending}`);
      return 1;
    }
    printProblems(`${file}${read}`, result);
    return 1;
  }
  const { added, changed, ended, unchanged, systems } = result.summary;
  console.log(`${file}: imported${read}.`);
  for (const s of systems) {
    console.log(
      `  ${s.huvudman} ${s.service}: ${s.added} added, ${s.changed} changed, ${s.ended} ended, ${s.unchanged} unchanged`,
    );
  }
  console.log(`  total: ${added} added, ${changed} changed, ${ended} ended, ${unchanged} unchanged`);
  return 0;
}

async function importFiguresFile(db: Database, file: string, bytes: Uint8Array): Promise<number> {
  const result = await importFigures(db, bytes, { format: formatOfName(file), actor: 'cli' });
  const read =
    result.file.format === null
      ? ''
      : ` (figures, read as ${result.file.format.toUpperCase()}${result.file.sheet ? `, sheet ${result.file.sheet}` : ''})`;
  if (!result.ok) {
    printProblems(`${file}${read}`, result);
    return 1;
  }
  const { added, changed, removed, unchanged, sets } = result.summary;
  console.log(`${file}: imported${read}.`);
  for (const s of sets) {
    console.log(
      `  ${s.huvudman} ${s.service} ${s.indicatorId} ${s.period}: ${s.added} added, ${s.changed} changed, ${s.removed} removed, ${s.unchanged} unchanged`,
    );
  }
  console.log(`  total: ${added} added, ${changed} changed, ${removed} removed, ${unchanged} unchanged`);
  return 0;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { 'confirm-ending': { type: 'string' }, help: { type: 'boolean' } },
  });
}

/** By the file name's extension; anything else is sniffed from the content. */
function formatOfName(file: string): RegisterFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return extension === 'json' || extension === 'csv' || extension === 'xlsx' ? extension : undefined;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

/** A refused file's problems, as many as were listed, and how many more there are. */
function printProblems(
  what: string,
  result: { problems: readonly RegisterProblem[]; problemCount: number },
): void {
  console.error(`${what}: ${result.problemCount} problem(s); nothing was imported.\n`);
  for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
  const rest = result.problemCount - result.problems.length;
  if (rest > 0)
    console.error(`  … and ${rest} more problem(s), not listed: correct these first and run again.`);
}
