import { readFileSync } from 'node:fs';
import { count, sql } from 'drizzle-orm';
import { INDICATORS, KOMMUNER, REGIONER, SOURCES } from '../../shared/reference';
import { DEMO_PERIOD, syntheticValues } from '../demo/synthetic-values';
import { importRegister } from '../register/import';
import type { Database } from './client';
import { bumpDataVersion } from './data-version';
import { huvudman, indicatorDefinitions, indicatorValues, sources, units } from './schema';

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
      .values(INDICATORS.map((i, sortOrder) => ({ ...i, sourceId: i.source.id, sortOrder })))
      .onConflictDoUpdate({
        target: indicatorDefinitions.id,
        set: {
          service: excluded('service'),
          title: excluded('title'),
          label: excluded('label'),
          description: excluded('description'),
          unit: excluded('unit'),
          favourable: excluded('favourable'),
          isDefault: excluded('is_default'),
          sortOrder: excluded('sort_order'),
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
      const values = syntheticValues(demoUnits).map((v) => ({
        ...v,
        kind: 'demo' as const,
        status: null,
        sourceId: SOURCES.demo.id,
        publishedAt: `${Number(DEMO_PERIOD)}-10-15`,
        fetchedAt,
      }));
      for (let i = 0; i < values.length; i += 200) {
        await tx
          .insert(indicatorValues)
          .values(values.slice(i, i + 200))
          .onConflictDoNothing();
      }
      await bumpDataVersion(tx);
    },
  });
  if (!result.ok) {
    throw new Error(`The built-in demo register is invalid: ${JSON.stringify(result.problems)}`);
  }
  return true;
}
