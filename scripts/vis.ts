/**
 * Vården i siffror → the figures format (indikatorvärden) for one region's vårdcentraler, or with
 * --check-live a report of what the live API answers (shapes and counts, no values stored).
 *   npm run vis -- --check-live --region 01 [--hsa SE…]
 *   npm run vis -- --region 05 --measure vantetider_medicinsk_bedomning_3_dagar=<GUID> --register register.csv --out vis.csv
 * See docs/figures-format.md ("Vården i siffror").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runVisCli } from '../api/vis';
import { todayInSweden } from '../shared/register';

process.exitCode = await runVisCli(process.argv.slice(2), {
  readFile: (path) => new Uint8Array(readFileSync(path)),
  writeFile: (path, text) => writeFileSync(path, text),
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  today: todayInSweden(),
});
