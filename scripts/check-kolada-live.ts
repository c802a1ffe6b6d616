/**
 * npm run kolada:check-live [-- --base-url URL]
 * Asks the live Kolada API (needs internet; about 25 requests, a few seconds) whether what
 * ../shared/docs/KOLADA.md could not confirm, and what the sync assumes, holds. Prints shapes,
 * counts and yes/no answers, never a figure; writes nothing. Exit code 1 when anything differs.
 */
import { checkKoladaLive, formatFindings } from '../api/kolada/live-check';

const at = process.argv.indexOf('--base-url');
const baseUrl = at > 0 ? process.argv[at + 1] : process.env.KOLADA_BASE_URL;
const findings = await checkKoladaLive(baseUrl ? { baseUrl } : {});
for (const line of formatFindings(findings)) console.log(line);
const differs = findings.filter((f) => f.verdict === 'differs').length;
console.log(
  `${findings.length} kontroller: ${findings.length - differs} utan avvikelse, ${differs} avviker.`,
);
process.exit(differs > 0 ? 1 : 0);
