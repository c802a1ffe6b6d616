/**
 * npm run import -- FILE
 * Validates a register file (utförarregister v1, CSV or JSON) completely, then imports it
 * all-or-nothing. Exit code 1 and nothing written when any row is bad.
 */
import { readFileSync } from 'node:fs';
import { formatProblem } from '../../shared/register';
import { readConfig } from '../config';
import { prepareDatabase } from '../database';
import { importRegister } from '../register/import';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || file === '--help') {
    console.error(
      'Usage: npm run import -- FILE   (a register file in the utförarregister v1 format, CSV or JSON)',
    );
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
  const format = file.toLowerCase().endsWith('.json')
    ? 'json'
    : file.toLowerCase().endsWith('.csv')
      ? 'csv'
      : undefined;
  const result = await importRegister(db, bytes, { format, actor: 'cli' });
  db.$client.close();

  if (!result.ok) {
    console.error(`${file}: ${result.problems.length} problem(s); nothing was imported.\n`);
    for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
    return 1;
  }
  const { added, changed, ended, unchanged, systems } = result.summary;
  console.log(`${file}: imported.`);
  for (const s of systems) {
    console.log(
      `  ${s.huvudman} ${s.service}: ${s.added} added, ${s.changed} changed, ${s.ended} ended, ${s.unchanged} unchanged`,
    );
  }
  console.log(`  total: ${added} added, ${changed} changed, ${ended} ended, ${unchanged} unchanged`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
