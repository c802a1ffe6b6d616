/**
 * Regenerates shared/reference/*.json from the team's research folder (../shared/domain).
 * The JSON is committed: a clone of this project needs nothing outside it.
 *   npx tsx scripts/build-reference.ts [path/to/shared/domain]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const domain = process.argv[2] ?? '../shared/domain';
const out = 'shared/reference';

function csv(file: string): Record<string, string>[] {
  return parse(readFileSync(join(domain, file)), { columns: true, bom: true, skip_empty_lines: true });
}

const sites = new Map(csv('kommun_webbplatser.csv').map((r) => [r.kommunkod, r.webbplats]));
const regionSites = new Map(csv('region_webbplatser.csv').map((r) => [r.lanskod, r.webbplats]));
const aliases = csv('webbplatser_alias.csv');

const kommuner = csv('kommuner.csv').map((r) => ({
  code: r.kommunkod!,
  name: r.kommunnamn!,
  shortName: r.kommunnamn_kort!,
  lan: { code: r.lanskod!, name: r.lansnamn! },
  website: sites.get(r.kommunkod!) ?? null,
  otherHosts: aliases.filter((a) => a.typ === 'kommun' && a.kod === r.kommunkod).map((a) => a.adress!),
}));

const regioner = csv('regioner.csv').map((r) => ({
  code: r.lanskod!,
  name: r.regionnamn_kolada!,
  lan: { code: r.lanskod!, name: r.lansnamn! },
  website: regionSites.get(r.lanskod!) ?? null,
  otherHosts: aliases.filter((a) => a.typ !== 'kommun' && a.kod === r.lanskod).map((a) => a.adress!),
}));

const kpis = JSON.parse(readFileSync(join(domain, 'kolada/kpi_aldreomsorg_ou_level.json'), 'utf8')).values;
const koladaKpis = Object.fromEntries(
  kpis.map((k: Record<string, unknown>) => [
    k.id,
    {
      title: k.title,
      description: k.description,
      publicationDate: k.publication_date,
      period: k.publ_period,
    },
  ]),
);

writeFileSync(join(out, 'kommuner.json'), `${JSON.stringify(kommuner, null, 1)}\n`);
writeFileSync(join(out, 'regioner.json'), `${JSON.stringify(regioner, null, 1)}\n`);
writeFileSync(join(out, 'kolada-kpis.json'), `${JSON.stringify(koladaKpis, null, 1)}\n`);
console.log(`kommuner ${kommuner.length}, regioner ${regioner.length}, Kolada KPIs ${kpis.length}`);
