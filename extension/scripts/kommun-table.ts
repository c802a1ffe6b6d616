/**
 * Writes extension/core/sites/kommun-table.ts: a compact table of the 290 kommuner and their website hosts
 * (about 3 kB gzip instead of the 6 kB reference JSON), so the content script can recognise a kommun
 * from the hostname. Run `npx tsx extension/scripts/kommun-table.ts` after the reference data changes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KOMMUNER, REGIONER } from '../../shared/reference';

export function buildKommunTable(): string {
  return KOMMUNER.map((k) => [k.code, k.shortName, k.website, ...k.otherHosts].join('|')).join(';');
}

/** Regions: länskod|län name|region name|hosts..., one per ";". */
export function buildRegionTable(): string {
  return REGIONER.map((r) => [r.code, r.lan.name, r.name, r.website, ...r.otherHosts].join('|')).join(';');
}

export function renderKommunTableModule(): string {
  return [
    '// Generated from shared/reference/kommuner.json by extension/scripts/kommun-table.ts;',
    '// test/extension/core/sites/detect.test.ts fails when it drifts.',
    '// Format: code|shortName|host|otherHost...; one kommun per ";".',
    `export const KOMMUN_TABLE =\n  '${buildKommunTable()}';`,
    `export const REGION_TABLE =\n  '${buildRegionTable()}';`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../core/sites/kommun-table.ts', import.meta.url), renderKommunTableModule());
}
