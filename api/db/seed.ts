import { readFileSync } from 'node:fs';
import { count, sql } from 'drizzle-orm';
import { INDICATORS, KOMMUNER, REGIONER, SOURCES } from '../../shared/reference';
import { VARDCENTRAL_INDICATORS } from '../../shared/reference/vardcentral-indicators';
import { syntheticValues } from '../demo/synthetic-values';
import { importRegister } from '../register/import';
import { chunks, rowsPerTable } from './chunks';
import type { Database } from './client';
import { bumpDataVersion } from './data-version';
import { huvudman, indicatorDefinitions, indicatorValues, sources, units } from './schema';

/** Every indicator the API serves, in display order: Kolada's KPIs, then the vårdcentral catalogue. */
const DEFINITIONS = [...INDICATORS, ...VARDCENTRAL_INDICATORS].map((i, sortOrder) => ({
  id: i.id,
  service: i.service,
  title: i.title,
  label: i.label,
  description: i.description,
  unit: i.unit,
  favourable: i.favourable,
  sourceId: i.source.id,
  isDefault: i.isDefault,
  sortOrder,
  scaleMin: i.scale.min,
  scaleMax: i.scale.max,
  countNoun: i.countNoun,
  cadence: i.cadence,
}));

/** Upserts the 290 kommuner, 21 regions, sources and indicator definitions. Idempotent. */
export async function loadReferenceData(db: Database): Promise<void> {
  const rows = [
    ...KOMMUNER.map((k) => ({
      code: k.code,
      kind: 'kommun' as const,
      name: k.name,
      shortName: k.shortName,
      lanCode: k.lan.code,
      lanName: k.lan.name,
      website: k.website,
    })),
    ...REGIONER.map((r) => ({
      code: r.code,
      kind: 'region' as const,
      name: r.name,
      shortName: r.name,
      lanCode: r.lan.code,
      lanName: r.lan.name,
      website: r.website,
    })),
  ];
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  await db.batch([
    db
      .insert(huvudman)
      .values(rows)
      .onConflictDoUpdate({
        target: huvudman.code,
        set: {
          name: excluded('name'),
          shortName: excluded('short_name'),
          lanCode: excluded('lan_code'),
          lanName: excluded('lan_name'),
          website: excluded('website'),
        },
      }),
    db
      .insert(sources)
      .values(Object.values(SOURCES))
      .onConflictDoUpdate({
        target: sources.id,
        set: {
          name: excluded('name'),
          url: excluded('url'),
          licence: excluded('licence'),
          attribution: excluded('attribution'),
        },
      }),
    db
      .insert(indicatorDefinitions)
      .values(DEFINITIONS)
      .onConflictDoUpdate({
        target: indicatorDefinitions.id,
        set: {
          service: excluded('service'),
          title: excluded('title'),
          label: excluded('label'),
          description: excluded('description'),
          unit: excluded('unit'),
          favourable: excluded('favourable'),
          sourceId: excluded('source_id'),
          isDefault: excluded('is_default'),
          sortOrder: excluded('sort_order'),
          scaleMin: excluded('scale_min'),
          scaleMax: excluded('scale_max'),
          countNoun: excluded('count_noun'),
          cadence: excluded('cadence'),
        },
      }),
  ]);
}

const demoRegister = new URL('../demo/demo-register.csv', import.meta.url);

/**
 * Loads the demo dataset (invented providers, synthetic figures) into a database that has no units.
 * Returns false, and does nothing, when the database already holds units.
 */
export async function loadDemoDataset(db: Database, now = new Date()): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(units);
  if ((row?.n ?? 0) > 0) return false;
  const result = await importRegister(db, readFileSync(demoRegister), {
    kind: 'demo',
    actor: 'demo',
    now,
    onCommit: async (tx, summary) => {
      const demoUnits = summary.changes.map((c) => ({
        id: c.unitId,
        huvudman: c.huvudman,
        service: c.service,
      }));
      const fetchedAt = now.toISOString();
      const values = syntheticValues(demoUnits).map(({ confidenceInterval, ...v }) => ({
        ...v,
        kind: 'demo' as const,
        status: null,
        sourceId: SOURCES.demo.id,
        fetchedAt,
        ciLow: confidenceInterval?.low ?? null,
        ciHigh: confidenceInterval?.high ?? null,
      }));
      for (const part of chunks(values, rowsPerTable(indicatorValues))) {
        await tx.insert(indicatorValues).values(part).onConflictDoNothing();
      }
      await bumpDataVersion(tx);
    },
  });
  if (!result.ok) {
    throw new Error(`The built-in demo register is invalid: ${JSON.stringify(result.problems)}`);
  }
  return true;
}
