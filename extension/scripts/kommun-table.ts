/**
 * Writes extension/core/sites/kommun-table.ts: a compact table of the 290 kommuner and their website hosts
 * (about 3 kB gzip instead of the 6 kB reference JSON), so the content script can recognise a kommun
 * from the hostname. Run `npx tsx extension/scripts/kommun-table.ts` after the reference data changes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KOMMUNER, REGIONER } from '../../shared/reference';
import { usualKommunHost } from '../core/sites/places';

/**
 * Kommuner: the last two digits of the code, the short name, and the hosts, one kommun per ";". The
 * first kommun of each län starts with "#" and the län's two digits. The website host is left out
 * when it is the usual one (the name folded, without spaces, + ".se": 280 of 290), so the table is
 * about 2 kB gzip in the content script instead of 3.2 kB.
 */
export function buildKommunTable(): string {
  let lan = '';
  return KOMMUNER.map((k) => {
    const website = k.website === usualKommunHost(k.shortName) ? '' : k.website;
    const row = [k.code.slice(2), k.shortName, website, ...k.otherHosts];
    while (row.at(-1) === '') row.pop();
    const kommunLan = k.code.slice(0, 2);
    const prefix = kommunLan === lan ? '' : `#${kommunLan}`;
    lan = kommunLan;
    return prefix + row.join('|');
  }).join(';');
}

/** Regions: länskod|län name|region name|hosts..., one per ";". */
export function buildRegionTable(): string {
  return REGIONER.map((r) => [r.code, r.lan.name, r.name, r.website, ...r.otherHosts].join('|')).join(';');
}

export function renderKommunTableModule(): string {
  return [
    '// Generated from shared/reference/kommuner.json by extension/scripts/kommun-table.ts;',
    '// test/extension/core/sites/detect.test.ts fails when it drifts.',
    '// Format: [#län]kommun digits|shortName|host (empty when usual)|otherHost...; one kommun per ";".',
    `export const KOMMUN_TABLE =\n  '${buildKommunTable()}';`,
    `export const REGION_TABLE =\n  '${buildRegionTable()}';`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../core/sites/kommun-table.ts', import.meta.url), renderKommunTableModule());
}
